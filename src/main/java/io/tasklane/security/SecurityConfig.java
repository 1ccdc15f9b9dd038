package io.tasklane.security;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Why this exists: the API and Camunda's REST API take HTTP Basic checked against the identity
 * service, while the Camunda webapps keep their own session login (they are let through here and
 * authenticate themselves). Only health and the OpenAPI documents are anonymous.
 */
@Configuration
class SecurityConfig {

    static final String ADMIN_AUTHORITY = IdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX + Caller.ADMIN_GROUP;

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemResponses problems) throws Exception {
        http
                // Stateless Basic auth has no ambient credentials to forge; the webapps run their own CSRF filter.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        // The webapps' first-user setup would let anyone create an engine admin while no user is in
                        // group camunda-admin; Tasklane creates its admins itself (IdentityBootstrap).
                        .requestMatchers("/camunda/api/admin/setup/**").denyAll()
                        .requestMatchers("/", "/error", "/camunda", "/camunda/**").permitAll()
                        .requestMatchers("/api/**", "/engine-rest/**").authenticated()
                        .anyRequest().hasAuthority(ADMIN_AUTHORITY))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthenticated()))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems.unauthenticated())
                        .accessDeniedHandler(problems.forbidden()));
        return http.build();
    }

    /** Spring Security's filter chain proxy uses the one bean of this type for what its request firewall refuses. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemResponses problems) {
        return problems.rejected();
    }

    @Bean
    FilterRegistrationBean<EngineRestAuthenticationFilter> engineRestAuthentication(EngineRestAuthenticationFilter filter) {
        FilterRegistrationBean<EngineRestAuthenticationFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/engine-rest/*");
        // After Spring Security's chain (order -100), which has authenticated the caller by now.
        registration.setOrder(0);
        return registration;
    }
}
