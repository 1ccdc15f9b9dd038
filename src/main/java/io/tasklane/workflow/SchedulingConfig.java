package io.tasklane.workflow;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the periodic jobs: event redelivery, the orphan reaper, Kubernetes node sync. */
@Configuration
@EnableScheduling
class SchedulingConfig {
}
