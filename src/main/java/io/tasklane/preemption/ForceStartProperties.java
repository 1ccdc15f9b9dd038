package io.tasklane.preemption;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of force-starts. {@code waitTimeout}: how long a confirmed force-start waits for its pinned
 * task to get the freed GPUs before it ends TIMED_OUT; without it, a victim that never dies or a run that
 * never fits would keep the force-start (and the cluster's one force-start slot) open for good.
 */
@ConfigurationProperties("tasklane.force-start")
public record ForceStartProperties(@DefaultValue("10m") Duration waitTimeout) {
}
