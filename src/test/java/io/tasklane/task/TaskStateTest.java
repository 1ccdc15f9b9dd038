package io.tasklane.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The named state sets agree with one another and with the lifecycle in DESIGN.md. */
class TaskStateTest {

    @Test
    void everyStateIsCreatedActiveOrFinalAndOnlyOne() {
        Set<TaskState> all = new HashSet<>(TaskState.ACTIVE);
        all.addAll(TaskState.FINAL);
        all.add(TaskState.CREATED);

        assertThat(all).isEqualTo(EnumSet.allOf(TaskState.class));
        assertThat(TaskState.ACTIVE).doesNotContainAnyElementsOf(TaskState.FINAL).doesNotContain(TaskState.CREATED);
    }

    @Test
    void aStartIsFromANeverStartedOrEndedTaskAndAStopFromAnActiveOneNotAlreadyStopping() {
        assertThat(TaskState.STARTABLE).containsExactlyInAnyOrderElementsOf(union(TaskState.FINAL, TaskState.CREATED));
        assertThat(TaskState.STOPPABLE).containsExactlyInAnyOrder(TaskState.QUEUED, TaskState.STARTING, TaskState.RUNNING);
        assertThat(TaskState.ACTIVE).containsAll(TaskState.STOPPABLE).containsAll(TaskState.RESIZABLE);
        assertThat(TaskState.STOPPING.isActive()).isTrue();
        assertThat(TaskState.SUCCEEDED.isActive()).isFalse();
    }

    @Test
    void theSqlListIsQuotedInLifecycleOrder() {
        assertThat(TaskState.sqlList(TaskState.FINAL)).isEqualTo("('STOPPED', 'KILLED', 'FAILED', 'SUCCEEDED')");
    }

    private static Set<TaskState> union(Set<TaskState> states, TaskState more) {
        Set<TaskState> union = EnumSet.copyOf(states);
        union.add(more);
        return union;
    }
}
