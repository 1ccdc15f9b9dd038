package io.tasklane.support;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Polls (with Awaitility) until something asynchronous (a run, a process) gets where a test expects it; fails after 60 s unless told otherwise. */
public final class Await {

    private Await() {
    }

    public static <T> T until(String what, Supplier<T> read, Predicate<T> condition) {
        return until(Duration.ofSeconds(60), what, read, condition);
    }

    public static <T> T until(Duration atMost, String what, Supplier<T> read, Predicate<T> condition) {
        AtomicReference<T> last = new AtomicReference<>();
        try {
            Awaitility.await(what).atMost(atMost).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        last.set(read.get());
                        return condition.test(last.get());
                    });
            return last.get();
        } catch (ConditionTimeoutException timedOut) {
            throw new AssertionError("waited " + atMost.toSeconds() + " s for " + what + "; last seen: " + last.get(), timedOut);
        }
    }
}
