package io.tasklane.web;

import static io.tasklane.task.TaskSpecBuilder.aSpec;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.tasklane.common.RunId;
import io.tasklane.runtime.InstanceState;
import io.tasklane.runtime.RunInstance;
import io.tasklane.task.RunRoles;
import io.tasklane.task.TaskRole;
import io.tasklane.task.TaskSpec;
import io.tasklane.web.TaskDetails.InstanceGroup;
import io.tasklane.web.TaskDetails.RoleLine;
import org.junit.jupiter.api.Test;

/** How the Task page shows a task of roles: its layout in rank order, and the current run's replicas by role. */
class TaskRolesViewTest {

    @Test
    void theLayoutListsTheChiefFirstWithItsRanksAndWhatEachRoleRuns() {
        TaskSpec spec = aSpec().command(List.of("python", "train.py")).args(List.of("--epochs", "3"))
                .role(new TaskRole("worker", 2, 2, null, List.of("--role", "worker"), null))
                .role(new TaskRole("master", 1, 1, null, null, null))
                .role(new TaskRole("ps", 1, 1, List.of("python", "ps.py"), null, null))
                .build().withDefaults();

        assertThat(TaskDetailsReader.roles(spec)).containsExactly(
                new RoleLine("master", 1, 1, 0, "python train.py --epochs 3"),
                new RoleLine("worker", 2, 2, 1, "python train.py --role worker"),
                new RoleLine("ps", 1, 1, 3, "python ps.py"));
    }

    @Test
    void aTaskWithoutRolesHasNoLayout() {
        assertThat(TaskDetailsReader.roles(aSpec().build().withDefaults())).isEmpty();
    }

    @Test
    void replicasAreGroupedByRoleInRankOrderWithTheirIndexInTheirRole() {
        RunRoles roles = RunRoles.of(aSpec().role("worker", 2, 1).role("master", 1, 1).role("ps", 1, 1).build().withDefaults());
        List<InstanceGroup> groups = TaskDetailsReader.byRole(List.of(3, 1, 0, 2).stream()
                .map(index -> TaskDetailsReader.line(instance(index), roles)).toList());

        assertThat(groups).extracting(InstanceGroup::role).containsExactly("master", "worker", "ps");
        assertThat(groups.get(1).instances()).extracting(i -> i.rank() + ":" + i.roleIndex()).containsExactly("1:0", "2:1");
        assertThat(groups.get(2).instances()).extracting(i -> i.role() + ":" + i.rank()).containsExactly("ps:3");
    }

    @Test
    void replicasOfARunWithoutRolesAreOneGroupWithoutARole() {
        List<InstanceGroup> groups = TaskDetailsReader.byRole(List.of(
                TaskDetailsReader.line(instance(1), null), TaskDetailsReader.line(instance(0), null)));
        assertThat(groups).hasSize(1);
        assertThat(groups.get(0).role()).isNull();
        assertThat(groups.get(0).instances()).extracting(TaskDetails.InstanceLine::index).containsExactly(0, 1);
        assertThat(groups.get(0).instances().get(0).rank()).isNull();
    }

    private static RunInstance instance(int index) {
        return new RunInstance(new RunId("r1"), index, "node-1", List.of(index), InstanceState.READY, null, null, null, null, null,
                null, null, null);
    }
}
