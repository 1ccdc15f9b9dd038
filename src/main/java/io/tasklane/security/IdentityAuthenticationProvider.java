package io.tasklane.security;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks HTTP Basic credentials against Camunda's identity service, so the users and groups an
 * admin manages in Camunda Admin are the ones that can call the API. The principal is a {@link Caller}.
 */
@Component
class IdentityAuthenticationProvider implements AuthenticationProvider {

    static final String GROUP_AUTHORITY_PREFIX = "group:";

    private final IdentityService identityService;
    private final CredentialCache recentlyChecked;

    IdentityAuthenticationProvider(IdentityService identityService, SecurityProperties properties, Clock clock) {
        this.identityService = identityService;
        this.recentlyChecked = new CredentialCache(properties.credentialCacheTtl(), clock);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        String password = credentials == null ? "" : credentials.toString();
        if (userId == null || userId.isBlank()) {
            throw new BadCredentialsException("unknown user or wrong password");
        }
        Caller caller = recentlyChecked.find(userId, password).orElseGet(() -> check(userId, password));
        List<SimpleGrantedAuthority> authorities = caller.groups().stream()
                .map(group -> new SimpleGrantedAuthority(GROUP_AUTHORITY_PREFIX + group))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(caller, null, authorities);
    }

    private Caller check(String userId, String password) {
        // checkPassword also applies Camunda's lockout after repeated failed attempts.
        if (!identityService.checkPassword(userId, password)) {
            throw new BadCredentialsException("unknown user or wrong password");
        }
        Caller caller = new Caller(userId, groupsOf(userId));
        recentlyChecked.remember(userId, password, caller);
        return caller;
    }

    private Set<String> groupsOf(String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .collect(Collectors.toSet());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
