package io.tasklane.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * Where a request without a session goes: a page to the sign-in page; a background call cannot follow a redirect
 * to a form, so the webapps' own API calls get 401 (they then show their session as ended) and the console's
 * htmx calls get 401 with {@code HX-Redirect}, which makes htmx load the sign-in page instead of a fragment.
 */
final class ConsoleEntryPoint implements AuthenticationEntryPoint {

    private final String loginPage;
    private final LoginUrlAuthenticationEntryPoint pages;

    ConsoleEntryPoint(String loginPage) {
        this.loginPage = loginPage;
        this.pages = new LoginUrlAuthenticationEntryPoint(loginPage);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException, jakarta.servlet.ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", request.getContextPath() + loginPage);
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        } else if (path.startsWith("/camunda/api/")) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        } else {
            pages.commence(request, response, exception);
        }
    }
}
