package io.tasklane.api;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.tasklane.common.FieldViolation;

/** Says, field by field, why a JSON body could not be read: the JSON path, the rule, a sentence to act on. */
final class JsonViolations {

    private JsonViolations() {
    }

    /** Explains why Jackson could not read the body, naming the JSON path where it could. */
    static FieldViolation unreadable(Throwable cause) {
        if (cause instanceof NulFreeStrings.NulCharacterException n) {
            return new FieldViolation(path(n), "no-nul-character", path(n) + ": " + n.getOriginalMessage());
        }
        if (cause instanceof UnrecognizedPropertyException u) {
            return unknownField(path(u), u.getPropertyName(), u.getKnownPropertyIds());
        }
        if (cause instanceof InvalidFormatException f) {
            return wrongValue(path(f), f.getValue(), f.getTargetType());
        }
        if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            return wrongJsonType(path(m), m.getTargetType());
        }
        if (cause instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return new FieldViolation(path(m), "type", path(m) + ": " + m.getOriginalMessage());
        }
        if (cause instanceof StreamConstraintsException limit) {
            // Valid JSON over one of the reader's limits (nesting depth, length of a number or a name); Jackson does
            // not say where, so no field is named. Not "not valid JSON", which would send the client looking for a typo.
            return new FieldViolation(null, "json-limits", "the body is over a limit of the JSON reader: " + limit.getOriginalMessage());
        }
        if (cause instanceof JsonProcessingException p) {
            var location = p.getLocation();
            return new FieldViolation(null, "json-syntax", "the body is not valid JSON"
                    + (location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")"));
        }
        return new FieldViolation(null, "body-required", "this call needs a JSON body");
    }

    static FieldViolation unknownField(String path, String name, Collection<Object> known) {
        return new FieldViolation(path, "unknown-field", "'" + name + "' is not a field here; known fields: " + known);
    }

    static FieldViolation wrongValue(String path, Object value, Class<?> type) {
        return new FieldViolation(path, "type", path + " '" + value + "' is not " + expected(type));
    }

    static FieldViolation wrongJsonType(String path, Class<?> type) {
        return new FieldViolation(path, "type", path + " has the wrong JSON type; expected " + expected(type));
    }

    /** The JSON path of the value a parser stands on, e.g. {@code ports[1].containerPort}. */
    static String path(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                parts.push("." + c.getCurrentName());
            }
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            }
        }
        return path.toString();
    }

    static String expected(Class<?> type) {
        if (type == null) {
            return "of the expected type";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        if (type == String.class) {
            return "a string";
        }
        return "a JSON object";
    }
}
