package io.tasklane.runtime;

import java.util.regex.Pattern;

/**
 * Log text without terminal control sequences. Ray and many Python tools colour their logs; a browser would show
 * the escape codes as junk ("[32m"), so the console strips them.
 */
public final class AnsiText {

    // CSI sequences (colours, cursor moves), OSC sequences (titles, links) ended by BEL or ESC \, and any other
    // two-character escape; then the control characters a log line has no use for (tab and newline stay).
    private static final Pattern ESCAPES = Pattern.compile(
            "\u001B\\[[0-?]*[ -/]*[@-~]|\u001B\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)?|\u001B[@-Z\\\\-_]?|\u009B[0-?]*[ -/]*[@-~]");
    private static final Pattern CONTROLS = Pattern.compile("[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]");

    private AnsiText() {
    }

    public static String strip(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String withoutEscapes = ESCAPES.matcher(text).replaceAll("");
        // A carriage return redraws a progress bar in a terminal; in a page, only the last drawing matters.
        String lines = withoutEscapes.replace("\r\n", "\n").replaceAll("[^\n]*\r(?=[^\n])", "").replace("\r", "");
        return CONTROLS.matcher(lines).replaceAll("");
    }
}
