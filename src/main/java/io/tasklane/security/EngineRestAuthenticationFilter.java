package io.tasklane.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the caller Spring Security authenticated to the engine for the length of an
 * {@code /engine-rest} call, so Camunda's own authorization checks apply to integrators.
 */
@Component
class EngineRestAuthenticationFilter extends OncePerRequestFilter {

    private final IdentityService identityService;

    EngineRestAuthenticationFilter(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Caller caller)) {
            // Spring Security refuses anonymous calls before they get here; never run the engine unauthenticated.
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        identityService.setAuthentication(caller.userId(), List.copyOf(caller.groups()));
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
