package io.tasklane.common;

/** The caller is known but may not do this; answered with 403. */
public class ForbiddenException extends RuntimeException {

    private final String field;

    public ForbiddenException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
