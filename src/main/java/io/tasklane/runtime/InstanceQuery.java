package io.tasklane.runtime;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Which of a run's replicas to show and in which order: by role and state (any of them), sorted by index,
 * launch or end time (replicas without that time last, then by index), a page of them. A pure function;
 * a run has at most a thousand replicas, so it works on all of them in memory.
 */
public record InstanceQuery(String role, Set<InstanceState> states, Sort sort, boolean ascending, int offset, int limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    /** The orders a run's replicas can be listed in. */
    public enum Sort {
        index(v -> null), launchedAt(InstanceView::launchedAt), finishedAt(InstanceView::finishedAt);

        private final Function<InstanceView, Instant> time;

        Sort(Function<InstanceView, Instant> time) {
            this.time = time;
        }
    }

    /** A page of instances, and how many matched in all. */
    public record Page(long total, List<InstanceView> items) {
    }

    public Page apply(List<InstanceView> all) {
        List<InstanceView> matching = all.stream()
                .filter(i -> role == null || role.equals(i.role()))
                .filter(i -> states == null || states.isEmpty() || states.contains(i.state()))
                .sorted(order()).toList();
        return new Page(matching.size(), matching.stream().skip(offset).limit(limit).toList());
    }

    private Comparator<InstanceView> order() {
        Comparator<InstanceView> byIndex = Comparator.comparingInt(InstanceView::index);
        if (sort == Sort.index) {
            return ascending ? byIndex : byIndex.reversed();
        }
        Comparator<Instant> times = ascending ? Comparator.naturalOrder() : Comparator.reverseOrder();
        return Comparator.comparing(sort.time, Comparator.nullsLast(times)).thenComparing(byIndex);
    }
}
