package io.tasklane.task;

import java.security.SecureRandom;

import com.fasterxml.jackson.annotation.JsonValue;

/** A task's id: "t" and 12 lower-case letters or digits; short enough to type, random enough not to clash. */
public record TaskId(@JsonValue String value) {

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    public TaskId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a task id is not blank");
        }
    }

    public static TaskId generate() {
        char[] chars = new char[13];
        chars[0] = 't';
        for (int i = 1; i < chars.length; i++) {
            chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new TaskId(new String(chars));
    }

    @Override
    public String toString() {
        return value;
    }
}
