package io.tasklane.capacity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Free slots of a cluster during one dispatch pass, indexed by how many each node has left, so the
 * best-fit node for a replica is a lookup rather than a scan (a pass may place thousands of runs on
 * thousands of nodes). Placing a run takes all its replicas' slots or none.
 */
public final class SlotPool {

    private final Map<String, TreeSet<Integer>> freeByNode = new HashMap<>();
    private final TreeMap<Integer, TreeSet<String>> nodesByFree = new TreeMap<>();

    public SlotPool(List<NodeSnapshot> nodes) {
        for (NodeSnapshot node : nodes) {
            freeByNode.put(node.node(), new TreeSet<>(node.freeSlots()));
            index(node.node(), node.free());
        }
    }

    public int largestFree() {
        return nodesByFree.isEmpty() ? 0 : nodesByFree.lastKey();
    }

    /** Places every replica on the fullest node that still holds it; takes nothing if they do not all fit. */
    public Optional<List<ReplicaPlacement>> take(int replicas, int skuPerReplica) {
        return take(List.of(new ReplicaGroup(replicas, skuPerReplica)), 0);
    }

    /**
     * Places every replica of every group (a gang of roles), numbered from {@code firstReplica} on in group
     * order; takes nothing if they do not all fit. The largest replicas are placed first, so small ones do
     * not split the holes the large ones need.
     */
    public Optional<List<ReplicaPlacement>> take(List<ReplicaGroup> groups, int firstReplica) {
        List<int[]> order = new ArrayList<>(); // {first index, replicas, sku per replica}
        int next = firstReplica;
        for (ReplicaGroup group : groups) {
            order.add(new int[] {next, group.replicas(), group.skuPerReplica()});
            next += group.replicas();
        }
        order.sort((a, b) -> Integer.compare(b[2], a[2])); // stable: equal sizes keep their order
        List<ReplicaPlacement> placed = new ArrayList<>();
        for (int[] group : order) {
            for (int replica = group[0]; replica < group[0] + group[1]; replica++) {
                Optional<ReplicaPlacement> one = takeOne(replica, group[2]);
                if (one.isEmpty()) {
                    placed.forEach(this::giveBack);
                    return Optional.empty();
                }
                placed.add(one.get());
            }
        }
        placed.sort(java.util.Comparator.comparingInt(ReplicaPlacement::replicaIndex));
        return Optional.of(placed);
    }

    private Optional<ReplicaPlacement> takeOne(int replica, int skuPerReplica) {
        Map.Entry<Integer, TreeSet<String>> fit = nodesByFree.ceilingEntry(skuPerReplica);
        if (fit == null) {
            return Optional.empty();
        }
        String node = fit.getValue().first();
        TreeSet<Integer> free = freeByNode.get(node);
        List<Integer> slots = new ArrayList<>();
        for (int i = 0; i < skuPerReplica; i++) {
            slots.add(free.first());
            free.remove(free.first());
        }
        move(node, free.size() + skuPerReplica, free.size());
        return Optional.of(new ReplicaPlacement(replica, node, slots));
    }

    private void giveBack(ReplicaPlacement placement) {
        TreeSet<Integer> free = freeByNode.get(placement.node());
        free.addAll(placement.slots());
        move(placement.node(), free.size() - placement.slots().size(), free.size());
    }

    private void move(String node, int from, int to) {
        TreeSet<String> nodes = nodesByFree.get(from);
        if (nodes != null) { // a node with nothing free is not indexed
            nodes.remove(node);
            if (nodes.isEmpty()) {
                nodesByFree.remove(from);
            }
        }
        index(node, to);
    }

    private void index(String node, int free) {
        if (free > 0) {
            nodesByFree.computeIfAbsent(free, f -> new TreeSet<>()).add(node);
        }
    }
}
