package io.tasklane.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

import io.tasklane.queue.StartEstimate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The expected start in the page's words, from the bundles the console uses. */
class EstimateWordsTest {

    static final Instant NOW = Instant.parse("2026-12-06T14:05:00Z");

    final ResourceBundleMessageSource messages = bundles();
    final EstimateWords words = new EstimateWords(messages, Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aTimeIsWrittenInUtcWithHowLongUntilThenAndWhatItRestsOn() {
        assertThat(say(new StartEstimate(NOW.plus(Duration.ofMinutes(25)), StartEstimate.Basis.DEADLINES, 2, null), Locale.ENGLISH))
                .isEqualTo("around 2026-12-06 14:30 UTC (in 25 min), from the active deadlines of 2 run(s) that end first");
        assertThat(say(new StartEstimate(NOW.plus(Duration.ofMinutes(185)).plusSeconds(1), StartEstimate.Basis.MIXED, 3, null), Locale.ENGLISH))
                .as("rounded up to the minute").startsWith("around 2026-12-06 17:10 UTC (in 3 h 6 min)");
        assertThat(say(new StartEstimate(NOW.plus(Duration.ofHours(29)), StartEstimate.Basis.MEDIAN_RUNTIME, 1, null), Locale.SIMPLIFIED_CHINESE))
                .startsWith("约 2026-12-07 19:05 UTC（1 天 5 小时后）");
        assertThat(say(new StartEstimate(NOW, StartEstimate.Basis.NOW, 0, null), Locale.TRADITIONAL_CHINESE)).startsWith("現在");
    }

    @Test
    void everyReasonForNoTimeIsSaidInEveryLanguage() {
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE, Locale.TRADITIONAL_CHINESE}) {
            for (StartEstimate.Unknown why : StartEstimate.Unknown.values()) {
                String said = say(new StartEstimate(null, StartEstimate.Basis.UNKNOWN, 0, why), locale);
                assertThat(said).as(why + " in " + locale).matches("(unknown|未知)：?:? ?.+").doesNotContain("{0}");
            }
        }
        assertThat(say(new StartEstimate(null, StartEstimate.Basis.UNKNOWN, 0, StartEstimate.Unknown.TOO_FAR_BACK), Locale.ENGLISH))
                .isEqualTo("unknown: only the first 500 places of a queue are estimated");
    }

    private String say(StartEstimate estimate, Locale locale) {
        LocaleContextHolder.setLocale(locale);
        WhyWaitingPanel.Said said = words.said(estimate);
        return messages.getMessage(said.key(), said.arguments(), locale);
    }

    private static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
