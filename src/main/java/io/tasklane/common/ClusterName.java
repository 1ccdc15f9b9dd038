package io.tasklane.common;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A virtual cluster's name, which is also its id. A cluster's definition (its name a DNS label, see
 * {@link Names}) is checked where it is written; this only refuses a blank name.
 */
public record ClusterName(@JsonValue String value) {

    public ClusterName {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a cluster name is not blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
