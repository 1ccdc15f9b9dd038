package io.tasklane.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class InstanceQueryTest {

    static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    /** master 0 (ended last), worker 0 (failed first), worker 1 (still running), ps 0 (not launched). */
    static final List<InstanceView> RUN = List.of(
            view(0, "master", 0, InstanceState.EXITED, T0, T0.plusSeconds(30)),
            view(1, "worker", 0, InstanceState.FAILED, T0.plusSeconds(2), T0.plusSeconds(10)),
            view(2, "worker", 1, InstanceState.STARTED, T0.plusSeconds(1), null),
            view(3, "ps", 0, InstanceState.PENDING, null, null));

    @Test
    void filtersByRoleAndAnyOfTheStates() {
        assertThat(query("worker", Set.of(), InstanceQuery.Sort.index, true).items()).extracting(InstanceView::index).containsExactly(1, 2);
        assertThat(query(null, Set.of(InstanceState.FAILED, InstanceState.EXITED), InstanceQuery.Sort.index, true).items())
                .extracting(InstanceView::index).containsExactly(0, 1);
        assertThat(query("worker", Set.of(InstanceState.EXITED), InstanceQuery.Sort.index, true).total()).isZero();
    }

    @Test
    void sortsByTimeWithReplicasWithoutThatTimeLast() {
        assertThat(query(null, null, InstanceQuery.Sort.launchedAt, true).items()).extracting(InstanceView::index).containsExactly(0, 2, 1, 3);
        assertThat(query(null, null, InstanceQuery.Sort.finishedAt, false).items()).extracting(InstanceView::index).containsExactly(0, 1, 2, 3);
        assertThat(query(null, null, InstanceQuery.Sort.index, false).items()).extracting(InstanceView::index).containsExactly(3, 2, 1, 0);
    }

    @Test
    void pagesAfterFilteringAndCountsEveryMatch() {
        InstanceQuery.Page page = new InstanceQuery(null, null, InstanceQuery.Sort.index, true, 1, 2).apply(RUN);

        assertThat(page.total()).isEqualTo(4);
        assertThat(page.items()).extracting(InstanceView::index).containsExactly(1, 2);
    }

    private static InstanceQuery.Page query(String role, Set<InstanceState> states, InstanceQuery.Sort sort, boolean ascending) {
        return new InstanceQuery(role, states, sort, ascending, 0, 100).apply(RUN);
    }

    private static InstanceView view(int index, String role, int roleIndex, InstanceState state, Instant launched, Instant finished) {
        return new InstanceView(index, role, roleIndex, index, "n1", List.of(index), state, null, null, launched, null, finished,
                null, null, "/api/v1/runs/r1/instances/" + index + "/logs", null, null);
    }
}
