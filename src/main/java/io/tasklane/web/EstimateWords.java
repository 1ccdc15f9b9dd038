package io.tasklane.web;

import java.time.Clock;
import java.time.Duration;

import io.tasklane.queue.StartEstimate;
import io.tasklane.web.WhyWaitingPanel.Said;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A start estimate in the page's words: "around 2026-12-06 14:30 UTC (in 25 min), from the active deadlines of 2 run(s)
 * that end first", or "unknown: ..." with why. Times are written as the console's other times are.
 */
@Component
class EstimateWords {

    private final MessageSource messages;
    private final Clock clock;

    EstimateWords(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    /** The estimate as a message key and its figures; null when there is none. */
    Said said(StartEstimate estimate) {
        if (estimate == null) {
            return null;
        }
        return switch (estimate.basis()) {
            case NOW -> new Said("estimate.NOW", new Object[0]);
            case UNKNOWN -> new Said("estimate.UNKNOWN." + estimate.unknown().name(),
                    new Object[] {io.tasklane.queue.StartEstimator.MAX_ESTIMATED});
            default -> new Said("estimate." + estimate.basis().name(), new Object[] {ConsoleTimes.utc(estimate.expectedStartAt()),
                    in(Duration.between(clock.instant(), estimate.expectedStartAt())), estimate.runsEnding()});
        };
    }

    /** How long until then, rounded up to the minute, in the request's language. */
    private String in(Duration until) {
        long minutes = Math.max(0, (until.toSeconds() + 59) / 60);
        Object[] figures;
        String unit;
        if (minutes < 60) {
            unit = "minutes";
            figures = new Object[] {minutes};
        } else if (minutes < 24 * 60) {
            unit = "hours";
            figures = new Object[] {minutes / 60, minutes % 60};
        } else {
            unit = "days";
            figures = new Object[] {minutes / (24 * 60), minutes / 60 % 24};
        }
        return messages.getMessage("estimate.in." + unit, figures, LocaleContextHolder.getLocale());
    }
}
