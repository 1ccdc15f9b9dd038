package io.tasklane.api.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tasklane.api.fuzz.BadValues.Bad;
import io.tasklane.api.fuzz.FuzzRequest.Place;
import io.tasklane.support.OpenApiOperations;
import io.tasklane.support.OpenApiOperations.Operation;
import io.tasklane.support.OpenApiOperations.Parameter;

/**
 * Makes the requests of a fuzz run from the OpenAPI document: for every operation, each of its path parameters
 * replaced by odd segments, each query parameter given wrong values, and, for an operation with a body, broken
 * whole bodies, wrong content types and every property of the body (one level of nesting deep, array items
 * included) given values of the wrong type, out of range, too long or with hostile characters. Everything else
 * in a request is valid, so each request breaks one thing. The same seed makes the same requests.
 */
final class BadRequests {

    /** A property of a body to break: its JSON pointer, its name as a problem names it, and its schema. */
    private record Target(String pointer, String field, JsonNode schema, JsonNode valid) {
    }

    private final OpenApiOperations document;
    private final ValidInputs valid;
    private final Random random;
    private final int valuesPerProperty;
    private final List<FuzzRequest> made = new ArrayList<>();

    /** {@code valuesPerProperty}: how many of a property's wrong values to send (chosen by the seed). */
    BadRequests(OpenApiOperations document, ValidInputs valid, long seed, int valuesPerProperty) {
        this.document = document;
        this.valid = valid;
        this.random = new Random(seed);
        this.valuesPerProperty = valuesPerProperty;
    }

    List<FuzzRequest> of(List<Operation> operations) {
        for (Operation operation : operations) {
            for (Parameter parameter : operation.in("path")) {
                for (Bad<String> segment : BadValues.pathSegments()) {
                    add(operation, Place.PATH, parameter.name(), segment.label(), uri(operation, parameter.name(), segment.value(), ""),
                            jsonType(operation), validBody(operation));
                }
            }
            for (Parameter parameter : operation.in("query")) {
                for (Bad<String> value : BadValues.queryValues(parameter.schema())) {
                    String query = "?" + parameter.name() + "=" + URLEncoder.encode(value.value(), StandardCharsets.UTF_8);
                    add(operation, Place.QUERY, parameter.name(), value.label(), uri(operation, null, null, query),
                            jsonType(operation), validBody(operation));
                }
            }
            if (!operation.writes()) {
                // Ignored, as it should be: on a write the request would be valid and do what it says.
                add(operation, Place.QUERY, "fuzz", "a parameter nobody declared", uri(operation, null, null, "?fuzz=1"), null, null);
            }
            if (operation.hasBody()) {
                bodyFaults(operation);
            }
        }
        return List.copyOf(made);
    }

    private void bodyFaults(Operation operation) {
        String uri = uri(operation, null, null, "");
        for (Bad<String> body : BadValues.wholeBodies()) {
            add(operation, Place.BODY, null, body.label(), uri, jsonType(operation), body.value());
        }
        for (Bad<String> type : BadValues.contentTypes()) {
            add(operation, Place.CONTENT_TYPE, null, type.label(), uri, type.value(), validBody(operation));
        }
        for (Map.Entry<String, JsonNode> media : operation.bodies().entrySet()) {
            JsonNode schema = bodySchema(operation, media.getValue());
            JsonNode base = valid.body(schema, document);
            List<Target> targets = new ArrayList<>();
            collect(document.resolve(schema), base, "", "", 0, targets);
            for (Target target : targets) {
                List<Bad<JsonNode>> values = new ArrayList<>(BadValues.jsonValues(target.schema(), target.valid()));
                Collections.shuffle(values, random);
                for (Bad<JsonNode> value : values.subList(0, Math.min(valuesPerProperty, values.size()))) {
                    JsonNode broken = base.deepCopy();
                    set(broken, target.pointer(), value.value());
                    add(operation, Place.BODY_FIELD, target.field(), value.label(), uri, media.getKey(), broken.toString());
                }
            }
            ObjectNode unknown = base.isObject() ? (ObjectNode) base.deepCopy() : null;
            if (unknown != null) {
                unknown.put("fuzzField", 1);
                add(operation, Place.BODY_FIELD, "fuzzField", "an unknown field", uri, media.getKey(), unknown.toString());
            }
        }
    }

    /** The properties of {@code schema} (with the valid {@code base}) and, one level down, of its objects and array items. */
    private void collect(JsonNode schema, JsonNode base, String pointer, String field, int depth, List<Target> into) {
        for (Iterator<Map.Entry<String, JsonNode>> p = schema.path("properties").fields(); p.hasNext(); ) {
            Map.Entry<String, JsonNode> property = p.next();
            JsonNode propertySchema = document.resolve(property.getValue());
            if (propertySchema.path("readOnly").asBoolean(false)) {
                continue;
            }
            String childPointer = pointer + "/" + property.getKey();
            String childField = field.isEmpty() ? property.getKey() : field + "." + property.getKey();
            JsonNode validValue = base == null ? null : base.get(property.getKey());
            into.add(new Target(childPointer, childField, propertySchema, validValue));
            if (depth < 1 && validValue != null && validValue.isObject()) {
                collect(propertySchema, validValue, childPointer, childField, depth + 1, into);
            }
            if (depth < 1 && validValue != null && validValue.isArray() && !validValue.isEmpty()) {
                JsonNode items = document.resolve(propertySchema.path("items"));
                if (items.has("properties")) {
                    collect(items, validValue.get(0), childPointer + "/0", childField + "[0]", depth + 1, into);
                } else {
                    into.add(new Target(childPointer + "/0", childField + "[0]", items, validValue.get(0)));
                }
            }
        }
    }

    /** A body schema that says nothing (springdoc's {@code JsonNode}) borrows the operation's other, described one. */
    private JsonNode bodySchema(Operation operation, JsonNode schema) {
        if (!document.resolve(schema).isEmpty()) {
            return schema;
        }
        return operation.bodies().values().stream().filter(s -> !document.resolve(s).isEmpty()).findFirst().orElse(schema);
    }

    private String validBody(Operation operation) {
        if (!operation.hasBody()) {
            return null;
        }
        return valid.body(bodySchema(operation, operation.bodies().values().iterator().next()), document).toString();
    }

    private static String jsonType(Operation operation) {
        return operation.hasBody() ? operation.bodies().keySet().iterator().next() : null;
    }

    /** The operation's address with valid segments, except {@code faulty} (if any) which gets {@code segment}. */
    private String uri(Operation operation, String faulty, String segment, String query) {
        String path = operation.path();
        for (Parameter parameter : operation.in("path")) {
            String value = parameter.name().equals(faulty) ? segment : valid.segment(operation.path(), parameter.name());
            path = path.replace("{" + parameter.name() + "}", value);
        }
        return path + query;
    }

    private static void set(JsonNode root, String pointer, JsonNode value) {
        int last = pointer.lastIndexOf('/');
        JsonNode parent = last == 0 ? root : root.at(pointer.substring(0, last));
        String key = pointer.substring(last + 1);
        if (parent.isArray()) {
            ((ArrayNode) parent).set(Integer.parseInt(key), value);
        } else {
            ((ObjectNode) parent).set(key, value);
        }
    }

    private void add(Operation operation, Place place, String field, String fault, String uri, String contentType, String body) {
        made.add(new FuzzRequest(made.size() + 1, operation.key(), place, field, fault, operation.method(), uri,
                contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8)));
    }
}
