package io.tasklane.queue;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.tasklane.usage.ClusterQuotas;
import io.tasklane.capacity.NodeSnapshot;
import io.tasklane.capacity.Placement;
import io.tasklane.capacity.QueuePolicy;
import io.tasklane.queue.WaitReason.Kind;

/**
 * Why a queued run waits, and what would start it sooner, as pure functions of what its cluster looks like now.
 * "Would start now" means what the next dispatch pass would do: {@link Admission} over the runs ahead of it and
 * the run (or a changed copy of it) on the free slots, so the panel can never promise what the dispatcher refuses.
 * Figures are told in GPUs, which people count in, not SKUs.
 */
public final class WaitReasons {

    /** Other clusters named at most: the first ones with room, in the order given (the caller ranks them). */
    static final int MAX_OTHER_CLUSTERS = 3;

    /** Another cluster the caller may use, as it is now: its free slots and how many runs wait there. */
    public record OtherCluster(String name, String gpuType, int gpusPerSku, List<NodeSnapshot> free, int waiting) {
    }

    /** What a queued run's wait is judged from: the run, the runs ahead of it, and its cluster now. */
    public record Situation(QueueEntry entry, List<QueueLine> ahead, QueuePolicy policy, int gpusPerSku, int totalSkus,
                            int largestNodeSkus, List<NodeSnapshot> free, List<OtherCluster> others, ClusterQuotas quotas) {

        public Situation {
            quotas = quotas == null ? ClusterQuotas.none("") : quotas;
        }
    }

    private WaitReasons() {
    }

    /** The reasons the run waits, most decisive first; only FITS_NOW when the next pass would start it. */
    public static List<WaitReason> reasons(Situation s) {
        QueueEntry entry = s.entry();
        int g = s.gpusPerSku();
        if (startsNow(s, entry)) {
            return List.of(WaitReason.of(Kind.FITS_NOW));
        }
        List<WaitReason> reasons = new ArrayList<>();
        if (entry.skuPerReplica() > s.largestNodeSkus()) {
            reasons.add(WaitReason.of(Kind.NEVER_FITS, entry.skuPerReplica() * g, s.largestNodeSkus() * g));
        }
        pinnedAhead(s).ifPresent(pinned -> reasons.add(pinned.taskName() == null ? WaitReason.of(Kind.PINNED_AHEAD_HIDDEN)
                : WaitReason.of(Kind.PINNED_AHEAD, pinned.taskName())));
        overItsQuota(s).ifPresent(reasons::add);
        int free = s.free().stream().mapToInt(NodeSnapshot::free).sum();
        if (entry.skus() > free) {
            reasons.add(WaitReason.of(Kind.NOT_ENOUGH_FREE, entry.skus() * g, free * g, s.totalSkus() * g));
        } else if (entry.skuPerReplica() <= s.largestNodeSkus()
                && Placement.place(s.free(), entry.replicas(), entry.skuPerReplica()).isEmpty()) {
            reasons.add(WaitReason.of(Kind.FRAGMENTED, entry.skuPerReplica() * g, largestFreeBlock(s.free()) * g, entry.replicas()));
        }
        List<QueueLine> unpinnedAhead = s.ahead().stream().filter(line -> !line.entry().pinned()).toList();
        if (!unpinnedAhead.isEmpty()) {
            int gpusAhead = unpinnedAhead.stream().mapToInt(line -> line.entry().skus()).sum() * g;
            reasons.add(WaitReason.of(s.policy() == QueuePolicy.STRICT_FIFO ? Kind.RUNS_AHEAD_STRICT : Kind.RUNS_AHEAD,
                    unpinnedAhead.size(), gpusAhead));
        }
        return reasons;
    }

    /**
     * What would start the run now: the same GPUs as more, smaller replicas, or else fewer SKUs per replica (none of
     * these while a pinned task blocks the cluster), and other clusters with room and nobody waiting.
     */
    public static List<WaitReason> sooner(Situation s) {
        QueueEntry entry = s.entry();
        List<WaitReason> ways = new ArrayList<>();
        if (startsNow(s, entry)) {
            return ways;
        }
        if (pinnedAhead(s).isEmpty()) {
            smallerReplicas(s).ifPresent(ways::add);
        }
        int gpusPerReplica = entry.skuPerReplica() * s.gpusPerSku();
        for (OtherCluster other : s.others()) {
            if (gpusPerReplica % other.gpusPerSku() != 0 || other.waiting() > 0) {
                continue; // a replica must be whole SKUs there; behind a queue, room now says little
            }
            int skuPerReplica = gpusPerReplica / other.gpusPerSku();
            if (ways.stream().filter(way -> way.kind() == Kind.OTHER_CLUSTER).count() < MAX_OTHER_CLUSTERS
                    && Placement.place(other.free(), entry.replicas(), skuPerReplica).isPresent()) {
                ways.add(WaitReason.of(Kind.OTHER_CLUSTER, other.name(), other.gpuType(), skuPerReplica));
            }
        }
        return ways;
    }

    /** A task that is not queued: when its schedule starts it, or that nothing will until someone does. */
    public static List<WaitReason> notQueued(Optional<ZonedDateTime> nextFire) {
        return List.of(nextFire.map(at -> WaitReason.of(Kind.SCHEDULE_NOT_DUE, at)).orElseGet(() -> WaitReason.of(Kind.NOT_QUEUED)));
    }

    private static Optional<WaitReason> smallerReplicas(Situation s) {
        QueueEntry entry = s.entry();
        int g = s.gpusPerSku();
        for (int k = entry.skuPerReplica() - 1; k >= 1; k--) {
            if (entry.skus() % k == 0 && startsNow(s, resized(entry, entry.skus() / k, k))) {
                return Optional.of(WaitReason.of(Kind.SPLIT_REPLICAS, entry.skus() / k, k, k * g));
            }
        }
        for (int k = entry.skuPerReplica() - 1; k >= 1; k--) {
            if (startsNow(s, resized(entry, entry.replicas(), k))) {
                return Optional.of(WaitReason.of(Kind.FEWER_SKUS_PER_REPLICA, k, k * g, entry.replicas()));
            }
        }
        return Optional.empty();
    }

    private static boolean startsNow(Situation s, QueueEntry candidate) {
        List<QueueEntry> queue = Stream.concat(s.ahead().stream().map(QueueLine::entry), Stream.of(candidate)).toList();
        return Admission.admit(queue, s.free(), s.policy(), s.quotas()).stream()
                .anyMatch(admitted -> admitted.entry().runId().equals(candidate.runId()) && !admitted.entry().isGrow());
    }

    /** Its project holds so much of the cluster already that this run would take it over its quota. */
    private static Optional<WaitReason> overItsQuota(Situation s) {
        QueueEntry entry = s.entry();
        Integer limit = entry.project() == null ? null : s.quotas().limits().get(entry.project());
        int held = entry.project() == null ? 0 : s.quotas().held().getOrDefault(entry.project(), 0);
        if (entry.pinned() || limit == null || held + entry.skus() <= limit) {
            return Optional.empty(); // a pinned run is admitted past its quota (an admin's decision)
        }
        return Optional.of(WaitReason.of(Kind.QUOTA_EXCEEDED, entry.project(), held, limit, entry.skus()));
    }

    private static Optional<QueueLine> pinnedAhead(Situation s) {
        return s.ahead().stream().filter(line -> line.entry().pinned()).findFirst();
    }

    private static int largestFreeBlock(List<NodeSnapshot> free) {
        return free.stream().mapToInt(NodeSnapshot::free).max().orElse(0);
    }

    private static QueueEntry resized(QueueEntry entry, int replicas, int skuPerReplica) {
        return new QueueEntry(entry.runId(), entry.taskId(), entry.pinned(), entry.priority(), entry.queuedAt(), replicas,
                skuPerReplica, 0, entry.project());
    }
}
