package io.tasklane.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a run is expected to give its GPUs back, and from what: its active deadline, or the median time its task's
 * earlier runs held theirs (those that ended, most recent first). The deadline bounds the median: a run is ended at
 * its deadline whatever its history says.
 */
public record RunEnd(Instant at, boolean fromHistory) {

    /**
     * A run holding GPUs since {@code since}: the median of its task's earlier holding times that are longer than it
     * has held so far (one that outlived the typical run is judged by the longer ones), else its deadline (an overdue
     * one is expected to end now). Empty when it has neither a deadline nor such history.
     */
    public static Optional<RunEnd> ofHolder(Instant since, Instant deadline, List<Duration> earlier, Instant now) {
        Duration held = Duration.between(since, now);
        List<Duration> longer = earlier.stream().filter(d -> d.compareTo(held) > 0).toList();
        Optional<RunEnd> byDeadline = Optional.ofNullable(deadline).map(at -> new RunEnd(later(at, now), false));
        if (longer.isEmpty()) {
            return byDeadline;
        }
        Instant byHistory = since.plus(median(longer));
        return byDeadline.filter(d -> d.at().isBefore(byHistory)).or(() -> Optional.of(new RunEnd(byHistory, true)));
    }

    /**
     * How long a queued run is expected to hold its GPUs once admitted: the median of its task's earlier holding
     * times, at most its active deadline; else the deadline. Empty when it has neither.
     */
    public static Optional<Expected> ofQueued(Duration activeDeadline, List<Duration> earlier) {
        if (earlier.isEmpty()) {
            return Optional.ofNullable(activeDeadline).map(d -> new Expected(d, false));
        }
        Duration median = median(earlier);
        return Optional.of(activeDeadline != null && activeDeadline.compareTo(median) < 0
                ? new Expected(activeDeadline, false) : new Expected(median, true));
    }

    /** A holding time to come, and whether it is from history (else from the deadline). */
    public record Expected(Duration duration, boolean fromHistory) {

        RunEnd from(Instant start) {
            return new RunEnd(start.plus(duration), fromHistory);
        }
    }

    /** The median of the durations (the mean of the middle two of an even count). */
    static Duration median(List<Duration> durations) {
        List<Duration> sorted = durations.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
