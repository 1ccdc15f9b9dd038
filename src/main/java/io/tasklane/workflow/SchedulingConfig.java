package io.tasklane.workflow;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the periodic sweep of runs. */
@Configuration
@EnableScheduling
class SchedulingConfig {
}
