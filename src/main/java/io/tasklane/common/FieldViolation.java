package io.tasklane.common;

import java.util.Arrays;
import java.util.List;

/**
 * One broken input rule: which field (a JSON path such as {@code ports[1].containerPort}),
 * the rule's stable name (for clients to branch on, and the console's message key {@code rule.<rule>}),
 * a sentence a person can act on, and the figures and names that sentence is told with (after the field),
 * so the console can say the rule in the page's language.
 */
public record FieldViolation(String field, String rule, String message, List<Object> arguments) {

    public FieldViolation {
        arguments = arguments == null ? List.of() : arguments.stream().map(a -> a == null ? (Object) "" : a).toList();
    }

    /** A violation whose rule needs no figures beyond the field. */
    public FieldViolation(String field, String rule, String message) {
        this(field, rule, message, List.of());
    }

    /** A violation whose rule is told with {@code arguments} (after the field, which is always the first). */
    public static FieldViolation of(String field, String rule, String message, Object... arguments) {
        return new FieldViolation(field, rule, message, Arrays.asList(arguments));
    }
}
