package io.tasklane.api.fuzz;

import java.nio.charset.StandardCharsets;

/**
 * One request of a fuzz run, as sent: the operation it aims at, what was broken ({@code fault}), where
 * ({@code place}) and, for a parameter or a body property, which one ({@code field}).
 */
record FuzzRequest(int number, String operation, Place place, String field, String fault, String method,
                   String uri, String contentType, byte[] body) {

    /** Where the fault is. */
    enum Place { PATH, QUERY, BODY, BODY_FIELD, CONTENT_TYPE }

    boolean writes() {
        return !method.equals("GET");
    }

    /** Enough to send it again by hand: method, address (shortened), content type, body (shortened). */
    String describe() {
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        return "#" + number + " " + operation + " [" + place + (field == null ? "" : " " + field) + ": " + fault + "]"
                + "\n    " + method + " " + shorten(uri) + (contentType == null ? "" : "\n    Content-Type: " + contentType)
                + (body == null ? "" : "\n    " + shorten(text.replace("\u0000", "\\u0000")));
    }

    private static String shorten(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "... (" + text.length() + " characters)";
    }
}
