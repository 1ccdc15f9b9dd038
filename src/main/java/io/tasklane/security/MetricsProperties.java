package io.tasklane.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may read {@code /actuator/prometheus}: admins always; also {@code scrapeUser} (an identity user Prometheus
 * signs in as, with HTTP Basic), if set; anyone, if {@code open} (only where the port is reachable by the
 * scraper alone).
 */
@ConfigurationProperties("tasklane.metrics")
public record MetricsProperties(String scrapeUser, boolean open) {
}
