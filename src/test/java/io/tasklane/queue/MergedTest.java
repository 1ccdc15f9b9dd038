package io.tasklane.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;

class MergedTest {

    @Test
    void interleavesTwoOrderedSequencesKeepingTheOrder() {
        assertThat(all(Merged.inOrder(List.of(1, 4, 6, 9).iterator(), List.of(2, 3, 7).iterator(), Comparator.naturalOrder())))
                .containsExactly(1, 2, 3, 4, 6, 7, 9);
    }

    @Test
    void takesTheFirstSequenceOnATieAndCopesWithAnEmptyOne() {
        assertThat(all(Merged.inOrder(List.of("a1", "b1").iterator(), List.of("a2").iterator(), Comparator.comparing(s -> s.charAt(0)))))
                .containsExactly("a1", "a2", "b1");
        assertThat(all(Merged.inOrder(List.<Integer>of().iterator(), List.of(5).iterator(), Comparator.naturalOrder()))).containsExactly(5);
    }

    @Test
    void readsNoFurtherThanAskedFor() {
        List<Integer> read = new ArrayList<>();
        Iterator<Integer> counting = List.of(1, 2, 3, 4, 5).stream().peek(read::add).iterator();

        Iterator<Integer> merged = Merged.inOrder(counting, List.<Integer>of().iterator(), Comparator.naturalOrder());
        merged.next();

        assertThat(read).containsExactly(1, 2);
    }

    private static <T> List<T> all(Iterator<T> iterator) {
        List<T> out = new ArrayList<>();
        iterator.forEachRemaining(out::add);
        return out;
    }
}
