package io.tasklane.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may read {@code /actuator/prometheus}: admins always; also {@code scrapeUser} (an identity user Prometheus
 * signs in as, with HTTP Basic), if set; anyone, if {@code open} (only where the port is reachable by the
 * scraper alone). With {@code scrapePassword} too, the scrape user is created at start when missing, so a
 * Kubernetes install can give Prometheus and Tasklane the same Secret (see deploy/components/monitoring).
 */
@ConfigurationProperties("tasklane.metrics")
public record MetricsProperties(String scrapeUser, String scrapePassword, boolean open) {
}
