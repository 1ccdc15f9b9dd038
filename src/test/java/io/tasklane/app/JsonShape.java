package io.tasklane.app;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Does an answer have the shape and key values the README shows? Every member the README shows must be
 * there with the same value; members it leaves out may be anything. A value written as {@code "<...>"} (an
 * id, a time, a host name) may be any value; inside a text, {@code <...>} stands for any text, and a text
 * ending in {@code ...} goes on with anything. An array must
 * hold at least the elements shown, each matching in order.
 */
final class JsonShape {

    private static final Pattern PLACEHOLDER = Pattern.compile("<[^>]*>");

    private JsonShape() {
    }

    /** A text with {@code <...>} inside (any text there) and perhaps {@code ...} at its end (any text after). */
    private static Pattern pattern(String shown) {
        boolean open = shown.endsWith("...");
        String text = open ? shown.substring(0, shown.length() - 3) : shown;
        StringBuilder regex = new StringBuilder();
        Matcher placeholder = PLACEHOLDER.matcher(text);
        int from = 0;
        while (placeholder.find()) {
            regex.append(Pattern.quote(text.substring(from, placeholder.start()))).append(".*?");
            from = placeholder.end();
        }
        regex.append(Pattern.quote(text.substring(from))).append(open ? ".*" : "");
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** What differs, one line each; empty when the answer matches. */
    static List<String> mismatches(JsonNode shown, JsonNode actual) {
        List<String> found = new ArrayList<>();
        compare(shown, actual, "$", found);
        return found;
    }

    private static void compare(JsonNode shown, JsonNode actual, String path, List<String> found) {
        if (actual == null || actual.isMissingNode()) {
            found.add(path + ": missing (the README shows " + shown + ")");
            return;
        }
        if (shown.isTextual() && shown.asText().matches("<[^>]*>")) {
            return;
        }
        if (shown.isTextual() && (shown.asText().endsWith("...") || PLACEHOLDER.matcher(shown.asText()).find())) {
            if (!actual.isTextual() || !pattern(shown.asText()).matcher(actual.asText()).matches()) {
                found.add(path + ": " + actual + " does not read as \"" + shown.asText() + "\"");
            }
            return;
        }
        if (shown.isObject()) {
            if (!actual.isObject()) {
                found.add(path + ": " + actual + " is not an object");
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> members = shown.fields(); members.hasNext(); ) {
                Map.Entry<String, JsonNode> member = members.next();
                compare(member.getValue(), actual.path(member.getKey()), path + "." + member.getKey(), found);
            }
            return;
        }
        if (shown.isArray()) {
            if (!actual.isArray() || actual.size() < shown.size()) {
                found.add(path + ": " + actual + " is not an array of at least " + shown.size() + " element(s)");
                return;
            }
            for (int i = 0; i < shown.size(); i++) {
                compare(shown.get(i), actual.get(i), path + "[" + i + "]", found);
            }
            return;
        }
        boolean same = shown.isNumber() && actual.isNumber() ? shown.decimalValue().compareTo(actual.decimalValue()) == 0
                : shown.equals(actual);
        if (!same) {
            found.add(path + ": " + actual + ", the README shows " + shown);
        }
    }
}
