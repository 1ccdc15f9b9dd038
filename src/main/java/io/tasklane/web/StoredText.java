package io.tasklane.web;

import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * A sentence the domain stored in English (a run's reason, a force-start's outcome) as the console tells it: the
 * message key of what it says and the figures the words need, plus the particulars that are data (a replica's exit
 * message, the runtime's deploy error), shown under it as stored. {@code key} is null for a text no pattern knows (an
 * integrator's own reason): the console then shows the text as stored. The stored text stays the API's.
 */
public record StoredText(String key, Object[] arguments, String detail, String stored) {

    /** The text in {@code locale} as one line, for a notice: the words, then the data after a dash. */
    String in(MessageSource messages, Locale locale) {
        String words = key == null ? stored : messages.getMessage(key, arguments, stored, locale);
        return key == null || detail == null ? words : words + " — " + detail;
    }
}
