package io.tasklane.support;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

/**
 * Checks an object against a CRD version's OpenAPI v3 schema the way the API server's strict field
 * validation would: types, required fields, unknown fields (unless the schema preserves them), enums,
 * int-or-string, patterns and bounds. CEL rules ({@code x-kubernetes-validations}) are not evaluated.
 */
public final class CrdSchema {

    private final Map<String, Object> root;

    private CrdSchema(Map<String, Object> root) {
        this.root = root;
    }

    @SuppressWarnings("unchecked")
    public static CrdSchema load(Path crd, String version) throws IOException {
        try (Reader reader = Files.newBufferedReader(crd)) {
            Map<String, Object> definition = new Yaml().load(reader);
            List<Map<String, Object>> versions = (List<Map<String, Object>>) ((Map<String, Object>) definition.get("spec")).get("versions");
            Map<String, Object> chosen = versions.stream().filter(v -> version.equals(v.get("name"))).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no version " + version + " in " + crd));
            return new CrdSchema((Map<String, Object>) ((Map<String, Object>) chosen.get("schema")).get("openAPIV3Schema"));
        }
    }

    /** Every violation, as "path: problem"; empty when the object is valid. */
    public List<String> violations(Object object) {
        List<String> found = new ArrayList<>();
        check("", root, object, found);
        return found;
    }

    @SuppressWarnings("unchecked")
    private void check(String path, Map<String, Object> schema, Object value, List<String> found) {
        if (value == null) {
            if (!Boolean.TRUE.equals(schema.get("nullable"))) {
                found.add(path + ": null is not allowed");
            }
            return;
        }
        if (Boolean.TRUE.equals(schema.get("x-kubernetes-int-or-string")) || schema.containsKey("anyOf")) {
            if (!(value instanceof Number || value instanceof String)) {
                found.add(path + ": expected an integer or a string, got " + value.getClass().getSimpleName());
            }
            return;
        }
        String type = (String) schema.get("type");
        if (type == null) {
            return;
        }
        switch (type) {
            case "object" -> checkObject(path, schema, value, found);
            case "array" -> {
                if (!(value instanceof List<?> list)) {
                    found.add(path + ": expected an array");
                    return;
                }
                Map<String, Object> items = (Map<String, Object>) schema.get("items");
                for (int i = 0; i < list.size(); i++) {
                    if (items != null) {
                        check(path + "[" + i + "]", items, list.get(i), found);
                    }
                }
            }
            case "string" -> checkString(path, schema, value, found);
            case "integer" -> {
                if (!(value instanceof Integer || value instanceof Long)) {
                    found.add(path + ": expected an integer, got " + value);
                } else if (schema.get("minimum") instanceof Number min && ((Number) value).longValue() < min.longValue()) {
                    found.add(path + ": below the minimum " + min);
                }
            }
            case "number" -> {
                if (!(value instanceof Number)) {
                    found.add(path + ": expected a number");
                }
            }
            case "boolean" -> {
                if (!(value instanceof Boolean)) {
                    found.add(path + ": expected a boolean");
                }
            }
            default -> found.add(path + ": unknown schema type " + type);
        }
    }

    @SuppressWarnings("unchecked")
    private void checkObject(String path, Map<String, Object> schema, Object value, List<String> found) {
        if (!(value instanceof Map<?, ?> map)) {
            found.add(path + ": expected an object");
            return;
        }
        Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
        Object additional = schema.get("additionalProperties");
        for (String required : (List<String>) schema.getOrDefault("required", List.of())) {
            if (!map.containsKey(required)) {
                found.add(path + "." + required + ": required");
            }
        }
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            String child = path + "." + key;
            if (properties != null && properties.containsKey(key)) {
                check(child, (Map<String, Object>) properties.get(key), entry.getValue(), found);
            } else if (additional instanceof Map<?, ?> additionalSchema) {
                check(child, (Map<String, Object>) additionalSchema, entry.getValue(), found);
            } else if (properties != null && !Boolean.TRUE.equals(schema.get("x-kubernetes-preserve-unknown-fields"))) {
                found.add(child + ": unknown field");
            }
        }
    }

    private static void checkString(String path, Map<String, Object> schema, Object value, List<String> found) {
        if (!(value instanceof String text)) {
            found.add(path + ": expected a string, got " + value);
            return;
        }
        if (schema.get("enum") instanceof List<?> allowed && !allowed.contains(text)) {
            found.add(path + ": '" + text + "' is not one of " + allowed);
        }
        if (schema.get("maxLength") instanceof Number max && text.length() > max.intValue()) {
            found.add(path + ": longer than " + max);
        }
        if (schema.get("pattern") instanceof String pattern && !Pattern.compile(pattern).matcher(text).find()) {
            found.add(path + ": does not match " + pattern);
        }
    }
}
