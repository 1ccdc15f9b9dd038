package io.tasklane.common;

import java.util.List;

/** Input that breaks one or more rules; answered with 400 and every violation. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldViolation> violations;

    public InvalidInputException(List<FieldViolation> violations) {
        super(violations.isEmpty() ? "invalid input" : violations.get(0).message());
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid input needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public InvalidInputException(String field, String rule, String message) {
        this(List.of(new FieldViolation(field, rule, message)));
    }

    /** One broken rule told with the figures its words need (see {@link FieldViolation#arguments()}). */
    public InvalidInputException(FieldViolation violation) {
        this(List.of(violation));
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
