package io.tasklane.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Who may scrape, for each setting of tasklane.metrics (MetricsTest checks the closed default through the filter chain):
 * open lets anyone in, signed in or not; closed, admins and the configured scrape user only.
 */
class ScrapeAccessTest {

    @ParameterizedTest(name = "open={0} scrapeUser={1} {2} -> {3}")
    @CsvSource({
            "true,  ,           nobody,     true",
            "true,  ,           anonymous,  true",
            "true,  ,           alice,      true",
            "true,  prometheus, anonymous,  true",
            "false, ,           nobody,     false",
            "false, ,           anonymous,  false",
            "false, ,           alice,      false",
            "false, ,           admin,      true",
            "false, prometheus, prometheus, true",
            "false, prometheus, alice,      false",
            "false, prometheus, anonymous,  false",
            "false, ' ',        alice,      false",
    })
    void decides(boolean open, String scrapeUser, String who, boolean granted) {
        var rule = ScrapeAccess.rule(new MetricsProperties(scrapeUser, null, open));

        assertThat(rule.authorize(() -> authentication(who), null).isGranted()).isEqualTo(granted);
    }

    private static Authentication authentication(String who) {
        return switch (who) {
            case "nobody" -> null;
            case "anonymous" -> new AnonymousAuthenticationToken("key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
            case "admin" -> UsernamePasswordAuthenticationToken.authenticated(new Caller("admin", Set.of(Caller.ADMIN_GROUP)), null,
                    List.of(new SimpleGrantedAuthority(SecurityConfig.ADMIN_AUTHORITY)));
            default -> UsernamePasswordAuthenticationToken.authenticated(new Caller(who, Set.of("ml-team")), null,
                    List.of(new SimpleGrantedAuthority(IdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX + "ml-team")));
        };
    }
}
