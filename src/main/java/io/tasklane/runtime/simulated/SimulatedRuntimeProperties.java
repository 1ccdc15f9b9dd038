package io.tasklane.runtime.simulated;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The simulated runtime, for tests and benchmarks at scale (never a default): how long a replica takes
 * to start, how long a job's replica runs, and the share of replicas that fail (exit 1) at the end.
 */
@ConfigurationProperties("tasklane.runtime.simulated")
public record SimulatedRuntimeProperties(@DefaultValue("100ms") Duration startDelay,
                                         @DefaultValue("1s") Duration runTime,
                                         @DefaultValue("0") double failureRate) {
}
