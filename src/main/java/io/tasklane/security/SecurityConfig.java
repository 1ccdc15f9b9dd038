package io.tasklane.security;

import java.util.Arrays;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Why this exists: two ways to sign in, one identity. The API and Camunda's REST API take stateless HTTP Basic,
 * checked against the identity service (scripts and integrators have no session to forge). Everything else — the
 * console and Camunda's webapps — takes one form sign-in with a session and CSRF protection; the webapps read
 * that sign-in through {@link CamundaWebappSignIn}, so a person signs in once. Only health, the OpenAPI
 * documents, the sign-in page and the console's static files are anonymous. {@code /actuator/prometheus} is for admins
 * and the scrape user of {@link MetricsProperties}, or for anyone if configured open ({@link ScrapeAccess}).
 */
@Configuration
class SecurityConfig {

    static final String ADMIN_AUTHORITY = IdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX + Caller.ADMIN_GROUP;
    static final String LOGIN_PAGE = "/login";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemResponses problems, MetricsProperties metrics) throws Exception {
        http
                // Paths from the context root: /engine-rest is Jersey's servlet, which a Spring MVC matcher would not see.
                .securityMatcher(paths("/api/**", "/engine-rest/**", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**",
                        "/swagger-ui.html", "/swagger-ui/**"))
                // Stateless Basic auth has no ambient credentials to forge.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers(paths("/api/**", "/engine-rest/**")).authenticated()
                        .requestMatchers("/actuator/prometheus").access(ScrapeAccess.rule(metrics))
                        .anyRequest().hasAuthority(ADMIN_AUTHORITY))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthenticated()))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems.unauthenticated())
                        .accessDeniedHandler(problems.forbidden()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain consoleSecurity(HttpSecurity http) throws Exception {
        http
                // The webapps send their own CSRF token (Camunda's CsrfPreventionFilter checks it).
                .csrf(csrf -> csrf.ignoringRequestMatchers(paths("/camunda/**")))
                .authorizeHttpRequests(requests -> requests
                        // The webapps' first-user setup would let anyone create an engine admin while no user is in
                        // group camunda-admin; Tasklane creates its admins itself (IdentityBootstrap).
                        .requestMatchers(paths("/camunda/api/admin/setup/**")).denyAll()
                        .requestMatchers(LOGIN_PAGE, "/error", "/console/**", "/webjars/**", "/favicon.ico").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage(LOGIN_PAGE).defaultSuccessUrl("/", false).permitAll())
                // Signing out of the console or of a webapp ends the one session both live in.
                .logout(logout -> logout
                        .logoutRequestMatcher(new OrRequestMatcher(
                                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/logout"),
                                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/logout")))
                        .logoutSuccessUrl(LOGIN_PAGE + "?logout"))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(new ConsoleEntryPoint(LOGIN_PAGE)));
        return http.build();
    }

    private static RequestMatcher paths(String... patterns) {
        return new OrRequestMatcher(Arrays.stream(patterns)
                .map(pattern -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(pattern)).toList());
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
