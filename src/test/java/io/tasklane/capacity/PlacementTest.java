package io.tasklane.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PlacementTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                // name, free slots per node, replicas, sku per replica, expected node of each replica (null: does not fit)
                argumentSet("fits on one node", nodes(8, 8), 2, 2, List.of("n0", "n0")),
                argumentSet("must spread", nodes(4, 4), 2, 4, List.of("n0", "n1")),
                argumentSet("fragmented cluster: best fit keeps the big hole", nodes(2, 8, 3), 1, 2, List.of("n0")),
                argumentSet("fragmented cluster: big replica takes the big hole", nodes(2, 8, 3), 1, 5, List.of("n1")),
                argumentSet("exact fit", nodes(3, 5), 1, 5, List.of("n1")),
                argumentSet("one replica short", nodes(3, 5), 2, 4, null),
                argumentSet("exact fit of everything", nodes(4, 4), 4, 2, List.of("n0", "n0", "n1", "n1")),
                argumentSet("never fits: replica bigger than any node", nodes(4, 4), 1, 5, null),
                argumentSet("never fits: gang does not fit though some replicas would", nodes(4, 4, 4), 4, 4, null),
                argumentSet("empty cluster", nodes(), 1, 1, null));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void placesReplicasByBestFit(List<NodeSnapshot> nodes, int replicas, int sku, List<String> expectedNodes) {
        Optional<List<ReplicaPlacement>> placed = Placement.place(nodes, replicas, sku);

        if (expectedNodes == null) {
            assertThat(placed).isEmpty();
            return;
        }
        assertThat(placed).isPresent();
        assertThat(placed.get()).extracting(ReplicaPlacement::node).containsExactlyElementsOf(expectedNodes);
        assertThat(placed.get()).allSatisfy(p -> assertThat(p.slots()).hasSize(sku).doesNotHaveDuplicates());
        // no slot is handed out twice
        assertThat(placed.get().stream().flatMap(p -> p.slots().stream().map(s -> p.node() + "/" + s)).toList()).doesNotHaveDuplicates();
    }

    @Test
    void slotsAreTakenFromTheFreeOnesAndMapToGpuIndices() {
        NodeSnapshot node = NodeSnapshot.of("n0", 4, List.of(0, 2));
        ReplicaPlacement placed = Placement.place(List.of(node), 1, 2).orElseThrow().get(0);

        assertThat(placed.slots()).containsExactly(1, 3);
        assertThat(placed.gpuIndices(2)).containsExactly(2, 3, 6, 7);
    }

    @Test
    void aGangThatDoesNotFitGivesBackWhatItTookAndTheNextRunStillFits() {
        SlotPool pool = new SlotPool(nodes(4, 2));

        assertThat(pool.take(4, 2)).isEmpty();
        assertThat(pool.take(1, 4)).get().extracting(p -> p.get(0).node()).isEqualTo("n0");
        assertThat(pool.take(1, 2)).get().extracting(p -> p.get(0).node()).isEqualTo("n1");
        assertThat(pool.largestFree()).isZero();
    }

    @Test
    void aGangOfRolesSpreadsOverNodesAndKeepsItsRanks() {
        // master 1x6, worker 2x6: each replica needs a node of its own.
        List<ReplicaGroup> roles = List.of(new ReplicaGroup(1, 6), new ReplicaGroup(2, 6));

        assertThat(new SlotPool(nodes(8, 8, 4)).take(roles, 0)).isEmpty();
        List<ReplicaPlacement> placed = new SlotPool(nodes(8, 8, 8)).take(roles, 0).orElseThrow();

        assertThat(placed).extracting(ReplicaPlacement::replicaIndex).containsExactly(0, 1, 2);
        assertThat(placed).extracting(ReplicaPlacement::node).doesNotHaveDuplicates();
    }

    @Test
    void theLargestReplicasOfAGangArePlacedFirst() {
        // In rank order the small master would split the 8-hole the worker needs; largest first fits both.
        List<ReplicaGroup> roles = List.of(new ReplicaGroup(1, 2), new ReplicaGroup(1, 8));
        List<ReplicaPlacement> placed = new SlotPool(nodes(8, 2)).take(roles, 0).orElseThrow();

        assertThat(placed).extracting(ReplicaPlacement::replicaIndex, ReplicaPlacement::node)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, "n1"), org.assertj.core.groups.Tuple.tuple(1, "n0"));
    }

    @Test
    void aGangOfRolesThatDoesNotFitTakesNothing() {
        SlotPool pool = new SlotPool(nodes(4, 4));

        assertThat(pool.take(List.of(new ReplicaGroup(1, 4), new ReplicaGroup(1, 4), new ReplicaGroup(1, 1)), 0)).isEmpty();
        assertThat(pool.take(List.of(new ReplicaGroup(2, 4)), 0)).isPresent();
    }

    static List<NodeSnapshot> nodes(int... free) {
        return java.util.stream.IntStream.range(0, free.length)
                .mapToObj(i -> NodeSnapshot.of("n" + i, free[i], List.of())).toList();
    }
}
