package io.tasklane.queue;

import static io.tasklane.queue.WaitReason.Kind.FEWER_SKUS_PER_REPLICA;
import static io.tasklane.queue.WaitReason.Kind.FITS_NOW;
import static io.tasklane.queue.WaitReason.Kind.FRAGMENTED;
import static io.tasklane.queue.WaitReason.Kind.NEVER_FITS;
import static io.tasklane.queue.WaitReason.Kind.NOT_ENOUGH_FREE;
import static io.tasklane.queue.WaitReason.Kind.NOT_QUEUED;
import static io.tasklane.queue.WaitReason.Kind.OTHER_CLUSTER;
import static io.tasklane.queue.WaitReason.Kind.PINNED_AHEAD;
import static io.tasklane.queue.WaitReason.Kind.PINNED_AHEAD_HIDDEN;
import static io.tasklane.queue.WaitReason.Kind.QUOTA_EXCEEDED;
import static io.tasklane.queue.WaitReason.Kind.RUNS_AHEAD;
import static io.tasklane.queue.WaitReason.Kind.RUNS_AHEAD_STRICT;
import static io.tasklane.queue.WaitReason.Kind.SCHEDULE_NOT_DUE;
import static io.tasklane.queue.WaitReason.Kind.SPLIT_REPLICAS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.tasklane.capacity.NodeSnapshot;
import io.tasklane.capacity.QueuePolicy;
import io.tasklane.common.RunId;
import io.tasklane.common.TaskId;
import io.tasklane.queue.WaitReasons.OtherCluster;
import io.tasklane.queue.WaitReasons.Situation;
import io.tasklane.usage.ClusterQuotas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WaitReasonsTest {

    static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    /** Every run of these cases is of one project, which a case may give a quota. */
    static final String PROJECT = "vision";

    /** Nodes of 8 SKUs of 1 GPU, with this many slots free on each. */
    static Stream<Arguments> reasons() {
        return Stream.of(
                argumentSet("room now: the next pass starts it", cluster(free(8, 8)).waiting(run("me", 1, 4)),
                        List.of(FITS_NOW), List.of()),
                argumentSet("not enough free GPUs in all", cluster(free(2, 2)).waiting(run("me", 1, 8)),
                        List.of(NOT_ENOUGH_FREE), List.of(List.of(8, 4, 16))),
                argumentSet("gang fragmentation: enough in all, not on one node", cluster(free(4, 4)).waiting(run("me", 1, 8)),
                        List.of(FRAGMENTED), List.of(List.of(8, 4, 1))),
                argumentSet("gang fragmentation counted in GPUs of 2-GPU SKUs", cluster(free(2, 2)).gpusPerSku(2).waiting(run("me", 1, 4)),
                        List.of(FRAGMENTED), List.of(List.of(8, 4, 1))),
                argumentSet("a replica larger than any node", cluster(free(8, 8)).waiting(run("me", 1, 12)),
                        List.of(NEVER_FITS), List.of(List.of(12, 8))),
                argumentSet("a pinned task ahead blocks although it would fit", cluster(free(4, 0))
                                .ahead(pinned("board-demo", 1, 8)).waiting(run("me", 1, 2)),
                        List.of(PINNED_AHEAD), List.of(List.of("board-demo"))),
                argumentSet("a pinned task of another project is not named", cluster(free(4, 0))
                                .ahead(hidden(pinned("secret", 1, 8))).waiting(run("me", 1, 2)),
                        List.of(PINNED_AHEAD_HIDDEN), List.of(List.of())),
                argumentSet("runs ahead take the free GPUs first", cluster(free(4, 0)).ahead(run("a", 1, 4)).waiting(run("me", 1, 4)),
                        List.of(RUNS_AHEAD), List.of(List.of(1, 4))),
                argumentSet("strict FIFO: a head that does not fit holds it back", cluster(free(4, 0)).strict()
                                .ahead(run("big", 1, 8)).waiting(run("me", 1, 2)),
                        List.of(RUNS_AHEAD_STRICT), List.of(List.of(1, 8))),
                argumentSet("best effort: it passes a head that does not fit", cluster(free(4, 0))
                                .ahead(run("big", 1, 8)).waiting(run("me", 1, 2)),
                        List.of(FITS_NOW), List.of()),
                argumentSet("its project's quota holds it back although GPUs are free", cluster(free(8, 8)).quota(8, 6)
                                .waiting(run("me", 1, 4)),
                        List.of(QUOTA_EXCEEDED), List.of(List.of(PROJECT, 6, 8, 4))),
                argumentSet("a run within its project's quota starts", cluster(free(8, 8)).quota(8, 4).waiting(run("me", 1, 4)),
                        List.of(FITS_NOW), List.of()),
                argumentSet("a pinned run is admitted past its project's quota", cluster(free(8, 8)).quota(8, 6)
                                .waiting(pinned("me", 1, 4)),
                        List.of(FITS_NOW), List.of()),
                argumentSet("ranked: pinned ahead, then too few GPUs, then runs ahead", cluster(free(1, 0))
                                .ahead(pinned("p", 1, 4), run("a", 1, 2)).waiting(run("me", 1, 4)),
                        List.of(PINNED_AHEAD, NOT_ENOUGH_FREE, RUNS_AHEAD), List.of(List.of("p"), List.of(4, 1, 16), List.of(1, 2))));
    }

    @ParameterizedTest
    @MethodSource("reasons")
    void tellsWhyARunWaitsMostDecisiveFirst(Situation situation, List<WaitReason.Kind> kinds, List<List<Object>> arguments) {
        List<WaitReason> reasons = WaitReasons.reasons(situation);

        assertThat(reasons).extracting(WaitReason::kind).containsExactlyElementsOf(kinds);
        if (!arguments.isEmpty()) {
            assertThat(reasons).extracting(WaitReason::arguments).containsExactlyElementsOf(arguments);
        }
    }

    static Stream<Arguments> sooner() {
        return Stream.of(
                argumentSet("fragmented: the same GPUs as smaller replicas", cluster(free(4, 4)).waiting(run("me", 1, 8)),
                        List.of(SPLIT_REPLICAS), List.of(List.of(2, 4, 4))),
                argumentSet("too few GPUs for any split: fewer SKUs per replica", cluster(free(3, 0)).waiting(run("me", 1, 5)),
                        List.of(FEWER_SKUS_PER_REPLICA), List.of(List.of(3, 3, 1))),
                argumentSet("another granted cluster with room and nobody waiting", cluster(free(0, 0))
                                .other(new OtherCluster("h100", "NVIDIA H100", 2, free(8), 0)).waiting(run("me", 1, 4)),
                        List.of(OTHER_CLUSTER), List.of(List.of("h100", "NVIDIA H100", 2))),
                argumentSet("no other cluster: one with a queue, one too small, one of odd SKUs", cluster(free(0, 0))
                                .other(new OtherCluster("busy", "A", 1, free(8), 3))
                                .other(new OtherCluster("small", "B", 1, free(2, 2), 0))
                                .other(new OtherCluster("odd", "C", 3, free(8), 0)).waiting(run("me", 1, 4)),
                        List.of(), List.of()),
                argumentSet("at most three other clusters, in the order given", cluster(free(0, 0))
                                .other(new OtherCluster("c1", "A", 1, free(8), 0)).other(new OtherCluster("c2", "A", 1, free(8), 0))
                                .other(new OtherCluster("c3", "B", 1, free(8), 0)).other(new OtherCluster("c4", "B", 1, free(8), 0))
                                .waiting(run("me", 1, 4)),
                        List.of(OTHER_CLUSTER, OTHER_CLUSTER, OTHER_CLUSTER),
                        List.of(List.of("c1", "A", 4), List.of("c2", "A", 4), List.of("c3", "B", 4))),
                argumentSet("nothing on this cluster while a pinned task blocks it", cluster(free(4, 4))
                                .ahead(pinned("p", 1, 16)).waiting(run("me", 1, 8)),
                        List.of(), List.of()),
                argumentSet("nothing when it starts now anyway", cluster(free(8)).waiting(run("me", 1, 4)), List.of(), List.of()));
    }

    @ParameterizedTest
    @MethodSource("sooner")
    void saysWhatWouldStartItSooner(Situation situation, List<WaitReason.Kind> kinds, List<List<Object>> arguments) {
        List<WaitReason> ways = WaitReasons.sooner(situation);

        assertThat(ways).extracting(WaitReason::kind).containsExactlyElementsOf(kinds);
        assertThat(ways).extracting(WaitReason::arguments).containsExactlyElementsOf(arguments);
    }

    @Test
    void aSuggestedSplitIsOneTheDispatcherWouldAdmit() {
        Situation situation = cluster(free(4, 4)).waiting(run("me", 1, 8));
        WaitReason split = WaitReasons.sooner(situation).get(0);
        int replicas = (int) split.arguments().get(0);
        int skuPerReplica = (int) split.arguments().get(1);

        var admitted = Admission.admit(List.of(new QueueEntry(new RunId("me"), new TaskId("t-me"), false, 0, T0, replicas, skuPerReplica)),
                situation.free(), QueuePolicy.BEST_EFFORT_FIFO);

        assertThat(admitted).hasSize(1);
    }

    @Test
    void aTaskThatIsNotQueuedWaitsForItsScheduleOrForSomeone() {
        ZonedDateTime fire = ZonedDateTime.of(2026, 12, 7, 8, 0, 0, 0, ZoneId.of("Asia/Shanghai"));

        assertThat(WaitReasons.notQueued(Optional.of(fire))).containsExactly(WaitReason.of(SCHEDULE_NOT_DUE, fire));
        assertThat(WaitReasons.notQueued(Optional.empty())).containsExactly(WaitReason.of(NOT_QUEUED));
    }

    // A cluster of 8-SKU nodes, described fluently.

    static ClusterBuilder cluster(List<NodeSnapshot> free) {
        return new ClusterBuilder(free);
    }

    static List<NodeSnapshot> free(int... freePerNode) {
        return IntStream.range(0, freePerNode.length)
                .mapToObj(i -> NodeSnapshot.of("n" + i, 8, IntStream.range(freePerNode[i], 8).boxed().toList()))
                .toList();
    }

    static QueueLine run(String id, int replicas, int skuPerReplica) {
        return new QueueLine(0, entry(id, false, replicas, skuPerReplica), id, "demo", "alice");
    }

    static QueueLine pinned(String id, int replicas, int skuPerReplica) {
        return new QueueLine(0, entry(id, true, replicas, skuPerReplica), id, "demo", "alice");
    }

    static QueueLine hidden(QueueLine line) {
        return line.hidingTask();
    }

    private static QueueEntry entry(String id, boolean pinned, int replicas, int skuPerReplica) {
        return new QueueEntry(new RunId(id), new TaskId("t-" + id), pinned, 0, T0.plusSeconds(counter++), replicas, skuPerReplica, 0,
                PROJECT);
    }

    private static int counter;

    static final class ClusterBuilder {
        private final List<NodeSnapshot> free;
        private final List<QueueLine> ahead = new ArrayList<>();
        private final List<OtherCluster> others = new ArrayList<>();
        private QueuePolicy policy = QueuePolicy.BEST_EFFORT_FIFO;
        private int gpusPerSku = 1;
        private QueueEntry entry;
        private ClusterQuotas quotas;

        ClusterBuilder(List<NodeSnapshot> free) {
            this.free = free;
        }

        ClusterBuilder ahead(QueueLine... lines) {
            ahead.addAll(List.of(lines));
            return this;
        }

        ClusterBuilder other(OtherCluster other) {
            others.add(other);
            return this;
        }

        /** The project may hold {@code limit} SKUs of the cluster and holds {@code held}. */
        ClusterBuilder quota(int limit, int held) {
            quotas = new ClusterQuotas("c", java.util.Map.of(PROJECT, limit), java.util.Map.of(PROJECT, held));
            return this;
        }

        ClusterBuilder strict() {
            policy = QueuePolicy.STRICT_FIFO;
            return this;
        }

        ClusterBuilder gpusPerSku(int gpus) {
            gpusPerSku = gpus;
            return this;
        }

        Situation waiting(QueueLine line) {
            entry = line.entry();
            return build();
        }

        Situation build() {
            return new Situation(entry, ahead, policy, gpusPerSku, free.size() * 8, 8, free, others, quotas);
        }
    }
}
