package io.tasklane.common;

import java.security.SecureRandom;

/** Random ids people can read and type: a one-letter kind and 12 lower-case letters or digits ("r3k9..."). */
public final class ShortIds {

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ShortIds() {
    }

    public static String next(char kind) {
        char[] chars = new char[13];
        chars[0] = kind;
        for (int i = 1; i < chars.length; i++) {
            chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }
}
