package io.tasklane.security;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may read {@code /actuator/prometheus} ({@link MetricsProperties}): admins, the configured scrape user, or anyone
 * if metrics are configured open. A rule of its own so each setting is tested without an application per setting.
 */
final class ScrapeAccess {

    private ScrapeAccess() {
    }

    static AuthorizationManager<RequestAuthorizationContext> rule(MetricsProperties metrics) {
        return (authentication, context) -> {
            if (metrics.open()) {
                return new AuthorizationDecision(true);
            }
            Authentication who = authentication.get();
            boolean signedIn = who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken);
            boolean admin = signedIn && who.getAuthorities().stream().anyMatch(a -> SecurityConfig.ADMIN_AUTHORITY.equals(a.getAuthority()));
            boolean scraper = signedIn && metrics.scrapeUser() != null && !metrics.scrapeUser().isBlank()
                    && metrics.scrapeUser().equals(userId(who));
            return new AuthorizationDecision(admin || scraper);
        };
    }

    private static String userId(Authentication who) {
        return who.getPrincipal() instanceof Caller caller ? caller.userId() : who.getName();
    }
}
