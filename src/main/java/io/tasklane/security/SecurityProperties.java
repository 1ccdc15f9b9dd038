package io.tasklane.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who exists at first start. {@code devUsers} creates the documented admin/admin and alice/alice
 * (embedded default only); {@code adminUser}/{@code adminPassword} create the first admin elsewhere.
 * {@code credentialCacheTtl}: how long API credentials that passed are taken without asking the identity
 * service again (0 asks every time).
 */
@ConfigurationProperties("tasklane.security")
public record SecurityProperties(boolean devUsers, String adminUser, String adminPassword,
                                 @DefaultValue("30s") Duration credentialCacheTtl) {
}
