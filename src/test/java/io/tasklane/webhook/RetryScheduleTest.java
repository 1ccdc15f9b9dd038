package io.tasklane.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(10), Duration.ofMinutes(5), 8);

    @Test
    void doublesFromTheFirstDelayUpToTheCap() {
        assertThat(schedule.delayAfter(1)).contains(Duration.ofSeconds(10));
        assertThat(schedule.delayAfter(2)).contains(Duration.ofSeconds(20));
        assertThat(schedule.delayAfter(3)).contains(Duration.ofSeconds(40));
        assertThat(schedule.delayAfter(5)).contains(Duration.ofSeconds(160));
        assertThat(schedule.delayAfter(6)).as("320 s capped").contains(Duration.ofMinutes(5));
        assertThat(schedule.delayAfter(7)).contains(Duration.ofMinutes(5));
    }

    @Test
    void stopsAfterTheLastAttempt() {
        assertThat(schedule.delayAfter(8)).isEqualTo(Optional.empty());
        assertThat(new RetrySchedule(Duration.ofSeconds(1), Duration.ofHours(1), 1).delayAfter(1)).isEmpty();
    }

    @Test
    void aLongRunOfFailuresDoesNotOverflow() {
        assertThat(new RetrySchedule(Duration.ofSeconds(10), Duration.ofHours(1), 1000).delayAfter(200)).contains(Duration.ofHours(1));
    }
}
