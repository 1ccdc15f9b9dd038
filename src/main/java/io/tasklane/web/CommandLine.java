package io.tasklane.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A command as one line of text, the way people type it in a shell: words split at spaces, kept together by
 * single or double quotes or a backslash. The wizard shows a task's command this way and reads it back, so a
 * command survives the round trip word for word. No variables, globs or other shell expansion: the words are
 * what the task's replicas run.
 */
final class CommandLine {

    private CommandLine() {
    }

    /** The words of {@code line}; empty when a quote is left open (the caller reports it at its field). */
    static Optional<List<String>> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length() && "\"\\".indexOf(line.charAt(i + 1)) >= 0) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            return Optional.empty();
        }
        if (inWord) {
            words.add(word.toString());
        }
        return Optional.of(words);
    }

    /** {@code words} as one line that {@link #split} reads back into the same words. */
    static String join(List<String> words) {
        return String.join(" ", words.stream().map(CommandLine::quoted).toList());
    }

    private static String quoted(String word) {
        if (!word.isEmpty() && word.chars().noneMatch(c -> Character.isWhitespace(c) || "'\"\\".indexOf(c) >= 0)) {
            return word;
        }
        if (word.indexOf('\'') < 0) {
            return "'" + word + "'";
        }
        if (word.indexOf('"') < 0 && word.indexOf('\\') < 0) {
            return '"' + word + '"'; // python -c "print('hi')" reads better than the single-quote dance below
        }
        // Single quotes keep everything but a single quote, which is closed, escaped and reopened.
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
