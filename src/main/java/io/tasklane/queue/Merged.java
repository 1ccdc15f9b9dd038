package io.tasklane.queue;

import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** Two sequences, each already in order, read as one ordered sequence without reading either ahead. */
final class Merged {

    private Merged() {
    }

    static <T> Iterator<T> inOrder(Iterator<T> first, Iterator<T> second, Comparator<? super T> order) {
        return new Iterator<>() {
            private T headOfFirst = first.hasNext() ? first.next() : null;
            private T headOfSecond = second.hasNext() ? second.next() : null;

            @Override
            public boolean hasNext() {
                return headOfFirst != null || headOfSecond != null;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                boolean takeFirst = headOfSecond == null || (headOfFirst != null && order.compare(headOfFirst, headOfSecond) <= 0);
                T taken = takeFirst ? headOfFirst : headOfSecond;
                if (takeFirst) {
                    headOfFirst = first.hasNext() ? first.next() : null;
                } else {
                    headOfSecond = second.hasNext() ? second.next() : null;
                }
                return taken;
            }
        };
    }
}
