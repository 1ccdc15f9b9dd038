package io.tasklane.runtime.local;

import java.time.Instant;
import java.util.Optional;

/**
 * A Tasklane JVM that launched replicas: its pid and when it started (a pid alone may be reused by a
 * later process). A replica whose launcher is alive may be between its launch and its record, in that
 * JVM's open transaction; one whose launcher is gone can be judged by the database alone.
 */
record LauncherId(long pid, long startedAtMillis) {

    static LauncherId thisJvm() {
        ProcessHandle self = ProcessHandle.current();
        return new LauncherId(self.pid(), self.info().startInstant().map(Instant::toEpochMilli).orElse(0L));
    }

    static Optional<LauncherId> parse(String text) {
        if (text == null || !text.contains(":")) {
            return Optional.empty();
        }
        String[] parts = text.split(":", 2);
        return Optional.of(new LauncherId(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
    }

    /** Whether this JVM still runs (the same process, not a later one with its pid). */
    boolean isAlive() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .flatMap(p -> p.info().startInstant())
                .map(started -> Math.abs(started.toEpochMilli() - startedAtMillis) < 1000)
                .orElse(false);
    }

    @Override
    public String toString() {
        return pid + ":" + startedAtMillis;
    }
}
