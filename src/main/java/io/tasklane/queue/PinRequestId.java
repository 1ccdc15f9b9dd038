package io.tasklane.queue;

import com.fasterxml.jackson.annotation.JsonValue;
import io.tasklane.common.ShortIds;

/** A pin request's id: "p" and 12 letters or digits; the business key of its pin-request process. */
public record PinRequestId(@JsonValue String value) {

    public static PinRequestId generate() {
        return new PinRequestId(ShortIds.next('p'));
    }

    @Override
    public String toString() {
        return value;
    }
}
