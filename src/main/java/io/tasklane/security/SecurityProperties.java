package io.tasklane.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who exists at first start. {@code devUsers} creates the documented admin/admin and alice/alice
 * (embedded default only); {@code adminUser}/{@code adminPassword} create the first admin elsewhere.
 */
@ConfigurationProperties("tasklane.security")
public record SecurityProperties(boolean devUsers, String adminUser, String adminPassword) {
}
