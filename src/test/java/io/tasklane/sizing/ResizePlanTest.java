package io.tasklane.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import io.tasklane.task.TaskState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a resize does, by the run's state and size and the range asked for. */
class ResizePlanTest {

    static Stream<Arguments> plans() {
        return Stream.of(
                Arguments.of("nothing asked", size(TaskState.RUNNING, true, false, 4, null), ResizePlan.NOTHING),
                Arguments.of("running, fewer asked", size(TaskState.RUNNING, true, false, 4, 2), ResizePlan.SHRINK),
                Arguments.of("running, more asked", size(TaskState.RUNNING, true, false, 2, 4), ResizePlan.GROW),
                Arguments.of("running, same count asked", size(TaskState.RUNNING, true, false, 4, 4), ResizePlan.BOUNDS_ONLY),
                Arguments.of("starting, more asked", size(TaskState.STARTING, true, false, 2, 4), ResizePlan.GROW),
                Arguments.of("waiting in the queue", size(TaskState.QUEUED, false, false, 2, 8), ResizePlan.RESIZE_WAITING_RUN),
                Arguments.of("admitted, not yet starting", size(TaskState.QUEUED, true, false, 8, 2), ResizePlan.SHRINK),
                Arguments.of("stop asked for", size(TaskState.RUNNING, true, true, 2, 4), ResizePlan.NOTHING),
                Arguments.of("stopping", size(TaskState.STOPPING, true, false, 2, 4), ResizePlan.NOTHING),
                Arguments.of("over", size(TaskState.STOPPED, true, false, 2, 4), ResizePlan.NOTHING));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void plan(String name, RunSize size, ResizePlan expected) {
        assertThat(ResizePlan.of(size)).isEqualTo(expected);
    }

    static RunSize size(TaskState state, boolean admitted, boolean stopRequested, int replicas, Integer targetMax) {
        return new RunSize("r", "c", state, admitted, stopRequested, replicas, 1, targetMax == null ? null : 1, targetMax, null);
    }
}
