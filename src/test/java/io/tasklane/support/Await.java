package io.tasklane.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls until something asynchronous (a run, a process) gets where a test expects it; fails after 60 s. */
public final class Await {

    private Await() {
    }

    public static <T> T until(String what, Supplier<T> read, Predicate<T> condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        T last = null;
        while (Instant.now().isBefore(deadline)) {
            last = read.get();
            if (condition.test(last)) {
                return last;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
        throw new AssertionError("waited 60 s for " + what + "; last seen: " + last);
    }
}
