package io.tasklane.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tasklane.capacity.CapacityChanged;
import io.tasklane.queue.DispatchRequested;
import io.tasklane.queue.GrowsGranted;
import io.tasklane.queue.RunsAdmitted;
import io.tasklane.runtime.ReplicasChanged;
import io.tasklane.sizing.GrowWithdrawn;
import io.tasklane.sizing.ResizeRequested;
import io.tasklane.task.PinEnded;
import io.tasklane.task.RunStarted;
import io.tasklane.task.RunStopRequested;
import io.tasklane.task.TaskState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every event between modules survives the event registry: written as JSON with the change that published it,
 * read back to be delivered again after a failure or a crash. An event that does not read back equal would
 * be lost exactly when it matters.
 */
class EventRecordsTest {

    static final RunId RUN = new RunId("r0123456789ab");
    static final TaskId TASK = new TaskId("t0123456789ab");
    static final ClusterName CLUSTER = new ClusterName("a100");

    static List<Object> events() {
        return List.of(new RunStarted(RUN, TASK), new RunStopRequested(RUN, true), new PinEnded(TASK, RUN, TaskState.STARTING),
                new RunsAdmitted(List.of(RUN, new RunId("rba9876543210"))), new GrowsGranted(List.of(RUN)),
                new DispatchRequested(CLUSTER), new ReplicasChanged(RUN), new ResizeRequested(RUN), new GrowWithdrawn(RUN),
                new CapacityChanged(CLUSTER));
    }

    @ParameterizedTest
    @MethodSource("events")
    void readsBackEqualFromItsJson(Object event) throws Exception {
        JsonMapper json = JsonMapper.builder().findAndAddModules().build();
        String written = json.writeValueAsString(event);
        assertThat(json.readValue(written, event.getClass())).as(written).isEqualTo(event);
    }

    /** Ids and cluster names are written as plain strings, as before they were typed: what the registry holds still reads. */
    static Stream<Arguments> idsAndNames() {
        return Stream.of(
                Arguments.of(new DispatchRequested(CLUSTER), "{\"cluster\":\"a100\"}"),
                Arguments.of(new CapacityChanged(CLUSTER), "{\"cluster\":\"a100\"}"),
                Arguments.of(new RunStarted(RUN, TASK), "{\"runId\":\"r0123456789ab\",\"taskId\":\"t0123456789ab\"}"),
                Arguments.of(new RunsAdmitted(List.of(RUN)), "{\"runIds\":[\"r0123456789ab\"]}"));
    }

    @ParameterizedTest
    @MethodSource("idsAndNames")
    void writesIdsAndClusterNamesAsPlainStrings(Object event, String asWrittenBefore) throws Exception {
        JsonMapper json = JsonMapper.builder().findAndAddModules().build();
        assertThat(json.writeValueAsString(event)).isEqualTo(asWrittenBefore);
        assertThat(json.readValue(asWrittenBefore, event.getClass())).isEqualTo(event);
    }
}
