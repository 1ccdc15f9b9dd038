package io.tasklane.api;

import java.util.Arrays;
import java.util.List;

import io.tasklane.common.ConflictException;
import jakarta.servlet.http.HttpServletRequest;
import io.tasklane.common.FieldViolation;
import io.tasklane.common.ForbiddenException;
import io.tasklane.common.InvalidInputException;
import io.tasklane.common.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps every failure of an API call to problem+json. Domain exceptions carry their field and rule;
 * unreadable bodies are explained from Jackson's own diagnosis. Anything unexpected is a logged 500.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalid(InvalidInputException e) {
        return ApiProblems.respond(ApiProblems.invalid(e.violations()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException e) {
        return ApiProblems.respond(ApiProblems.problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), null, null));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException e) {
        return ApiProblems.respond(ApiProblems.problem(HttpStatus.CONFLICT, "Conflict", e.getMessage(), e.field(), e.rule()));
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<Object> forbidden(ForbiddenException e) {
        return ApiProblems.respond(ApiProblems.problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage(), e.field(), null));
    }

    @ExceptionHandler(RequestBodyLimitFilter.BodyTooLargeException.class)
    ResponseEntity<Object> tooLarge(RequestBodyLimitFilter.BodyTooLargeException e) {
        return ApiProblems.respond(RequestBodyLimitFilter.tooLargeProblem());
    }

    /**
     * A multipart body (a form upload) is read by the servlet container before any controller, and its parse failure
     * would otherwise be an unexpected error; the API reads JSON only, so it is the same 415 as any other content type.
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> multipart(MultipartException e, HttpServletRequest request) {
        return ApiProblems.respond(ApiProblems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type",
                "Content-Type '" + request.getContentType() + "' is not supported; the API reads application/json.", null, null));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("Unexpected failure of an API call", e);
        return ApiProblems.respond(ApiProblems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "Tasklane failed to handle this request; the failure is logged. Nothing was changed.", null, null));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        if (hasCause(e, RequestBodyLimitFilter.BodyTooLargeException.class)) {
            return ApiProblems.respond(RequestBodyLimitFilter.tooLargeProblem());
        }
        return ApiProblems.respond(ApiProblems.invalid(List.of(JsonViolations.unreadable(e.getCause()))));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = e.getPropertyName();
        Class<?> type = e.getRequiredType();
        if (e instanceof MethodArgumentTypeMismatchException m) {
            field = m.getName();
            ResolvableType parameter = ResolvableType.forMethodParameter(m.getParameter());
            // For a repeatable parameter (List<TaskState>), name the element type the value failed to be.
            type = parameter.asCollection() != ResolvableType.NONE ? parameter.asCollection().resolveGeneric(0) : type;
        }
        return ApiProblems.respond(ApiProblems.invalid(List.of(
                new FieldViolation(field, "type", field + " '" + shown(e.getValue()) + "' is not " + JsonViolations.expected(type)))));
    }

    private static String shown(Object value) {
        return value instanceof Object[] values ? String.join(",", Arrays.stream(values).map(String::valueOf).toList())
                : String.valueOf(value);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
