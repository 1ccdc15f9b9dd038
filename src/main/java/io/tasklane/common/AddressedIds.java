package io.tasklane.common;

import java.util.function.Function;

/**
 * Ids taken from an address (an API path, a console page): one that cannot exist is "not found", like an
 * unknown one, so a malformed id tells the caller nothing more than a wrong one. Shared by the API and the
 * console so both answer alike.
 */
public final class AddressedIds {

    private AddressedIds() {
    }

    public static TaskId task(String id) {
        return of("task", id, TaskId::new);
    }

    public static RunId run(String id) {
        return of("run", id, RunId::new);
    }

    /** {@code kind} names the id in the 404; ids are at most 32 characters. */
    public static <T> T of(String kind, String id, Function<String, T> typed) {
        if (id == null || id.isBlank() || id.length() > 32) {
            throw new NotFoundException(kind, String.valueOf(id));
        }
        return typed.apply(id);
    }
}
