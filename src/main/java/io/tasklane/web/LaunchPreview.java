package io.tasklane.web;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.tasklane.capacity.ClusterService;
import io.tasklane.capacity.VirtualCluster;
import io.tasklane.common.InvalidInputException;
import io.tasklane.common.TaskId;
import io.tasklane.schedule.NextFire;
import io.tasklane.schedule.Schedule;
import io.tasklane.schedule.ScheduleRules;
import io.tasklane.schedule.ScheduleType;
import io.tasklane.security.Caller;
import org.springframework.stereotype.Component;

/**
 * What the wizard shows while a person types: the clusters they may use with their room, the GPUs a task's size
 * makes, and when its schedule would fire next, computed by the schedule module's own rules.
 */
@Component
class LaunchPreview {

    /** Stands in for the task that does not exist yet: a schedule's rules and fire times do not depend on it. */
    private static final TaskId NOT_YET_CREATED = new TaskId("preview");

    private final ClusterService clusters;
    private final Clock clock;
    private final GpuTypeWords gpuTypes;

    LaunchPreview(ClusterService clusters, Clock clock, GpuTypeWords gpuTypes) {
        this.gpuTypes = gpuTypes;
        this.clusters = clusters;
        this.clock = clock;
    }

    /** The clusters {@code caller} may run on, by name, with their GPU type and free and total SKUs. */
    List<ClusterChoice> clusters(Caller caller) {
        return clusters.visibleTo(caller).stream().sorted(Comparator.comparing(VirtualCluster::name))
                .map(c -> new ClusterChoice(c.name(), gpuTypes.of(c), c.sku().gpus(), clusters.freeSkus(c), c.totalSkus(), c.capacitySkus()))
                .toList();
    }

    /** GPUs of all replicas together on the chosen cluster; empty until size and cluster are readable. */
    Optional<Long> gpus(List<ClusterChoice> choices, LaunchDraft draft) {
        long sku = draft.spec().skuPerReplica() == null ? 1 : draft.spec().skuPerReplica();
        long replicas = draft.spec().replicas() == null ? 1 : draft.spec().replicas();
        return choices.stream().filter(c -> c.name().equals(draft.spec().cluster())).findFirst()
                .filter(c -> !unreadable(draft, "skuPerReplica") && !unreadable(draft, "replicas"))
                .map(c -> sku * replicas * c.gpusPerSku());
    }

    /** The schedule's next fire after now, in its zone and in UTC; empty for a manual schedule or one the rules refuse. */
    Optional<FirePreview> nextFire(List<ClusterChoice> choices, LaunchDraft draft) {
        if (ScheduleType.MANUAL.name().equals(draft.schedule().type())) {
            return Optional.empty();
        }
        int sku = draft.spec().skuPerReplica() == null ? 1 : draft.spec().skuPerReplica();
        int clusterSkus = choices.stream().filter(c -> c.name().equals(draft.spec().cluster())).findFirst()
                .map(ClusterChoice::capacitySkus).orElse(Integer.MAX_VALUE);
        Schedule schedule;
        try {
            schedule = ScheduleRules.parse(NOT_YET_CREATED, draft.schedule(), sku, clusterSkus);
        } catch (InvalidInputException broken) {
            return Optional.empty(); // the broken rule is shown at its field when the step is checked
        }
        return NextFire.after(schedule, clock.instant()).map(fire -> new FirePreview(
                ConsoleTimes.in(fire.in(schedule.zone())), ConsoleTimes.utc(fire.at())));
    }

    private static boolean unreadable(LaunchDraft draft, String field) {
        return draft.unreadable().stream().anyMatch(v -> field.equals(v.field()));
    }

    /**
     * A cluster as the Resource step offers it: free and total SKUs of its schedulable nodes, and the capacity of all
     * its nodes, which the rules compare a task's size with.
     */
    public record ClusterChoice(String name, String gpuType, int gpusPerSku, int freeSkus, int totalSkus, int capacitySkus) {
    }

    /** A fire time written in the schedule's zone and in UTC. */
    public record FirePreview(String inZone, String inUtc) {
    }
}
