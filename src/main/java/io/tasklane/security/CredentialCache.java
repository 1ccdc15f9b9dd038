package io.tasklane.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, for a short while, who a pair of Basic credentials that just passed stands for. Integrators
 * send their credentials with every call; checking them costs two engine commands (password, groups),
 * a third of a cheap call's work. Only successes are kept, keyed by user and a SHA-256 of the password
 * (the password itself is not kept), so a wrong password always goes to the identity service and its
 * lockout. A password change, lock or group change in Camunda Admin takes effect within the time to live.
 */
final class CredentialCache {

    /** Beyond this many entries the cache starts over: it bounds memory, whoever sends credentials. */
    static final int MAX_ENTRIES = 10_000;

    private record Entry(Caller caller, Instant expires) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Duration timeToLive;
    private final Clock clock;

    CredentialCache(Duration timeToLive, Clock clock) {
        this.timeToLive = timeToLive;
        this.clock = clock;
    }

    Optional<Caller> find(String userId, String password) {
        if (timeToLive.isZero()) {
            return Optional.empty();
        }
        String key = key(userId, password);
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expires())) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.caller());
    }

    void remember(String userId, String password, Caller caller) {
        if (timeToLive.isZero()) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            Instant now = clock.instant();
            entries.values().removeIf(e -> !now.isBefore(e.expires()));
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(key(userId, password), new Entry(caller, clock.instant().plus(timeToLive)));
    }

    private static String key(String userId, String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((userId + '\0' + password).getBytes(StandardCharsets.UTF_8));
            return userId + ':' + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
