package io.tasklane.common;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One injectable clock, so time-dependent rules can be tested with a fixed one. It ticks in
 * microseconds, the precision PostgreSQL stores, so what an API call answers equals what a later read
 * returns.
 */
@Configuration
class ClockConfig {

    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
