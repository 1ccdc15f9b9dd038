package io.tasklane.api;

import java.util.List;
import java.util.Map;

import io.tasklane.common.FieldViolation;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Builds the problem+json answers: a title, a detail to act on, the offending field and rule. */
final class ApiProblems {

    private ApiProblems() {
    }

    static ProblemDetail problem(HttpStatusCode status, String title, String detail, String field, String rule) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (field != null) {
            problem.setProperty("field", field);
        }
        if (rule != null) {
            problem.setProperty("rule", rule);
        }
        return problem;
    }

    /** 400 listing every violation; the first one is also the problem's field and rule. */
    static ProblemDetail invalid(List<FieldViolation> violations) {
        FieldViolation first = violations.get(0);
        String detail = violations.size() == 1 ? first.message()
                : first.message() + " (and " + (violations.size() - 1) + " more problem(s), see errors)";
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid input", detail, first.field(), first.rule());
        problem.setProperty("errors", violations.stream()
                .map(v -> Map.of("field", v.field() == null ? "" : v.field(), "rule", v.rule(), "message", v.message()))
                .toList());
        return problem;
    }

    static ResponseEntity<Object> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
