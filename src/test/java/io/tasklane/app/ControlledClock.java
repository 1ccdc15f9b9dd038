package io.tasklane.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.impl.util.ClockUtil;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A child Tasklane's clock, set by its test: it stands still at the instant written in a file and moves only when
 * the test writes another. Given to the child as {@code --spring.main.sources=io.tasklane.app.ControlledClock}
 * with {@code --tasklane.test.clock-file=...}; deliberately not a {@code @Configuration}, so component scanning
 * never puts it into another context.
 */
public class ControlledClock {

    @Bean
    @Primary
    Clock clockTheTestSets(@Value("${tasklane.test.clock-file}") String file) {
        FileClock clock = new FileClock(Path.of(file));
        followedByTheEngine(clock);
        return clock;
    }

    /**
     * The engine keeps its own clock (its timers fire when it says so): it is set to the test's time before the
     * engine starts and follows every change the test writes, so a schedule's window fires when the test moves the
     * time past it, as it would in production.
     */
    private static void followedByTheEngine(FileClock clock) {
        ClockUtil.setCurrentTime(Date.from(clock.instant()));
        ScheduledExecutorService follower = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "engine-clock-follows-the-test");
            thread.setDaemon(true);
            return thread;
        });
        follower.scheduleWithFixedDelay(() -> {
            try {
                Date now = Date.from(clock.instant());
                if (!now.equals(ClockUtil.getCurrentTime())) {
                    ClockUtil.setCurrentTime(now);
                }
            } catch (RuntimeException e) {
                // The file is being replaced; read it again next time.
            }
        }, 50, 50, TimeUnit.MILLISECONDS);
    }

    /** Sets the time every child reading {@code file} sees from now on. */
    static void set(Path file, Instant at) throws IOException {
        Path next = file.resolveSibling(file.getFileName() + ".next");
        Files.writeString(next, at.toString());
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static final class FileClock extends Clock {

        private final Path file;

        FileClock(Path file) {
            this.file = file;
        }

        @Override
        public Instant instant() {
            try {
                return Instant.parse(Files.readString(file).trim());
            } catch (IOException e) {
                throw new UncheckedIOException("the test's clock file " + file + " cannot be read", e);
            }
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(instant(), zone);
        }
    }
}
