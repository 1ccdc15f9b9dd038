package io.tasklane.common;

/** The thing does not exist, or the caller may not know that it exists; answered with 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String kind, String id) {
        super(kind + " '" + id + "' does not exist or is not visible to you");
    }
}
