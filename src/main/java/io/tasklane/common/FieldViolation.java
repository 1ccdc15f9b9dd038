package io.tasklane.common;

/**
 * One broken input rule: which field (a JSON path such as {@code ports[1].containerPort}),
 * the rule's stable name (for clients to branch on), and a sentence a person can act on.
 */
public record FieldViolation(String field, String rule, String message) {
}
