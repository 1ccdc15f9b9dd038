package io.tasklane.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * How long a run waited and ran, and the GPU-hours it held, as the Task page's runs table shows them. A run waits
 * from its queueing until it starts (or ends, if it never started) and runs from its start until it ends; a run
 * that is not over counts up to now. {@code ran} is null for a run that never started, {@code gpuHours} for one
 * that never held GPUs.
 */
record RunFigures(Duration waited, Duration ran, Double gpuHours) {

    static RunFigures of(Instant queuedAt, Instant startedAt, Instant finishedAt, Double gpuHours, Instant now) {
        Instant end = finishedAt != null ? finishedAt : now;
        Instant waitEnd = startedAt != null ? startedAt : end;
        Duration waited = queuedAt == null ? null : nonNegative(Duration.between(queuedAt, waitEnd));
        Duration ran = startedAt == null ? null : nonNegative(Duration.between(startedAt, end));
        return new RunFigures(waited, ran, gpuHours);
    }

    /** A duration as hours, minutes and seconds ({@code 26:05:09}), the same in every language; blank for none. */
    static String clock(Duration duration) {
        return duration == null ? "" : QueueBoard.waited(duration);
    }

    /** GPU-hours to two decimals ({@code 0.25}), hundredths being 36 GPU-seconds; blank for none. */
    static String hours(Double gpuHours) {
        return gpuHours == null ? "" : String.format(Locale.ROOT, "%.2f", gpuHours);
    }

    private static Duration nonNegative(Duration duration) {
        // Clocks of two Tasklane instances may disagree by a little; a run never took negative time.
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
