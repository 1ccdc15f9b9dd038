package io.tasklane.task;

import java.security.SecureRandom;

import com.fasterxml.jackson.annotation.JsonValue;

/** A run's id: "r" and 12 lower-case letters or digits. It is also the business key of its task-run process. */
public record RunId(@JsonValue String value) {

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    public RunId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a run id is not blank");
        }
    }

    public static RunId generate() {
        char[] chars = new char[13];
        chars[0] = 'r';
        for (int i = 1; i < chars.length; i++) {
            chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new RunId(new String(chars));
    }

    @Override
    public String toString() {
        return value;
    }
}
