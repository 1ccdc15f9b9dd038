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
        List<ReplicaPlacement> placed = new ArrayList<>();
        for (int replica = 0; replica < replicas; replica++) {
            Map.Entry<Integer, TreeSet<String>> fit = nodesByFree.ceilingEntry(skuPerReplica);
            if (fit == null) {
                placed.forEach(this::giveBack);
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
            placed.add(new ReplicaPlacement(replica, node, slots));
        }
        return Optional.of(placed);
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
