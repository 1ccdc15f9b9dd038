package io.tasklane.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.tasklane.capacity.NodeSnapshot;
import io.tasklane.capacity.QueuePolicy;
import io.tasklane.common.RunId;
import io.tasklane.common.TaskId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AdmissionTest {

    static final Instant T0 = Instant.parse("2026-11-24T00:00:00Z");

    static Stream<Arguments> cases() {
        return Stream.of(
                argumentSet("everything fits", nodes(8), QueuePolicy.BEST_EFFORT_FIFO,
                        List.of(run("a", 0, 0, 2), run("b", 0, 1, 2)), List.of("a", "b")),
                argumentSet("gang: a run is admitted whole or not at all", nodes(4, 4), QueuePolicy.BEST_EFFORT_FIFO,
                        List.of(run("a", 0, 0, 3, 3)), List.of()),
                argumentSet("best effort: a smaller run passes a head that does not fit", nodes(4), QueuePolicy.BEST_EFFORT_FIFO,
                        List.of(run("big", 0, 0, 6), run("small", 0, 1, 2)), List.of("small")),
                argumentSet("strict FIFO: nothing passes the head", nodes(4), QueuePolicy.STRICT_FIFO,
                        List.of(run("big", 0, 0, 6), run("small", 0, 1, 2)), List.of()),
                argumentSet("priority before submit time", nodes(4), QueuePolicy.BEST_EFFORT_FIFO,
                        List.of(run("early", 0, 0, 4), run("urgent", 5, 1, 4)), List.of("urgent")),
                argumentSet("submit time breaks priority ties", nodes(4), QueuePolicy.BEST_EFFORT_FIFO,
                        List.of(run("later", 1, 9, 4), run("sooner", 1, 2, 4)), List.of("sooner")),
                argumentSet("a pinned run goes first", nodes(4), QueuePolicy.BEST_EFFORT_FIFO,
                        List.of(run("high", 9, 0, 4), pinned("pinned", 0, 5, 4)), List.of("pinned")),
                argumentSet("a pinned run that does not fit blocks everything behind it", nodes(4), QueuePolicy.BEST_EFFORT_FIFO,
                        List.of(pinned("pinned", 0, 0, 6), run("small", 9, 1, 1)), List.of()),
                argumentSet("a pinned run is admitted before runs submitted earlier", nodes(8), QueuePolicy.BEST_EFFORT_FIFO,
                        List.of(run("a", 0, 0, 2), pinned("p", 0, 1, 4), run("b", 0, 2, 2)), List.of("p", "a", "b")));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void admitsInQueueOrderWhatFits(List<NodeSnapshot> nodes, QueuePolicy policy, List<QueueEntry> queue, List<String> admitted) {
        assertThat(Admission.admit(queue, nodes, policy)).extracting(a -> a.entry().runId().value()).containsExactlyElementsOf(admitted);
    }

    @Test
    void admittedRunsNeverShareASlot() {
        List<QueueEntry> queue = IntStream.range(0, 50).mapToObj(i -> run("r" + i, i % 3, i, 1 + i % 3)).toList();

        var admitted = Admission.admit(queue, nodes(8, 8, 8, 4), QueuePolicy.BEST_EFFORT_FIFO);

        List<String> slots = admitted.stream().flatMap(a -> a.placements().stream())
                .flatMap(p -> p.slots().stream().map(s -> p.node() + "/" + s)).toList();
        assertThat(slots).doesNotHaveDuplicates().hasSize(28);
    }

    @Test
    void anIncrementalWalkSaysWhenNothingBehindCanStart() {
        Admission full = new Admission(nodes(2), QueuePolicy.BEST_EFFORT_FIFO);
        assertThat(full.offer(run("a", 0, 0, 1))).isTrue();
        assertThat(full.offer(run("b", 0, 1, 1))).as("every slot taken").isFalse();

        Admission pinnedHead = new Admission(nodes(2), QueuePolicy.BEST_EFFORT_FIFO);
        assertThat(pinnedHead.offer(pinned("p", 0, 0, 4))).as("a pinned run that does not fit blocks the rest").isFalse();

        Admission bestEffort = new Admission(nodes(2), QueuePolicy.BEST_EFFORT_FIFO);
        assertThat(bestEffort.offer(run("big", 0, 0, 4))).as("a smaller run may still pass").isTrue();
        assertThat(bestEffort.offer(run("small", 0, 1, 2))).isFalse();
        assertThat(bestEffort.admitted()).extracting(a -> a.entry().runId().value()).containsExactly("small");
    }

    static QueueEntry run(String id, int priority, int submittedSecond, int skuPerReplica) {
        return run(id, priority, submittedSecond, skuPerReplica, 1);
    }

    static QueueEntry run(String id, int priority, int submittedSecond, int skuPerReplica, int replicas) {
        return new QueueEntry(new RunId(id), new TaskId("task-" + id), false, priority, T0.plusSeconds(submittedSecond), replicas, skuPerReplica);
    }

    static QueueEntry pinned(String id, int priority, int submittedSecond, int skuPerReplica) {
        return new QueueEntry(new RunId(id), new TaskId("task-" + id), true, priority, T0.plusSeconds(submittedSecond), 1, skuPerReplica);
    }

    static List<NodeSnapshot> nodes(int... capacity) {
        return IntStream.range(0, capacity.length).mapToObj(i -> NodeSnapshot.of("n" + i, capacity[i], List.of())).toList();
    }
}
