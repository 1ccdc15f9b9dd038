package io.tasklane.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The durations of the Task page's runs table: waited queued→started, ran started→ended, a live run up to now. */
class RunFiguresTest {

    static final Instant NOW = Instant.parse("2026-12-10T12:00:00Z");

    static Stream<Arguments> runs() {
        return Stream.of(
                argumentSet("a run that waited, ran and ended", "10:00:00", "10:00:05", "11:02:08", "0:00:05", "1:02:03"),
                argumentSet("a run still running counts up to now", "11:00:00", "11:30:00", null, "0:30:00", "0:30:00"),
                argumentSet("a run still waiting has waited up to now and not run", "11:59:00", null, null, "0:01:00", ""),
                argumentSet("a run stopped while it waited waited until it ended", "09:00:00", null, "09:10:00", "0:10:00", ""),
                argumentSet("a day and more is written in hours", "2026-12-08T10:00:00", "2026-12-08T10:00:00", null,
                        "0:00:00", "50:00:00"));
    }

    @ParameterizedTest
    @MethodSource("runs")
    void durations(String queued, String started, String ended, String waited, String ran) {
        RunFigures figures = RunFigures.of(at(queued), at(started), at(ended), null, NOW);
        assertThat(RunFigures.clock(figures.waited())).isEqualTo(waited);
        assertThat(RunFigures.clock(figures.ran())).isEqualTo(ran);
    }

    @Test
    void gpuHoursAreWrittenToTwoDecimalsAndBlankForARunThatNeverHeldGpus() {
        assertThat(RunFigures.hours(RunFigures.of(at("10:00:00"), at("10:00:00"), at("11:00:00"), 6.0, NOW).gpuHours())).isEqualTo("6.00");
        assertThat(RunFigures.hours(0.2)).isEqualTo("0.20");
        assertThat(RunFigures.hours(1.0 / 3)).isEqualTo("0.33");
        assertThat(RunFigures.hours(null)).isEmpty();
    }

    @Test
    void clocksThatDisagreeNeverMakeANegativeDuration() {
        RunFigures figures = RunFigures.of(at("12:00:02"), at("12:00:01"), null, null, NOW);
        assertThat(RunFigures.clock(figures.waited())).isEqualTo("0:00:00");
        assertThat(RunFigures.clock(figures.ran())).isEqualTo("0:00:00");
    }

    private static Instant at(String time) {
        if (time == null) {
            return null;
        }
        return Instant.parse(time.contains("T") ? time + "Z" : "2026-12-10T" + time + "Z");
    }
}
