package io.tasklane.api;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's error page for requests it refuses before Tasklane sees them (an address with {@code %2F}, {@code %00},
 * {@code %5C} or bytes that are not UTF-8; a request head over the size limit; a malformed request line), as
 * problem+json for API and engine-rest clients instead of Tomcat's HTML page. Other addresses keep the HTML page.
 */
class ProblemErrorReportValve extends ErrorReportValve {

    private final ObjectMapper objectMapper;

    ProblemErrorReportValve(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        if (!forApiClients(request.getRequestURI())) {
            super.report(request, response, throwable);
            return;
        }
        // The same guards as Tomcat's own page: only errors, only once, never over what was written already.
        if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            objectMapper.writeValue(response.getOutputStream(), problem(response.getStatus(), throwable));
        } catch (IOException | IllegalStateException e) {
            // The client went away or the response cannot take a body any more: nothing else to tell it.
        }
    }

    /** A request whose head could not be read has no address: it is told in JSON too, as a client of the API most likely is. */
    static boolean forApiClients(String uri) {
        return uri == null || uri.isEmpty() || uri.startsWith("/api/") || uri.startsWith("/engine-rest/");
    }

    static ProblemDetail problem(int status, Throwable throwable) {
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        if (throwable == null) {
            // Tomcat read the head but refused the address while decoding or normalizing it.
            return ApiProblems.problem(HttpStatus.valueOf(status), title, "The address has characters Tasklane does not accept in a "
                    + "path: an encoded slash, backslash or NUL, or a byte that is not UTF-8.", "path", "path-characters");
        }
        String message = throwable.getMessage() == null ? throwable.getClass().getSimpleName() : throwable.getMessage();
        boolean tooLarge = message.contains("too large");
        return ApiProblems.problem(HttpStatus.valueOf(status), title, tooLarge
                        ? "The request line and headers are over the size the server reads (8 KB); send long values in a body."
                        : "The server could not read the request: " + message,
                null, tooLarge ? "max-size" : "http-syntax");
    }
}
