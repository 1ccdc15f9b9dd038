package io.tasklane.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.tasklane.runtime.Deployments;
import io.tasklane.schedule.ScheduleService;
import io.tasklane.schedule.ScheduleView;
import io.tasklane.security.Caller;
import io.tasklane.common.RunId;
import io.tasklane.task.RunService;
import io.tasklane.task.Task;
import io.tasklane.task.TaskRun;
import io.tasklane.task.TaskService;
import io.tasklane.task.TaskSpec;
import io.tasklane.web.TaskDetails.EventLine;
import io.tasklane.web.TaskDetails.InstanceLine;
import io.tasklane.web.TaskDetails.RunLine;
import io.tasklane.web.TaskDetails.Setting;
import org.springframework.stereotype.Component;

/** Reads what the Task page shows, for a caller who may see the task (404 otherwise, as in the API). */
@Component
class TaskDetailsReader {

    static final int RUNS_SHOWN = 20;
    static final String COCKPIT_PROCESS_INSTANCE = "/camunda/app/cockpit/default/#/process-instance/";

    private final TaskService tasks;
    private final RunService runs;
    private final Deployments deployments;
    private final ScheduleService schedules;
    private final TaskRows rows;

    TaskDetailsReader(TaskService tasks, RunService runs, Deployments deployments, ScheduleService schedules, TaskRows rows) {
        this.tasks = tasks;
        this.runs = runs;
        this.deployments = deployments;
        this.schedules = schedules;
        this.rows = rows;
    }

    TaskDetails read(Caller caller, Task task) {
        List<RunLine> runLines = runs.runsOf(task.id(), 0, RUNS_SHOWN).stream().map(TaskDetailsReader::runLine).toList();
        RunLine current = task.currentRunId() == null ? null
                : runLines.stream().filter(run -> run.id().equals(task.currentRunId().value())).findFirst().orElse(null);
        List<InstanceLine> instances = task.currentRunId() == null ? List.of()
                : deployments.instancesOf(task.currentRunId()).stream()
                        .map(i -> new InstanceLine(i.index(), i.node(), gpus(i.gpus()), i.state(), i.exitCode(), i.message()))
                        .toList();
        List<EventLine> events = new ArrayList<>(tasks.history(caller, task.id()).stream()
                .map(e -> new EventLine(ConsoleTimes.utcSeconds(e.at()), e.actor(), e.type(), e.fromState(), e.toState(), e.reason()))
                .toList());
        Collections.reverse(events); // newest first: what just happened is what a person looks for
        return new TaskDetails(rows.of(caller, task), settings(task.spec(), schedules.viewOf(task.id())), runLines, current,
                instances, events);
    }

    private static RunLine runLine(TaskRun run) {
        String cockpit = run.processInstanceId() == null ? null : COCKPIT_PROCESS_INSTANCE + run.processInstanceId();
        return new RunLine(run.id().value(), run.state(), run.reason(), run.requestedBy(), ConsoleTimes.utcSeconds(run.queuedAt()),
                ConsoleTimes.utcSeconds(run.startedAt()), ConsoleTimes.utcSeconds(run.finishedAt()), cockpit, !run.isOver());
    }

    private static List<Setting> settings(TaskSpec spec, ScheduleView schedule) {
        List<Setting> settings = new ArrayList<>();
        add(settings, "field.image", spec.image());
        add(settings, "field.entry", TaskRows.entryOf(spec));
        add(settings, "field.cluster", spec.cluster());
        add(settings, "field.skuPerReplica", String.valueOf(spec.largestSkuPerReplica()));
        add(settings, "field.replicas", String.valueOf(spec.replicaCount()));
        add(settings, "field.ports", spec.ports().stream()
                .map(p -> p.externalPort() == null ? String.valueOf(p.containerPort()) : p.containerPort() + " → " + p.externalPort())
                .collect(Collectors.joining(", ")));
        add(settings, "field.env", spec.env().entrySet().stream().map(Map.Entry::toString).collect(Collectors.joining(", ")));
        add(settings, "field.storages", spec.storages().stream()
                .map(s -> s.name() + " → " + s.mountPath() + (Boolean.TRUE.equals(s.readOnly()) ? " (ro)" : ""))
                .collect(Collectors.joining(", ")));
        add(settings, "field.tags", String.join(", ", spec.tags()));
        add(settings, "field.priority", String.valueOf(spec.priority()));
        add(settings, "field.activeDeadlineSeconds", String.valueOf(spec.activeDeadlineSeconds()));
        add(settings, "field.schedule", schedule.schedule().type().name() + " · " + schedule.schedule().zone().getId()
                + schedule.nextFire().map(fire -> " · " + ConsoleTimes.in(fire.in(schedule.schedule().zone()))).orElse(""));
        add(settings, "field.description", spec.description());
        return settings;
    }

    private static void add(List<Setting> settings, String key, String value) {
        if (value != null && !value.isBlank()) {
            settings.add(new Setting(key, value));
        }
    }

    private static String gpus(List<Integer> indices) {
        return indices == null ? "" : indices.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
