package io.tasklane.security;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * 401 and 403 from the security filters, and requests the request firewall refuses, as the same problem+json the
 * controllers answer with.
 */
@Component
class ProblemResponses {

    private final ObjectMapper objectMapper;

    ProblemResponses(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    AuthenticationEntryPoint unauthenticated() {
        return (request, response, exception) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"tasklane\"");
            write(response, HttpStatus.UNAUTHORIZED,
                    "Sign in with HTTP Basic: a user name and password from Tasklane's identity service.");
        };
    }

    AccessDeniedHandler forbidden() {
        return (request, response, exception) -> write(response, HttpStatus.FORBIDDEN,
                "Your account may not do this; ask a member of group " + Caller.ADMIN_GROUP + ".");
    }

    /**
     * A request Spring Security's firewall refuses (an encoded dot or slash, {@code ;}, {@code %25} in the path; a
     * control character in a header; an unknown method), told as a problem to API and engine-rest clients; on other
     * addresses it goes to the container's error handling as before.
     */
    RequestRejectedHandler rejected() {
        return (request, response, rejection) -> {
            String uri = request.getRequestURI();
            if (uri == null || !(uri.startsWith("/api/") || uri.startsWith("/engine-rest/"))) {
                throw rejection;
            }
            String reason = rejection.getMessage() == null ? "" : rejection.getMessage();
            if (reason.contains("HTTP method")) {
                write(response, HttpStatus.METHOD_NOT_ALLOWED, "Tasklane does not take this HTTP method.", null, null);
            } else if (reason.contains("header")) {
                write(response, HttpStatus.BAD_REQUEST, "A header has characters Tasklane does not accept: " + reason,
                        "headers", "header-characters");
            } else {
                write(response, HttpStatus.BAD_REQUEST, "The address has characters Tasklane does not accept in a path "
                        + "(an encoded dot, slash or percent sign, a semicolon, a double slash): " + reason, "path", "path-characters");
            }
        };
    }

    private void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        write(response, status, detail, null, null);
    }

    private void write(HttpServletResponse response, HttpStatus status, String detail, String field, String rule) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        if (field != null) {
            problem.setProperty("field", field);
        }
        if (rule != null) {
            problem.setProperty("rule", rule);
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
