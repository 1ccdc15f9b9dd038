package io.tasklane.support;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The operations of the running application's OpenAPI document ({@code /v3/api-docs}), read at test time, so
 * tests that must cover every endpoint follow the API as it is instead of a list kept by hand.
 */
public final class OpenApiOperations {

    /** A parameter of an operation: where it goes ({@code path} or {@code query}) and its schema. */
    public record Parameter(String name, String in, JsonNode schema, boolean required) {
    }

    /**
     * One method on one path, with its parameters and, per media type, the schema of its body as written (often
     * a {@code $ref}: see {@link #resolve} and {@link #schemaName}); no body means no entry.
     */
    public record Operation(String method, String path, List<Parameter> parameters, Map<String, JsonNode> bodies) {

        /** {@code "POST /api/v1/tasks/{id}/start"}: how tests name an operation. */
        public String key() {
            return method + " " + path;
        }

        public List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }

        public boolean hasBody() {
            return !bodies.isEmpty();
        }

        public boolean writes() {
            return !method.equals("GET");
        }
    }

    private final JsonNode document;

    public OpenApiOperations(JsonNode document) {
        this.document = document;
    }

    /** Reads the document the application serves (anonymously, as anyone may). */
    public static OpenApiOperations of(Api anonymous) {
        Api.Response docs = anonymous.get("/v3/api-docs");
        if (docs.status() != 200) {
            throw new IllegalStateException("no OpenAPI document: " + docs);
        }
        return new OpenApiOperations(docs.json());
    }

    /** Every operation of the document, in its order. */
    public List<Operation> all() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                operations.add(operation(path.getKey(), method.getKey().toUpperCase(), method.getValue()));
            }
        }
        return operations;
    }

    /** The schema with its {@code $ref} followed (only local references, as springdoc writes them). */
    public JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        while (current != null && current.has("$ref")) {
            current = document.at(current.get("$ref").asText().substring(1));
        }
        return current == null ? MissingNode.getInstance() : current;
    }

    /** {@code TaskSpec} for a schema that refers to {@code #/components/schemas/TaskSpec}; null for an inline one. */
    public static String schemaName(JsonNode schema) {
        String ref = schema.path("$ref").asText(null);
        return ref == null ? null : ref.substring(ref.lastIndexOf('/') + 1);
    }

    private Operation operation(String path, String method, JsonNode node) {
        List<Parameter> parameters = new ArrayList<>();
        node.path("parameters").forEach(p -> parameters.add(new Parameter(p.path("name").asText(), p.path("in").asText(),
                resolve(p.path("schema")), p.path("required").asBoolean(false))));
        Map<String, JsonNode> bodies = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> media = node.path("requestBody").path("content").fields(); media.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = media.next();
            bodies.put(entry.getKey(), entry.getValue().path("schema"));
        }
        return new Operation(method, path, List.copyOf(parameters), bodies);
    }
}
