package io.tasklane.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.tasklane.common.FieldViolation;
import io.tasklane.schedule.ReplicaWindow;
import io.tasklane.schedule.Schedule;
import io.tasklane.schedule.ScheduleType;
import io.tasklane.common.TaskId;
import io.tasklane.task.PortMapping;
import io.tasklane.task.RayEntry;
import io.tasklane.task.StorageMount;
import io.tasklane.task.TaskKind;
import io.tasklane.task.TaskSpec;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.time.ZoneId;

class LaunchDraftTest {

    @Test
    void aFilledFormIsTheSpecTheApiWouldTake() {
        LaunchForm form = new LaunchForm();
        form.setName("hello");
        form.setProject("demo");
        form.setKind("JOB");
        form.setCluster("local");
        form.setSkuPerReplica("2");
        form.setReplicas(" 3 ");
        form.setCommand("sh -c 'echo hello; sleep 1'");
        form.setArgs("--verbose");
        form.setImage("python:3.12");
        form.setPorts("8000\n\n9000:30090");
        form.setEnv("SHM_SIZE=16G\nGREETING=a=b");
        form.setStorages("data:/data:ro\nscratch:/scratch");
        form.setTags("demo, nightly");
        form.setPriority("10");
        form.setActiveDeadlineSeconds("3600");

        LaunchDraft draft = LaunchDraft.of(form);

        assertThat(draft.unreadable()).isEmpty();
        assertThat(draft.spec()).isEqualTo(new TaskSpec("hello", "demo", TaskKind.JOB, "python:3.12", null,
                List.of("sh", "-c", "echo hello; sleep 1"), List.of("--verbose"), "local", 2, 3,
                List.of(new PortMapping(8000, null), new PortMapping(9000, 30090)), Map.of("SHM_SIZE", "16G", "GREETING", "a=b"),
                List.of(new StorageMount("data", "/data", true), new StorageMount("scratch", "/scratch", false)), null,
                List.of("demo", "nightly"), 10, 3600L, null, null, null));
        assertThat(draft.schedule().type()).isEqualTo("MANUAL");
    }

    @Test
    void aRayEntryGivesNoCommandAndTheCommandFieldsAreIgnored() {
        LaunchForm form = new LaunchForm();
        form.setEntry("RAY");
        form.setRayFilePath("serve");
        form.setRayDeploymentName("app");
        form.setCommand("ignored 'open quote");

        LaunchDraft draft = LaunchDraft.of(form);

        assertThat(draft.unreadable()).isEmpty();
        assertThat(draft.spec().ray()).isEqualTo(new RayEntry("serve", "app"));
        assertThat(draft.spec().command()).isNull();
        assertThat(draft.spec().args()).isNull();
    }

    @Test
    void noArgumentsIsAnEmptyListSoACopyDropsItsSourcesArguments() {
        LaunchForm form = new LaunchForm();
        form.setCommand("python serve.py");
        form.setArgs("  ");

        assertThat(LaunchDraft.of(form).spec().args()).isEmpty();
    }

    @Test
    void textThatCannotBeReadIsABrokenRuleAtItsField() {
        LaunchForm form = new LaunchForm();
        form.setReplicas("three");
        form.setCommand("sh -c 'echo");
        form.setPorts("80\nhttp");
        form.setEnv("NOEQUALS");
        form.setStorages("data");
        form.setScheduleType("DAILY");
        form.setWindows(List.of(new LaunchForm.WindowRow("08:00", "x", "2")));

        List<String> fields = LaunchDraft.of(form).unreadable().stream().map(FieldViolation::field).toList();

        assertThat(fields).containsExactlyInAnyOrder("replicas", "command", "ports[1].containerPort", "env", "storages[0]",
                "schedule.windows[0].minReplicas");
    }

    @Test
    void aDailyScheduleIsARequestForTheScheduleRules() {
        LaunchForm form = new LaunchForm();
        form.setScheduleType("DAILY");
        form.setTimeZone("Asia/Shanghai");
        form.setAt("2026-12-01T09:00");
        form.setActive(true);
        form.setWindows(new java.util.ArrayList<>(List.of(new LaunchForm.WindowRow("08:00", "1", "2"), new LaunchForm.WindowRow())));
        form.compactWindows();

        var request = LaunchDraft.of(form).schedule();

        assertThat(request.type()).isEqualTo("DAILY");
        assertThat(request.timeZone()).isEqualTo("Asia/Shanghai");
        assertThat(request.at()).as("a daily schedule fires at its windows").isNull();
        assertThat(request.windows()).hasSize(1);
        assertThat(request.windows().get(0).maxReplicas()).isEqualTo(2);
        assertThat(request.active()).isTrue();
    }

    @Test
    void aTaskFillsTheFormAndReadsBackAsTheSameSpec() {
        TaskSpec spec = new TaskSpec("hello", "demo", TaskKind.SERVICE, "python:3.12", null,
                List.of("python", "-m", "http.server"), List.of("8000"), "local", 1, 2, List.of(new PortMapping(8000, 30080)),
                Map.of("SHM_SIZE", "1G"), List.of(new StorageMount("data", "/data", true)), "a server", List.of("web"), 5, 600L, null, null, null);
        Schedule schedule = new Schedule(new TaskId("t1"), ScheduleType.DAILY, ZoneId.of("Asia/Shanghai"), null, null,
                List.of(new ReplicaWindow(LocalTime.of(8, 0), 1, 2)), true, null, null, null);

        LaunchForm edit = LaunchForm.of(LaunchMode.EDIT, "t1", spec, schedule);
        LaunchForm copy = LaunchForm.of(LaunchMode.COPY, "t1", spec, schedule);

        assertThat(LaunchDraft.of(edit).spec()).isEqualTo(spec);
        assertThat(LaunchDraft.of(edit).schedule().windows()).hasSize(1);
        assertThat(copy.getName()).as("a copy is named by the copy rule unless named").isNull();
        assertThat(copy.fixesProjectAndKind()).isTrue();
    }
}
