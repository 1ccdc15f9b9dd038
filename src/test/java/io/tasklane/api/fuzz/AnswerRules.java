package io.tasklane.api.fuzz;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.tasklane.api.fuzz.FuzzRequest.Place;
import io.tasklane.support.Api;

/**
 * What every answer to a broken request must be: never a 5xx; a 4xx is problem+json with a title and its
 * status; a 400 names the rule that was broken and, where a parameter or a property is at fault, the field.
 */
final class AnswerRules {

    private AnswerRules() {
    }

    /** Why the answer breaks the rules, if it does. */
    static Optional<String> broken(FuzzRequest request, Api.Response answer) {
        int status = answer.status();
        if (status >= 500) {
            return Optional.of("answered " + status);
        }
        if (status < 400) {
            return Optional.empty();
        }
        if (!answer.contentType().startsWith("application/problem+json")) {
            return Optional.of(status + " as " + answer.contentType() + ", not application/problem+json");
        }
        JsonNode problem;
        try {
            problem = answer.json();
        } catch (IllegalStateException notJson) {
            return Optional.of(status + " problem+json that is not JSON");
        }
        if (problem.path("status").asInt() != status || problem.path("title").asText("").isBlank()) {
            return Optional.of(status + " problem without its status or a title");
        }
        if (status == 400 && problem.path("rule").asText("").isBlank()) {
            return Optional.of("400 without a rule");
        }
        boolean fieldAtFault = request.place() != Place.BODY && request.place() != Place.CONTENT_TYPE;
        if (status == 400 && fieldAtFault && problem.path("field").asText("").isBlank() && !wholeRequest(problem)) {
            return Optional.of("400 naming no field for a fault in " + request.place() + " " + request.field());
        }
        return Optional.empty();
    }

    /**
     * A request refused before its parts could be told apart (its head over the size limit, a body over a limit of
     * the JSON reader, which does not say where) has no field to name.
     */
    private static boolean wholeRequest(JsonNode problem) {
        String rule = problem.path("rule").asText();
        return rule.equals("max-size") || rule.equals("json-limits");
    }
}
