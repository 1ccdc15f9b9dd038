package io.tasklane.task;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.tasklane.capacity.ReplicaGroup;

/**
 * The roles a distributed run started with, in rank order: the chief role first (the one named
 * {@code master}, {@code chief} or {@code launcher}, else the first given), then the others as the task
 * lists them. A run's replica indices are global ranks: the chief role's replicas are 0.., the next role's
 * follow. Kept with the run, so an edit of the task never changes a run's layout.
 */
public record RunRoles(List<Role> roles, Framework framework, SuccessPolicy successPolicy) {

    /** Role names that make a role the chief, in this order of preference. */
    static final List<String> CHIEF_NAMES = List.of("master", "chief", "launcher");

    /** One role of the run: its name, replicas and their size. */
    public record Role(String name, int replicas, int skuPerReplica) {
    }

    /** Where a replica stands in the run: its role, its index within the role, its global rank. */
    public record Slot(String role, int roleIndex, int rank) {
    }

    public RunRoles {
        roles = List.copyOf(roles);
    }

    /** The layout of a run of {@code spec}; null for a task without roles. */
    public static RunRoles of(TaskSpec spec) {
        if (!spec.hasRoles()) {
            return null;
        }
        List<Role> given = spec.roles().stream().map(r -> new Role(r.name(), r.replicas(), r.skuPerReplica())).toList();
        Role chief = CHIEF_NAMES.stream().flatMap(n -> given.stream().filter(r -> r.name().equals(n))).findFirst()
                .orElse(given.get(0));
        List<Role> ordered = new ArrayList<>();
        ordered.add(chief);
        given.stream().filter(r -> r != chief).forEach(ordered::add);
        return new RunRoles(ordered, spec.framework(), spec.successPolicy());
    }

    /** The chief role: rank 0 is its first replica. */
    public Role chief() {
        return roles.get(0);
    }

    public int replicas() {
        return roles.stream().mapToInt(Role::replicas).sum();
    }

    /** The run's replicas by size, in rank order, for placement. */
    public List<ReplicaGroup> groups() {
        return roles.stream().map(r -> new ReplicaGroup(r.replicas(), r.skuPerReplica())).toList();
    }

    /** The role and role index of the replica of global rank {@code rank}. */
    public Slot slotOf(int rank) {
        int first = 0;
        for (Role role : roles) {
            if (rank < first + role.replicas()) {
                return new Slot(role.name(), rank - first, rank);
            }
            first += role.replicas();
        }
        throw new IllegalArgumentException("rank " + rank + " is beyond the run's " + replicas() + " replicas");
    }

    /** Every replica's slot, in rank order. */
    public List<Slot> slots() {
        List<Slot> slots = new ArrayList<>();
        for (int rank = 0; rank < replicas(); rank++) {
            slots.add(slotOf(rank));
        }
        return slots;
    }

    /** The ranks of the chief role's replicas. */
    public Set<Integer> chiefRanks() {
        Set<Integer> ranks = new java.util.HashSet<>();
        for (int rank = 0; rank < chief().replicas(); rank++) {
            ranks.add(rank);
        }
        return ranks;
    }

    /** The layout as the run's row keeps it: {@code name:replicas:skuPerReplica}, comma-separated. */
    public String layout() {
        return String.join(",", roles.stream().map(r -> r.name() + ":" + r.replicas() + ":" + r.skuPerReplica()).toList());
    }

    /** The roles of a layout written by {@link #layout()}; null for none (a run without roles). */
    public static List<Role> parseLayout(String layout) {
        if (layout == null || layout.isEmpty()) {
            return null;
        }
        return Arrays.stream(layout.split(",")).map(part -> part.split(":"))
                .map(p -> new Role(p[0], Integer.parseInt(p[1]), Integer.parseInt(p[2]))).toList();
    }

    /** The placement groups of a layout written by {@link #layout()}; null for none. */
    public static List<ReplicaGroup> groupsOf(String layout) {
        List<Role> roles = parseLayout(layout);
        return roles == null ? null : roles.stream().map(r -> new ReplicaGroup(r.replicas(), r.skuPerReplica())).toList();
    }
}
