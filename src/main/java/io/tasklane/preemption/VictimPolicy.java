package io.tasklane.preemption;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import io.tasklane.capacity.NodeSnapshot;
import io.tasklane.capacity.ReplicaGroup;
import io.tasklane.capacity.SlotPool;

/**
 * Which running runs to kill so a pinned task fits, as a pure function of the cluster's free slots and
 * the runs holding the rest.
 * <ol>
 *   <li>Eligible victims: RUNNING or STARTING, never pinned.</li>
 *   <li>Order them: lower priority first, then the most recently started (it loses the least work).</li>
 *   <li>Add victims in that order until the task's replicas fit on what they free (gang placement over the
 *       nodes, so slots freed on a node too small for a replica do not count).</li>
 *   <li>Minimize: try to give each victim back, most reluctant victim first; keep it alive if the task
 *       still fits without it. What is left are only victims on nodes that the task actually needs.</li>
 * </ol>
 */
public final class VictimPolicy {

    /** Lower priority first, then most recently started, then run id for a stable order. */
    static final Comparator<RunningRun> VICTIM_ORDER = Comparator.comparingInt(RunningRun::priority)
            .thenComparing(RunningRun::since, Comparator.reverseOrder())
            .thenComparing(run -> run.runId().value());

    private VictimPolicy() {
    }

    /** The plan to fit {@code replicas} × {@code skuPerReplica} SKUs onto {@code free} plus what victims free. */
    public static VictimPlan plan(int replicas, int skuPerReplica, List<NodeSnapshot> free, List<RunningRun> running) {
        return plan(List.of(new ReplicaGroup(replicas, skuPerReplica)), free, running);
    }

    /** The plan to fit a gang of {@code groups} (a distributed run's roles) onto {@code free} plus what victims free. */
    public static VictimPlan plan(List<ReplicaGroup> groups, List<NodeSnapshot> free, List<RunningRun> running) {
        List<RunningRun> eligible = running.stream().filter(RunningRun::eligible).sorted(VICTIM_ORDER).toList();
        List<RunningRun> victims = new ArrayList<>();
        for (RunningRun candidate : eligible) {
            if (fits(groups, free, victims)) {
                break;
            }
            victims.add(candidate);
        }
        if (!fits(groups, free, victims)) {
            return new VictimPlan.Impossible(impossibility(groups, free, eligible, running));
        }
        for (int i = victims.size() - 1; i >= 0; i--) {
            RunningRun spared = victims.remove(i);
            if (!fits(groups, free, victims)) {
                victims.add(i, spared);
            }
        }
        return new VictimPlan.Kill(victims);
    }

    private static boolean fits(List<ReplicaGroup> groups, List<NodeSnapshot> free, List<RunningRun> victims) {
        return new SlotPool(freedBy(free, victims)).take(groups, 0).isPresent();
    }

    /** The free slots of each node once {@code victims} are gone. */
    static List<NodeSnapshot> freedBy(List<NodeSnapshot> free, List<RunningRun> victims) {
        Map<String, SortedSet<Integer>> slots = new HashMap<>();
        free.forEach(node -> slots.put(node.node(), new TreeSet<>(node.freeSlots())));
        for (RunningRun victim : victims) {
            // A victim's slots on a node missing from the snapshot (unschedulable now) cannot host the task.
            victim.slotsByNode().forEach((node, held) -> {
                if (slots.containsKey(node)) {
                    slots.get(node).addAll(held);
                }
            });
        }
        return free.stream().map(node -> new NodeSnapshot(node.node(), slots.get(node.node()))).toList();
    }

    private static String impossibility(List<ReplicaGroup> groups, List<NodeSnapshot> free,
                                        List<RunningRun> eligible, List<RunningRun> running) {
        int best = freedBy(free, eligible).stream().mapToInt(NodeSnapshot::free).sum();
        String need = String.join(" and ", groups.stream().map(g -> g.replicas() + " replica(s) of " + g.skuPerReplica() + " SKU(s)").toList());
        long protectedRuns = running.size() - eligible.size();
        return "cannot force start: the task needs " + need + ", and even with every eligible run killed ("
                + eligible.size() + " run(s)" + (protectedRuns > 0 ? "; " + protectedRuns + " pinned or not yet running are never killed" : "")
                + ") the cluster would have " + best + " free SKU(s) that do not hold it";
    }
}
