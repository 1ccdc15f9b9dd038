package io.tasklane.queue;

import static io.tasklane.queue.StartEstimate.Basis.DEADLINES;
import static io.tasklane.queue.StartEstimate.Basis.MEDIAN_RUNTIME;
import static io.tasklane.queue.StartEstimate.Basis.MIXED;
import static io.tasklane.queue.StartEstimate.Basis.NOW;
import static io.tasklane.queue.StartEstimate.Basis.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.tasklane.capacity.ClusterNode;
import io.tasklane.capacity.QueuePolicy;
import io.tasklane.capacity.ReplicaGroup;
import io.tasklane.common.RunId;
import io.tasklane.common.TaskId;
import io.tasklane.queue.StartEstimate.Unknown;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The estimator's table: a cluster, who holds what until when, who waits ahead, and when "me" is expected to start. */
class StartEstimatorTest {

    static final Instant T0 = Instant.parse("2026-12-06T14:00:00Z");
    static final String ME = "me";

    static Stream<Arguments> cases() {
        return Stream.of(
                argumentSet("empty cluster: now", cluster().node("n1", 8).waiting(run(ME, 1, 4)),
                        expect(0, NOW, 0)),
                argumentSet("one blocker with a deadline: at that deadline", cluster().node("n1", 8)
                                .holder("h", "n1", 8).until(minutes(30)).waiting(run(ME, 1, 4)),
                        expect(30, DEADLINES, 1)),
                argumentSet("a blocker that is overdue at its deadline: now", cluster().node("n1", 8)
                                .holder("h", "n1", 8).until(minutes(-5)).waiting(run(ME, 1, 4)),
                        expect(0, DEADLINES, 1)),
                argumentSet("the blocker's task ran 20, 30, 40 min before: the median, 30 min after it started", cluster().node("n1", 8)
                                .holder("h", "n1", 8).since(minutes(-10)).deadline(minutes(7200)).history(20, 30, 40)
                                .waiting(run(ME, 1, 4)),
                        expect(20, MEDIAN_RUNTIME, 1)),
                argumentSet("a blocker past its task's median: the median of the longer runs", cluster().node("n1", 8)
                                .holder("h", "n1", 8).since(minutes(-50)).deadline(minutes(7200)).history(20, 30, 40, 60, 80)
                                .waiting(run(ME, 1, 4)),
                        expect(20, MEDIAN_RUNTIME, 1)),
                argumentSet("the deadline cuts a long history short", cluster().node("n1", 8)
                                .holder("h", "n1", 8).since(minutes(-10)).deadline(minutes(30)).history(120)
                                .waiting(run(ME, 1, 4)),
                        expect(30, DEADLINES, 1)),
                argumentSet("fragmentation: 4 free in all, but a replica needs 4 on one node", cluster().node("n1", 4).node("n2", 4)
                                .holder("h1", "n1", 2).until(minutes(10)).holder("h2", "n2", 2).until(minutes(20))
                                .waiting(run(ME, 1, 4)),
                        expect(10, DEADLINES, 1)),
                argumentSet("enough in all at the first release is not enough: both must end", cluster().node("n1", 4).node("n2", 4)
                                .holder("h1", "n1", 4).until(minutes(10)).holder("h2", "n2", 4).until(minutes(20))
                                .waiting(run(ME, 2, 4)),
                        expect(20, DEADLINES, 2)),
                argumentSet("a run ahead takes the release, then holds until its own deadline", cluster().node("n1", 8)
                                .holder("h", "n1", 8).until(minutes(30))
                                .ahead(run("a", 1, 8)).holding(minutes(60)).waiting(run(ME, 1, 4)),
                        expect(90, DEADLINES, 2)),
                argumentSet("a run ahead that usually runs 15 min: deadline and history mixed", cluster().node("n1", 8)
                                .holder("h", "n1", 8).until(minutes(30))
                                .ahead(run("a", 1, 8)).holdingFromHistory(minutes(15)).waiting(run(ME, 1, 4)),
                        expect(45, MIXED, 2)),
                argumentSet("best effort: a small run passes a head that does not fit yet", cluster().node("n1", 8)
                                .holder("h", "n1", 6).until(minutes(30))
                                .ahead(run("big", 1, 8)).holding(minutes(60)).waiting(run(ME, 1, 2)),
                        expect(0, NOW, 0)),
                argumentSet("strict FIFO: it waits for the head, which waits for the release", cluster().node("n1", 8).strict()
                                .holder("h", "n1", 6).until(minutes(30))
                                .ahead(run("big", 1, 8)).holding(minutes(60)).waiting(run(ME, 1, 2)),
                        expect(90, DEADLINES, 2)),
                argumentSet("pinned ahead: nothing passes it; it takes the first node freed, me the next", cluster().node("n1", 8).node("n2", 8)
                                .holder("h1", "n1", 4).until(minutes(10)).holder("h2", "n2", 8).until(minutes(60))
                                .ahead(pinned("p", 1, 8)).holding(minutes(600)).waiting(run(ME, 1, 2)),
                        expect(60, DEADLINES, 2)),
                argumentSet("a release on a cordoned node frees nothing usable", cluster().node("n1", 8).cordoned("n2", 8)
                                .holder("h2", "n2", 8).until(minutes(5)).holder("h1", "n1", 8).until(minutes(40))
                                .waiting(run(ME, 1, 8)),
                        expect(40, DEADLINES, 2)),
                argumentSet("quota: only its own project's runs ending let it in", cluster().node("n1", 16).quota("vision", 8)
                                .holder("mine", "n1", 6).project("vision").until(minutes(15))
                                .holder("theirs", "n1", 2).project("nlp").until(minutes(100))
                                .waiting(run(ME, 1, 4).ofProject("vision")),
                        expect(15, DEADLINES, 1)),
                argumentSet("a gang of roles needs its largest role's nodes", cluster().node("n1", 4).node("n2", 4)
                                .holder("h1", "n1", 1).until(minutes(10)).holder("h2", "n2", 1).until(minutes(25))
                                .waiting(gang(ME, new ReplicaGroup(1, 4), new ReplicaGroup(1, 2))),
                        expect(10, DEADLINES, 1)),
                argumentSet("unknown: a holder with neither deadline nor history", cluster().node("n1", 8)
                                .holder("h", "n1", 8).waiting(run(ME, 1, 4)),
                        unknown(Unknown.UNBOUNDED_HOLDER)),
                argumentSet("unknown: a replica larger than any node", cluster().node("n1", 8).waiting(run(ME, 1, 12)),
                        unknown(Unknown.NEVER_FITS)),
                argumentSet("unknown: larger than its project's quota", cluster().node("n1", 8).quota("vision", 2)
                                .waiting(run(ME, 1, 4).ofProject("vision")),
                        unknown(Unknown.QUOTA)),
                argumentSet("unknown: strict FIFO behind a head that never fits", cluster().node("n1", 8).strict()
                                .ahead(run("huge", 1, 12)).holding(minutes(60)).waiting(run(ME, 1, 2)),
                        unknown(Unknown.BLOCKED_AHEAD)),
                argumentSet("a pinned run ahead behind an unbounded holder: unknown", cluster().node("n1", 8)
                                .holder("h", "n1", 4).ahead(pinned("p", 1, 8)).holding(minutes(60)).waiting(run(ME, 1, 2)),
                        unknown(Unknown.UNBOUNDED_HOLDER)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void estimates(Case situation, StartEstimate expected) {
        StartEstimate estimate = situation.estimate().get(new RunId(ME));
        assertThat(estimate).isEqualTo(expected);
    }

    @Test
    void every_run_of_the_queue_gets_its_own_estimate_in_one_replay() {
        Case situation = cluster().node("n1", 8).holder("h", "n1", 8).until(minutes(30))
                .ahead(run("a", 1, 4)).holding(minutes(20)).ahead(run("b", 1, 4)).holding(minutes(40)).waiting(run(ME, 1, 8));
        Map<RunId, StartEstimate> all = situation.estimate();
        assertThat(all.get(new RunId("a")).expectedStartAt()).isEqualTo(T0.plus(minutes(30)));
        assertThat(all.get(new RunId("b")).expectedStartAt()).isEqualTo(T0.plus(minutes(30)));
        assertThat(all.get(new RunId(ME))).isEqualTo(new StartEstimate(T0.plus(minutes(70)), DEADLINES, 3, null));
    }

    @Test
    void places_beyond_the_estimated_ones_are_unknown() {
        Case situation = cluster().node("n1", 1);
        IntStream.range(0, StartEstimator.MAX_ESTIMATED).forEach(i -> situation.ahead(run("a" + i, 1, 1)).holding(minutes(1)));
        Map<RunId, StartEstimate> all = situation.waiting(run(ME, 1, 1)).estimate();
        assertThat(all.get(new RunId("a" + (StartEstimator.MAX_ESTIMATED - 1))).expectedStartAt())
                .isEqualTo(T0.plus(minutes(StartEstimator.MAX_ESTIMATED - 1)));
        assertThat(all.get(new RunId(ME))).isEqualTo(new StartEstimate(null, UNKNOWN, 0, Unknown.TOO_FAR_BACK));
    }

    @Test
    void run_end_medians_and_bounds() {
        assertThat(RunEnd.median(List.of(minutes(10), minutes(40), minutes(20), minutes(30)))).isEqualTo(minutes(25));
        assertThat(RunEnd.ofHolder(T0, null, List.of(minutes(5)), T0.plus(minutes(10)))).isEmpty();
        assertThat(RunEnd.ofQueued(minutes(10), List.of(minutes(30)))).contains(new RunEnd.Expected(minutes(10), false));
        assertThat(RunEnd.ofQueued(null, List.of())).isEmpty();
    }

    // --- the table's language

    static Duration minutes(long m) {
        return Duration.ofMinutes(m);
    }

    static StartEstimate expect(long minutesFromNow, StartEstimate.Basis basis, int runsEnding) {
        return new StartEstimate(T0.plus(minutes(minutesFromNow)), basis, runsEnding, null);
    }

    static StartEstimate unknown(Unknown why) {
        return new StartEstimate(null, UNKNOWN, 0, why);
    }

    static QueueEntry run(String id, int replicas, int skuPerReplica) {
        return new QueueEntry(new RunId(id), new TaskId("t-" + id), false, 0, T0, replicas, skuPerReplica);
    }

    static QueueEntry pinned(String id, int replicas, int skuPerReplica) {
        return new QueueEntry(new RunId(id), new TaskId("t-" + id), true, 0, T0, replicas, skuPerReplica);
    }

    static QueueEntry gang(String id, ReplicaGroup... groups) {
        List<ReplicaGroup> all = List.of(groups);
        return new QueueEntry(new RunId(id), new TaskId("t-" + id), false, 0, T0, all.stream().mapToInt(ReplicaGroup::replicas).sum(),
                ReplicaGroup.largestReplica(all), 0, null, all);
    }

    static Case cluster() {
        return new Case();
    }

    /** A situation under construction; holder and ahead settings apply to the last one added. */
    static final class Case {
        final List<ClusterNode> nodes = new ArrayList<>();
        final Map<String, Integer> quotas = new HashMap<>();
        final List<HolderDraft> holders = new ArrayList<>();
        final List<StartEstimator.Waiting> queue = new ArrayList<>();
        QueuePolicy policy = QueuePolicy.BEST_EFFORT_FIFO;

        Case node(String name, int skus) { nodes.add(new ClusterNode(name, skus, true)); return this; }
        Case cordoned(String name, int skus) { nodes.add(new ClusterNode(name, skus, false)); return this; }
        Case strict() { policy = QueuePolicy.STRICT_FIFO; return this; }
        Case quota(String project, int skus) { quotas.put(project, skus); return this; }

        Case holder(String run, String node, int skus) {
            holders.add(new HolderDraft(run, node, skus));
            return this;
        }
        Case until(Duration fromNow) { last().deadline = T0.plus(fromNow); return this; }
        Case deadline(Duration fromNow) { return until(fromNow); }
        Case since(Duration fromNow) { last().since = T0.plus(fromNow); return this; }
        Case project(String project) { last().project = project; return this; }
        Case history(long... minutes) {
            last().history = java.util.Arrays.stream(minutes).mapToObj(StartEstimatorTest::minutes).toList();
            return this;
        }

        Case ahead(QueueEntry entry) { queue.add(new StartEstimator.Waiting(entry, Optional.empty())); return this; }
        Case holding(Duration duration) { return expected(new RunEnd.Expected(duration, false)); }
        Case holdingFromHistory(Duration duration) { return expected(new RunEnd.Expected(duration, true)); }
        Case waiting(QueueEntry me) { return ahead(me).holding(minutes(60)); }

        private Case expected(RunEnd.Expected holds) {
            StartEstimator.Waiting last = queue.remove(queue.size() - 1);
            queue.add(new StartEstimator.Waiting(last.entry(), Optional.of(holds)));
            return this;
        }

        private HolderDraft last() {
            return holders.get(holders.size() - 1);
        }

        Map<RunId, StartEstimate> estimate() {
            Map<String, Integer> nextSlot = new HashMap<>();
            List<StartEstimator.Holder> held = holders.stream().map(h -> new StartEstimator.Holder(new RunId(h.run), h.project,
                    Map.of(h.node, slots(nextSlot, h.node, h.skus)), RunEnd.ofHolder(h.since, h.deadline, h.history, T0))).toList();
            return StartEstimator.estimate(new StartEstimator.Cluster("c", nodes, policy, quotas), held, queue, T0);
        }

        /** Holders of one node take its slots one after the other, so two never overlap. */
        private static Set<Integer> slots(Map<String, Integer> nextSlot, String node, int skus) {
            int first = nextSlot.getOrDefault(node, 0);
            nextSlot.put(node, first + skus);
            return Set.copyOf(IntStream.range(first, first + skus).boxed().toList());
        }

        @Override
        public String toString() {
            return "situation";
        }
    }

    static final class HolderDraft {
        final String run;
        final String node;
        final int skus;
        Instant since = T0.minus(minutes(1));
        Instant deadline;
        String project;
        List<Duration> history = List.of();

        HolderDraft(String run, String node, int skus) {
            this.run = run;
            this.node = node;
            this.skus = skus;
        }
    }
}
