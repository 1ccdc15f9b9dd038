package io.tasklane.security;

import java.util.Map;

import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Why this exists: one sign-in for the console and Camunda's Tasklist, Cockpit and Admin. Camunda's
 * container-based authentication takes the user from {@code request.getUserPrincipal()}, which Spring Security
 * fills from the console session, and loads the user's groups from the identity service; the webapps then keep
 * that in the same HTTP session, so signing out of the console ends both.
 */
@Configuration
class CamundaWebappSignIn {

    /** Spring Boot's order of Spring Security's filter chain proxy (its SecurityProperties.DEFAULT_FILTER_ORDER). */
    static final int SPRING_SECURITY_ORDER = -100;

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaContainerAuthentication() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider", ContainerBasedAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/camunda/*");
        // Right after Spring Security's chain, which has put the principal on the request, and before the webapps'
        // own authentication filter, which only reads what is in the session.
        registration.setOrder(SPRING_SECURITY_ORDER + 1);
        return registration;
    }
}
