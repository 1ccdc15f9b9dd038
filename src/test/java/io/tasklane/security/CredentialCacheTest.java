package io.tasklane.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CredentialCacheTest {

    static final Caller ALICE = new Caller("alice", Set.of("ml-team"));

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-11-25T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final MovingClock clock = new MovingClock();
    final CredentialCache cache = new CredentialCache(Duration.ofSeconds(30), clock);

    @Test
    void credentialsThatPassedAreTakenUntilTheyExpire() {
        cache.remember("alice", "s3cret", ALICE);

        clock.now = clock.now.plusSeconds(29);
        assertThat(cache.find("alice", "s3cret")).contains(ALICE);

        clock.now = clock.now.plusSeconds(1);
        assertThat(cache.find("alice", "s3cret")).as("expired: asked again").isEmpty();
    }

    @Test
    void anotherPasswordOrUserIsNeverTakenFromTheCache() {
        cache.remember("alice", "s3cret", ALICE);

        assertThat(cache.find("alice", "S3cret")).isEmpty();
        assertThat(cache.find("alice", "")).isEmpty();
        assertThat(cache.find("bob", "s3cret")).isEmpty();
        // The separator keeps "al"+"ices3cret" apart from "alice"+"s3cret".
        assertThat(cache.find("al", "ice\0s3cret")).isEmpty();
    }

    @Test
    void aZeroTimeToLiveRemembersNothing() {
        CredentialCache off = new CredentialCache(Duration.ZERO, clock);
        off.remember("alice", "s3cret", ALICE);

        assertThat(off.find("alice", "s3cret")).isEmpty();
    }

    @Test
    void staysBoundedWhoeverSendsCredentials() {
        for (int i = 0; i < CredentialCache.MAX_ENTRIES + 5; i++) {
            cache.remember("user" + i, "pw", new Caller("user" + i, Set.of()));
        }

        assertThat(cache.find("user" + (CredentialCache.MAX_ENTRIES + 4), "pw")).isPresent();
        assertThat(cache.find("user0", "pw")).as("dropped when the cache started over").isEmpty();
    }
}
