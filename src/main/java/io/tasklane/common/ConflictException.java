package io.tasklane.common;

import java.util.Arrays;
import java.util.List;

/** The request is well formed but clashes with the current state; answered with 409. */
public class ConflictException extends RuntimeException {

    private final String field;
    private final String rule;
    private final List<Object> arguments;

    public ConflictException(String field, String rule, String message) {
        this(field, rule, message, new Object[0]);
    }

    /** A clash told with the figures its rule's words need (after the field), as {@link FieldViolation#arguments()}. */
    public ConflictException(String field, String rule, String message, Object... arguments) {
        super(message);
        this.field = field;
        this.rule = rule;
        this.arguments = new FieldViolation(field, rule, message, Arrays.asList(arguments)).arguments();
    }

    /** This clash as a violation of its rule, for the console's words. */
    public FieldViolation violation() {
        return new FieldViolation(field, rule, getMessage(), arguments);
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
