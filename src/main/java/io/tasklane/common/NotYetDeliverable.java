package io.tasklane.common;

/**
 * Thrown by an {@link OnCommitted} handler when what the event calls for cannot be done yet (a process
 * that does not wait for the message at this moment): the event stays in the registry and is delivered
 * again. Expected under races, so it is logged as a line, not a stack trace.
 */
public class NotYetDeliverable extends RuntimeException {

    public NotYetDeliverable(String message) {
        super(message, null, false, false);
    }
}
