package io.tasklane.webhook;

import java.time.Duration;
import java.util.Optional;

/**
 * When a failed delivery is tried again: {@code first} after the first failure, doubling after each further one,
 * never more than {@code max} apart; none after {@code maxAttempts} attempts.
 */
record RetrySchedule(Duration first, Duration max, int maxAttempts) {

    /** The wait after the {@code attempts}-th failed attempt (1-based), or empty when that was the last. */
    Optional<Duration> delayAfter(int attempts) {
        if (attempts >= maxAttempts) {
            return Optional.empty();
        }
        int doublings = Math.min(attempts - 1, 30); // 2^30 times any first delay is beyond every sensible max
        Duration delay = first.multipliedBy(1L << doublings);
        return Optional.of(delay.compareTo(max) > 0 ? max : delay);
    }
}
