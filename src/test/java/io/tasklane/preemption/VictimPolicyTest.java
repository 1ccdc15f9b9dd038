package io.tasklane.preemption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.tasklane.capacity.NodeSnapshot;
import io.tasklane.common.RunId;
import io.tasklane.common.TaskId;
import io.tasklane.task.TaskState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VictimPolicyTest {

    static final Instant T0 = Instant.parse("2026-11-25T00:00:00Z");

    /** Named cases: the pinned task's shape, the cluster, who runs where, and the victims expected (or none possible). */
    static Stream<Arguments> cases() {
        return Stream.of(
                argumentSet("fits already: nobody is killed",
                        need(1, 2), cluster(node("n1", 8)).run("a", 0, 1, "n1", 4).build(), List.of()),
                argumentSet("lower priority goes first",
                        need(1, 4), cluster(node("n1", 8)).run("low", 1, 1, "n1", 4).run("high", 5, 2, "n1", 4).build(),
                        List.of("low")),
                argumentSet("same priority: the most recently started goes first",
                        need(1, 4), cluster(node("n1", 8)).run("old", 1, 1, "n1", 4).run("new", 1, 9, "n1", 4).build(),
                        List.of("new")),
                argumentSet("a pinned run is never killed",
                        need(1, 4), cluster(node("n1", 8)).pinned("p", 0, 1, "n1", 4).run("x", 5, 2, "n1", 4).build(),
                        List.of("x")),
                argumentSet("queued or stopping runs are not victims",
                        need(1, 4), cluster(node("n1", 8)).state("s", TaskState.STOPPING, 0, "n1", 4)
                                .run("r", 5, 2, "n1", 4).build(),
                        List.of("r")),
                argumentSet("a STARTING run is a victim like a running one",
                        need(1, 8), cluster(node("n1", 8)).state("s", TaskState.STARTING, 0, "n1", 4)
                                .run("r", 0, 2, "n1", 4).build(),
                        List.of("r", "s")),
                argumentSet("chosen per node: the low-priority run on a node too small is spared",
                        need(1, 8), cluster(node("small", 4), node("big", 8)).run("cheap", 0, 1, "small", 4)
                                .run("pricier", 3, 2, "big", 8).build(),
                        List.of("pricier")),
                argumentSet("minimal: a victim that turned out not to be needed is added back",
                        need(1, 4), cluster(node("n1", 8), node("n2", 8)).run("a", 0, 9, "n1", 2)
                                .run("b", 1, 1, "n2", 6).run("c", 2, 1, "n1", 6).build(),
                        List.of("b")),
                argumentSet("gang: both replicas must fit, on different nodes",
                        need(2, 8), cluster(node("n1", 8), node("n2", 8)).run("a", 0, 1, "n1", 8)
                                .run("b", 0, 2, "n2", 8).build(),
                        List.of("b", "a")),
                argumentSet("a run spread over nodes frees slots on each",
                        need(2, 4), cluster(node("n1", 4), node("n2", 4)).spread("wide", 0, 1, Map.of("n1", 4, "n2", 4))
                                .build(),
                        List.of("wide")),
                argumentSet("impossible: the task needs more than the cluster has",
                        need(1, 16), cluster(node("n1", 8), node("n2", 8)).run("a", 0, 1, "n1", 8).build(), null),
                argumentSet("impossible: only pinned runs hold the GPUs it needs",
                        need(1, 8), cluster(node("n1", 8)).pinned("p", 0, 1, "n1", 8).build(), null));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void plansVictims(int[] need, Cluster cluster, List<String> expected) {
        VictimPlan plan = VictimPolicy.plan(need[0], need[1], cluster.free(), cluster.runs);
        if (expected == null) {
            assertThat(plan).isInstanceOf(VictimPlan.Impossible.class);
            assertThat(((VictimPlan.Impossible) plan).reason()).startsWith("cannot force start: the task needs");
        } else {
            assertThat(plan).isInstanceOf(VictimPlan.Kill.class);
            assertThat(((VictimPlan.Kill) plan).victims()).extracting(victim -> victim.runId().value()).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void theImpossibleReasonSaysWhatTheTaskNeedsAndWhatCouldBeFreed() {
        Cluster cluster = cluster(node("n1", 8)).pinned("p", 0, 1, "n1", 4).run("a", 0, 2, "n1", 2).build();
        VictimPlan plan = VictimPolicy.plan(1, 8, cluster.free(), cluster.runs);
        assertThat(((VictimPlan.Impossible) plan).reason()).isEqualTo("cannot force start: the task needs 1 replica(s) of 8"
                + " SKU(s), and even with every eligible run killed (1 run(s); 1 pinned or not yet running are never killed)"
                + " the cluster would have 4 free SKU(s) that do not hold it");
    }

    @Test
    void victimsMakeRoomForEveryRoleOfAGang() {
        // master 1x4 and worker 1x4 on two nodes of 4: one victim per node, none spared.
        Cluster cluster = cluster(node("n1", 4), node("n2", 4)).run("a", 0, 1, "n1", 4).run("b", 0, 2, "n2", 2).build();

        VictimPlan plan = VictimPolicy.plan(List.of(new io.tasklane.capacity.ReplicaGroup(1, 4), new io.tasklane.capacity.ReplicaGroup(1, 4)),
                cluster.free(), cluster.runs);

        assertThat(((VictimPlan.Kill) plan).victims()).extracting(victim -> victim.runId().value()).containsExactlyInAnyOrder("a", "b");
        assertThat(VictimPolicy.plan(List.of(new io.tasklane.capacity.ReplicaGroup(1, 4)), cluster.free(), cluster.runs))
                .isInstanceOfSatisfying(VictimPlan.Kill.class, kill -> assertThat(kill.victims()).hasSize(1));
    }

    static int[] need(int replicas, int skuPerReplica) {
        return new int[] {replicas, skuPerReplica};
    }

    record Node(String name, int capacity) {
    }

    static Node node(String name, int capacity) {
        return new Node(name, capacity);
    }

    static Builder cluster(Node... nodes) {
        return new Builder(List.of(nodes));
    }

    record Cluster(List<Node> nodes, List<RunningRun> runs) {
        List<NodeSnapshot> free() {
            Map<String, Set<Integer>> taken = new LinkedHashMap<>();
            runs.forEach(r -> r.slotsByNode().forEach((n, s) -> taken.computeIfAbsent(n, k -> new HashSet<>()).addAll(s)));
            return nodes.stream().map(n -> NodeSnapshot.of(n.name(), n.capacity(), taken.getOrDefault(n.name(), Set.of()))).toList();
        }

        @Override
        public String toString() {
            return nodes + " " + runs.stream().map(RunningRun::runId).toList();
        }
    }

    /** Places runs on the cluster's nodes slot by slot, as the dispatcher would have. */
    static final class Builder {
        final List<Node> nodes;
        final List<RunningRun> runs = new ArrayList<>();
        final Map<String, Integer> nextSlot = new LinkedHashMap<>();

        Builder(List<Node> nodes) {
            this.nodes = nodes;
        }

        Builder run(String id, int priority, int startedMinute, String node, int skus) {
            return add(id, TaskState.RUNNING, false, priority, startedMinute, Map.of(node, skus));
        }

        Builder pinned(String id, int priority, int startedMinute, String node, int skus) {
            return add(id, TaskState.RUNNING, true, priority, startedMinute, Map.of(node, skus));
        }

        Builder state(String id, TaskState state, int priority, String node, int skus) {
            return add(id, state, false, priority, 0, Map.of(node, skus));
        }

        Builder spread(String id, int priority, int startedMinute, Map<String, Integer> skusByNode) {
            return add(id, TaskState.RUNNING, false, priority, startedMinute, skusByNode);
        }

        private Builder add(String id, TaskState state, boolean pinned, int priority, int minute, Map<String, Integer> skusByNode) {
            Map<String, List<Integer>> slots = new LinkedHashMap<>();
            skusByNode.forEach((node, skus) -> {
                int from = nextSlot.getOrDefault(node, 0);
                List<Integer> held = new ArrayList<>();
                for (int s = from; s < from + skus; s++) {
                    held.add(s);
                }
                nextSlot.put(node, from + skus);
                slots.put(node, held);
            });
            runs.add(new RunningRun(new RunId(id), new TaskId("task-" + id), state, pinned, priority, T0.plusSeconds(60L * minute), slots));
            return this;
        }

        Cluster build() {
            return new Cluster(nodes, List.copyOf(runs));
        }
    }
}
