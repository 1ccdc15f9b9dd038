package io.tasklane.api.fuzz;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tasklane.support.OpenApiOperations;

/**
 * What a request of the fuzz run gets right, so that the one thing it breaks is what the API has to deal with:
 * path segments of things that exist, by the collection they name ({@code tasks}, {@code nodes}...), and valid
 * bodies by schema name. A collection or schema without one gets a made-up value (a path segment that does not
 * exist, a body built from the schema), which still exercises the API, less deeply.
 */
record ValidInputs(Map<String, String> segments, Map<String, JsonNode> bodies) {

    /** The valid segment for the parameter {@code {name}} of {@code pathTemplate}: by the segment before it. */
    String segment(String pathTemplate, String name) {
        String[] parts = pathTemplate.split("/");
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].equals("{" + name + "}")) {
                return segments.getOrDefault(parts[i - 1], "unknown-" + parts[i - 1]);
            }
        }
        throw new IllegalArgumentException(name + " is not a parameter of " + pathTemplate);
    }

    /** A valid body of this schema (as written, maybe a reference), as a fresh copy to change. */
    JsonNode body(JsonNode schema, OpenApiOperations document) {
        String name = OpenApiOperations.schemaName(schema);
        JsonNode example = name == null ? null : bodies.get(name);
        return example != null ? example.deepCopy() : fromSchema(document.resolve(schema), document, 0);
    }

    private static JsonNode fromSchema(JsonNode schema, OpenApiOperations document, int depth) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        switch (schema.path("type").asText("object")) {
            case "string":
                return json.textNode("x");
            case "integer":
            case "number":
                return json.numberNode(1);
            case "boolean":
                return json.booleanNode(true);
            case "array":
                return json.arrayNode().add(fromSchema(document.resolve(schema.path("items")), document, depth + 1));
            default:
                ObjectNode object = json.objectNode();
                if (depth < 3) {
                    for (Iterator<Map.Entry<String, JsonNode>> p = schema.path("properties").fields(); p.hasNext(); ) {
                        Map.Entry<String, JsonNode> property = p.next();
                        if (!property.getValue().path("readOnly").asBoolean(false)) {
                            object.set(property.getKey(), fromSchema(document.resolve(property.getValue()), document, depth + 1));
                        }
                    }
                }
                return object;
        }
    }
}
