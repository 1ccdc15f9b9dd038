package io.tasklane.preemption;

import com.fasterxml.jackson.annotation.JsonValue;
import io.tasklane.common.ShortIds;

/** A force-start's id: "f" and 12 letters or digits; the business key of its force-start process. */
public record ForceStartId(@JsonValue String value) {

    public static ForceStartId generate() {
        return new ForceStartId(ShortIds.next('f'));
    }

    @Override
    public String toString() {
        return value;
    }
}
