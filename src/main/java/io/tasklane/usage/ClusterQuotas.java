package io.tasklane.usage;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The quotas of one cluster: per project, the most SKUs it may hold at once ({@code limits}; a project
 * without one is not limited) and what it holds now ({@code held}).
 */
public record ClusterQuotas(String cluster, Map<String, Integer> limits, Map<String, Integer> held) {

    public ClusterQuotas {
        limits = Map.copyOf(limits);
        held = Map.copyOf(held);
    }

    /** No quotas: nothing is held back. */
    public static ClusterQuotas none(String cluster) {
        return new ClusterQuotas(cluster, Map.of(), Map.of());
    }

    /** A ledger to admit against: what each project holds, growing with every admission. */
    public Ledger ledger() {
        return new Ledger(this);
    }

    /** What a dispatch pass counts as it admits runs: starts from what is held, adds each admission. */
    public static final class Ledger {

        private final ClusterQuotas quotas;
        private final Map<String, Integer> held;

        private Ledger(ClusterQuotas quotas) {
            this.quotas = quotas;
            this.held = new HashMap<>(quotas.held());
        }

        /**
         * Why a run of {@code project} needing {@code skus} must wait for its project's quota, or empty if it
         * may be admitted: {@code QuotaExceeded: project vision holds 6 of its 8 SKUs on cluster a100; this run needs 4}.
         */
        public Optional<String> refusal(String project, int skus) {
            Integer limit = project == null ? null : quotas.limits().get(project);
            int holds = project == null ? 0 : held.getOrDefault(project, 0);
            if (limit == null || holds + skus <= limit) {
                return Optional.empty();
            }
            return Optional.of("QuotaExceeded: project " + project + " holds " + holds + " of its " + limit + " SKUs on cluster "
                    + quotas.cluster() + "; this run needs " + skus);
        }

        public void admit(String project, int skus) {
            if (project != null) {
                held.merge(project, skus, Integer::sum);
            }
        }
    }
}
