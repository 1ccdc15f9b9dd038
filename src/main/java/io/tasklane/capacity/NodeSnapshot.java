package io.tasklane.capacity;

import java.util.SortedSet;
import java.util.TreeSet;

/** A node at one moment: its name and which of its SKU slots (0 .. capacity-1) are free. */
public record NodeSnapshot(String node, SortedSet<Integer> freeSlots) {

    public NodeSnapshot {
        freeSlots = new TreeSet<>(freeSlots);
    }

    /** A node of {@code capacity} slots of which {@code taken} are held. */
    public static NodeSnapshot of(String node, int capacity, java.util.Collection<Integer> taken) {
        SortedSet<Integer> free = new TreeSet<>();
        for (int slot = 0; slot < capacity; slot++) {
            if (!taken.contains(slot)) {
                free.add(slot);
            }
        }
        return new NodeSnapshot(node, free);
    }

    public int free() {
        return freeSlots.size();
    }
}
