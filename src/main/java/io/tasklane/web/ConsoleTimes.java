package io.tasklane.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** How the console writes times: to the minute (or second), with the zone they are in, so nobody guesses. */
final class ConsoleTimes {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ConsoleTimes() {
    }

    static String utc(Instant at) {
        return at == null ? null : MINUTES.format(at.atZone(ZoneOffset.UTC)) + " UTC";
    }

    static String utcSeconds(Instant at) {
        return at == null ? null : SECONDS.format(at.atZone(ZoneOffset.UTC)) + " UTC";
    }

    static String in(ZonedDateTime at) {
        return at == null ? null : MINUTES.format(at) + " " + at.getZone().getId();
    }
}
