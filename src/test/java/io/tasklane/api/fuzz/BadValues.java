package io.tasklane.api.fuzz;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The catalogue of wrong inputs, by where they go and what the OpenAPI schema says belongs there: odd path
 * segments, query values, JSON values of the wrong type or out of range, whole bodies that are not JSON, and
 * content types the API does not read. Each comes with a label that says what it is in a failure report.
 */
final class BadValues {

    /** A wrong input and what it is. */
    record Bad<T>(String label, T value) {
    }

    static final String HUNDRED_KB = "x".repeat(100 * 1024);
    static final String NUL = "a\u0000b";
    static final String RTL = "\u202eevil.exe";
    static final String UNICODE = "名前-🚀-Ω";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private BadValues() {
    }

    /** Path segments as sent on the wire (already percent-encoded): ids that do not exist or cannot. */
    static List<Bad<String>> pathSegments() {
        return List.of(
                new Bad<>("an id that does not exist", "no-such-id-0"),
                new Bad<>("an encoded slash climbing up", "..%2f"),
                new Bad<>("an encoded slash inside", "a%2Fb"),
                new Bad<>("an encoded NUL", "%00"),
                new Bad<>("an encoded space", "%20"),
                new Bad<>("encoded dots", "%2e%2e"),
                new Bad<>("a semicolon", "a;b"),
                new Bad<>("an encoded backslash", "a%5Cb"),
                new Bad<>("a doubly encoded slash", "a%252Fb"),
                new Bad<>("a byte that is not UTF-8", "%FF"),
                new Bad<>("a right-to-left override", "%E2%80%AEevil"),
                new Bad<>("unicode letters and an emoji", "%E5%90%8D%E5%89%8D-%F0%9F%9A%80"),
                new Bad<>("a negative number", "-1"),
                new Bad<>("a number beyond 64 bits", "99999999999999999999"),
                new Bad<>("a 4 KB id", "x".repeat(4096)),
                new Bad<>("a 20 KB id (over the request head limit)", "x".repeat(20 * 1024)));
    }

    /** Query values, unencoded, for a parameter of this schema. */
    static List<Bad<String>> queryValues(JsonNode schema) {
        List<Bad<String>> values = new ArrayList<>(List.of(
                new Bad<>("empty", ""),
                new Bad<>("NUL", NUL),
                new Bad<>("right-to-left override", RTL),
                new Bad<>("unicode", UNICODE),
                new Bad<>("a lone percent sign", "%"),
                new Bad<>("SQL", "' or 1=1 --"),
                new Bad<>("100 KB (over the request head limit)", HUNDRED_KB)));
        JsonNode scalar = schema.path("type").asText().equals("array") ? schema.path("items") : schema;
        switch (scalar.path("type").asText()) {
            case "integer" -> values.addAll(List.of(new Bad<>("text for a number", "ten"), new Bad<>("a fraction", "1.5"),
                    new Bad<>("negative", "-1"), new Bad<>("below 32 bits", "-2147483649"),
                    new Bad<>("beyond 64 bits", "99999999999999999999"), new Bad<>("hexadecimal", "0x10")));
            case "boolean" -> values.addAll(List.of(new Bad<>("not a boolean", "maybe"), new Bad<>("a number for a boolean", "2")));
            default -> {
            }
        }
        if (scalar.has("enum")) {
            values.add(new Bad<>("not one of the enum", "NOPE"));
            values.add(new Bad<>("enum in the wrong case", swapCase(scalar.path("enum").get(0).asText())));
        }
        return values;
    }

    /** JSON values that break a property of this schema (resolved), whose valid value is {@code base} (may be null). */
    static List<Bad<JsonNode>> jsonValues(JsonNode schema, JsonNode base) {
        String type = schema.path("type").asText(base == null ? "" : jsonType(base));
        List<Bad<JsonNode>> values = new ArrayList<>();
        values.add(new Bad<>("null", JSON.nullNode()));
        switch (type) {
            case "string" -> {
                values.addAll(List.of(new Bad<>("a number for text", JSON.numberNode(123)), new Bad<>("a boolean for text", JSON.booleanNode(true)),
                        new Bad<>("an array for text", JSON.arrayNode().add("x")), new Bad<>("an object for text", JSON.objectNode()),
                        new Bad<>("empty text", JSON.textNode("")), new Bad<>("blank text", JSON.textNode("   ")),
                        new Bad<>("100 KB of text", JSON.textNode(HUNDRED_KB)), new Bad<>("NUL in text", JSON.textNode(NUL)),
                        new Bad<>("a right-to-left override", JSON.textNode(RTL)), new Bad<>("unicode", JSON.textNode(UNICODE)),
                        new Bad<>("a path climbing up", JSON.textNode("../../../etc/passwd"))));
                if (schema.has("enum")) {
                    values.add(new Bad<>("not one of the enum", JSON.textNode("NOPE")));
                    values.add(new Bad<>("enum in the wrong case", JSON.textNode(swapCase(schema.path("enum").get(0).asText()))));
                }
            }
            case "integer", "number" -> values.addAll(List.of(new Bad<>("text for a number", JSON.textNode("12")),
                    new Bad<>("a fraction", JSON.numberNode(1.5)), new Bad<>("minus one", JSON.numberNode(-1)),
                    new Bad<>("zero", JSON.numberNode(0)), new Bad<>("the smallest int", JSON.numberNode(Integer.MIN_VALUE)),
                    new Bad<>("just over the largest int", JSON.numberNode(Integer.MAX_VALUE + 1L)),
                    new Bad<>("beyond 64 bits", JSON.numberNode(new BigInteger("99999999999999999999"))),
                    new Bad<>("1e308", JSON.numberNode(1e308)), new Bad<>("a boolean for a number", JSON.booleanNode(true)),
                    new Bad<>("an array for a number", JSON.arrayNode().add(1)), new Bad<>("empty text for a number", JSON.textNode(""))));
            case "boolean" -> values.addAll(List.of(new Bad<>("text for a boolean", JSON.textNode("yes")),
                    new Bad<>("a number for a boolean", JSON.numberNode(1)), new Bad<>("an array for a boolean", JSON.arrayNode()),
                    new Bad<>("empty text for a boolean", JSON.textNode(""))));
            case "array" -> values.addAll(List.of(new Bad<>("an object for an array", JSON.objectNode()),
                    new Bad<>("text for an array", JSON.textNode("x")), new Bad<>("a number for an array", JSON.numberNode(1)),
                    new Bad<>("a null item", JSON.arrayNode().addNull()), new Bad<>("an empty item", JSON.arrayNode().add("")),
                    new Bad<>("an item of 100 KB", JSON.arrayNode().add(HUNDRED_KB)), new Bad<>("an item with NUL", JSON.arrayNode().add(NUL)),
                    new Bad<>("an object item", JSON.arrayNode().add(JSON.objectNode())),
                    new Bad<>("10,000 items", manyItems(10_000))));
            default -> values.addAll(objectValues(schema));
        }
        return values;
    }

    /** Bodies that are not the JSON object a body must be, as the bytes sent. */
    static List<Bad<String>> wholeBodies() {
        return List.of(
                new Bad<>("an empty body", ""),
                new Bad<>("blank", "  \n"),
                new Bad<>("cut off", "{\"name\": "),
                new Bad<>("an unclosed object", "{"),
                new Bad<>("a trailing comma", "{\"name\": \"x\",}"),
                new Bad<>("single quotes", "{'name': 'x'}"),
                new Bad<>("two objects", "{}{}"),
                new Bad<>("a raw NUL byte", "{\"name\": \"a\u0000b\"}"),
                new Bad<>("JSON null", "null"),
                new Bad<>("an array", "[]"),
                new Bad<>("a string", "\"text\""),
                new Bad<>("a number", "42"),
                new Bad<>("a boolean", "true"),
                new Bad<>("nested 100,000 deep", "[".repeat(100_000)),
                new Bad<>("a number of 5,000 digits", "{\"priority\": " + "9".repeat(5000) + "}"),
                new Bad<>("a 2 MB body", "{\"description\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}"));
    }

    /** Content types the API does not read, with a JSON body; null sends none. */
    static List<Bad<String>> contentTypes() {
        List<Bad<String>> types = new ArrayList<>(List.of(
                new Bad<>("plain text", "text/plain"),
                new Bad<>("XML", "application/xml"),
                new Bad<>("a form", "application/x-www-form-urlencoded"),
                new Bad<>("multipart without boundary", "multipart/form-data"),
                new Bad<>("multipart with a boundary", "multipart/form-data; boundary=fuzz"),
                new Bad<>("JSON in an unknown charset", "application/json; charset=klingon"),
                new Bad<>("JSON said to be UTF-16", "application/json; charset=UTF-16"),
                new Bad<>("a JSON Patch", "application/json-patch+json"),
                new Bad<>("a wildcard", "*/*"),
                new Bad<>("not a media type", "json")));
        types.add(new Bad<>("no content type", null));
        return types;
    }

    private static List<Bad<JsonNode>> objectValues(JsonNode schema) {
        List<Bad<JsonNode>> values = new ArrayList<>(List.of(new Bad<>("an array for an object", JSON.arrayNode()),
                new Bad<>("text for an object", JSON.textNode("x")), new Bad<>("a number for an object", JSON.numberNode(1))));
        if (schema.has("additionalProperties")) {
            ObjectNode many = JSON.objectNode();
            for (int i = 0; i < 2000; i++) {
                many.put("K" + i, "v");
            }
            values.addAll(List.of(new Bad<>("an empty key", JSON.objectNode().put("", "x")),
                    new Bad<>("a number value", JSON.objectNode().put("A", 1)),
                    new Bad<>("a null value", JSON.objectNode().putNull("A")),
                    new Bad<>("NUL in a value", JSON.objectNode().put("A", NUL)),
                    new Bad<>("NUL in a key", JSON.objectNode().put(NUL, "x")),
                    new Bad<>("a value of 100 KB", JSON.objectNode().put("A", HUNDRED_KB)),
                    new Bad<>("a key of 100 KB", JSON.objectNode().put(HUNDRED_KB, "x")),
                    new Bad<>("2,000 entries", many)));
        } else {
            values.add(new Bad<>("an empty object", JSON.objectNode()));
        }
        return values;
    }

    private static ArrayNode manyItems(int count) {
        ArrayNode items = JSON.arrayNode();
        for (int i = 0; i < count; i++) {
            items.add("x");
        }
        return items;
    }

    private static String jsonType(JsonNode node) {
        if (node.isTextual()) {
            return "string";
        }
        if (node.isIntegralNumber()) {
            return "integer";
        }
        if (node.isBoolean()) {
            return "boolean";
        }
        return node.isArray() ? "array" : "object";
    }

    private static String swapCase(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.equals(text) ? text.toUpperCase(Locale.ROOT) : lower;
    }
}
