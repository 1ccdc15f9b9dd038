package io.tasklane.web;

import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.tasklane.common.FieldViolation;
import io.tasklane.task.TaskState;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * A broken rule in the page's language: the words of {@code rule.<code>} told with the field ({@code {0}}) and the
 * violation's arguments ({@code {1}}...). The API keeps the domain's English sentence; the console falls back to
 * it only for a code the bundles do not know, or a violation that lacks a figure the words need.
 */
@Component
class RuleWords {

    static final String PREFIX = "rule.";
    private static final Pattern UNFILLED = Pattern.compile("\\{\\d+}");

    private final MessageSource messages;

    RuleWords(MessageSource messages) {
        this.messages = messages;
    }

    /** {@code violation} in the language of the current request. */
    public String say(FieldViolation violation) {
        return say(violation, LocaleContextHolder.getLocale());
    }

    String say(FieldViolation violation, Locale locale) {
        if (violation.rule() == null) {
            return violation.message();
        }
        Object[] arguments = Stream.concat(Stream.of(field(violation)), violation.arguments().stream().map(RuleWords::plain)).toArray();
        // A rule whose words differ by field ("unique" for a name in its project) has its own key for that field.
        String said = messages.getMessage(PREFIX + violation.rule() + "." + violation.field(), arguments, null, locale);
        if (said == null) {
            said = messages.getMessage(PREFIX + violation.rule(), arguments, null, locale);
        }
        return said == null || UNFILLED.matcher(said).find() ? violation.message() : said;
    }

    /** The field as the person typed it into the wizard: a schedule's fields without the wizard's prefix. */
    private static String field(FieldViolation violation) {
        String field = violation.field() == null ? "" : violation.field();
        return field.startsWith(LaunchErrors.SCHEDULE_PREFIX) ? field.substring(LaunchErrors.SCHEDULE_PREFIX.length()) : field;
    }

    /** Figures as written ("8000", not the locale's "8,000": ports and limits are not amounts); a state by its label. */
    private static Object plain(Object argument) {
        if (argument instanceof TaskState state) {
            return new DefaultMessageSourceResolvable("state." + state.name());
        }
        return argument instanceof Number || argument instanceof TemporalAccessor ? argument.toString() : String.valueOf(argument);
    }
}
