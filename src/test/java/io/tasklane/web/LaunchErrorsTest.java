package io.tasklane.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.tasklane.common.FieldViolation;
import org.junit.jupiter.api.Test;

class LaunchErrorsTest {

    @Test
    void eachRuleIsShownAtTheFormFieldThatHoldsItsValue() {
        assertThat(LaunchErrors.formField("replicas")).isEqualTo("replicas");
        assertThat(LaunchErrors.formField("ray.filePath")).isEqualTo("rayFilePath");
        assertThat(LaunchErrors.formField("ray")).isEqualTo("rayFilePath");
        assertThat(LaunchErrors.formField("command[0]")).isEqualTo("command");
        assertThat(LaunchErrors.formField("ports[1].containerPort")).isEqualTo("ports");
        assertThat(LaunchErrors.formField("env.SHM_SIZE")).isEqualTo("env");
        assertThat(LaunchErrors.formField("tags[2]")).isEqualTo("tags");
        assertThat(LaunchErrors.formField("schedule.windows[0].maxReplicas")).isEqualTo("windows[0].maxReplicas");
        assertThat(LaunchErrors.formField("schedule.windows")).isEqualTo("windows");
        assertThat(LaunchErrors.formField("schedule.type")).isEqualTo("scheduleType");
        assertThat(LaunchErrors.formField("schedule.timeZone")).isEqualTo("timeZone");
        assertThat(LaunchErrors.formField("state")).as("a task's state is no field of the wizard").isNull();
        assertThat(LaunchErrors.formField(null)).isNull();
    }

    @Test
    void eachRuleBelongsToTheStepThatShowsItsField() {
        assertThat(LaunchStep.showing("cluster")).isEqualTo(LaunchStep.RESOURCE);
        assertThat(LaunchStep.showing("replicas")).isEqualTo(LaunchStep.RESOURCE);
        assertThat(LaunchStep.showing("env.SHM_SIZE")).isEqualTo(LaunchStep.SETTINGS);
        assertThat(LaunchStep.showing("storages[0].mountPath")).isEqualTo(LaunchStep.SETTINGS);
        assertThat(LaunchStep.showing("schedule.at")).isEqualTo(LaunchStep.SCHEDULE);
        assertThat(LaunchStep.showing("version")).isEqualTo(LaunchStep.SUMMARY);
    }

    @Test
    void movingOnChecksOnlyTheStepsLeftBehind() {
        LaunchErrors errors = new LaunchErrors(List.of(
                new FieldViolation("name", "dns-label", "name is required"),
                new FieldViolation("replicas", "max", "replicas must be at most 1000"),
                new FieldViolation("state", "not-active", "task t1 is RUNNING and cannot be edited; stop it first")));

        LaunchErrors leavingResource = errors.before(LaunchStep.SETTINGS);

        assertThat(leavingResource.byField()).containsOnlyKeys("replicas");
        assertThat(leavingResource.firstStep()).isEqualTo(LaunchStep.RESOURCE);
        assertThat(errors.before(LaunchStep.SCHEDULE).byField()).containsOnlyKeys("name", "replicas");
        assertThat(errors.general()).containsExactly("task t1 is RUNNING and cannot be edited; stop it first");
        assertThat(errors.firstStep()).isEqualTo(LaunchStep.RESOURCE);
    }

    @Test
    void theListAboveAStepLinksEachProblemToItsFieldByItsLabel() {
        LaunchErrors errors = new LaunchErrors(List.of(
                new FieldViolation("activeDeadlineSeconds", "range", "activeDeadlineSeconds must be between 60 and 2592000 (30 days)"),
                new FieldViolation("schedule.windows[1].maxReplicas", "fits-cluster", "windows[1].maxReplicas 9 needs 9 SKUs")));

        assertThat(errors.problems()).containsExactly(
                new LaunchErrors.Problem("activeDeadlineSeconds", "launch.deadline", null,
                        "activeDeadlineSeconds must be between 60 and 2592000 (30 days)"),
                new LaunchErrors.Problem("window-1-max", "launch.window.max.for", 2, "windows[1].maxReplicas 9 needs 9 SKUs"));
    }
}
