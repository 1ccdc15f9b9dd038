package io.tasklane.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BudgetForecastTest {

    static final long HOUR = 3_600_000_000L;
    /** Ten days into December (UTC): 240 hours of the month's 744 have passed. */
    static final Instant DEC_11 = Instant.parse("2026-12-11T00:00:00Z");

    static Stream<Arguments> cases() {
        return Stream.of(
                argumentSet("nothing used: no rate, no forecast", 100.0, 0L, "UTC", DEC_11, BudgetState.OK, null),
                argumentSet("10 h in 10 days lasts the month (31 h by its end)", 100.0, 10 * HOUR, "UTC", DEC_11, BudgetState.OK, null),
                argumentSet("50 h in 10 days: the other 50 take 10 more days", 100.0, 50 * HOUR, "UTC", DEC_11, BudgetState.OK,
                        LocalDate.of(2026, 12, 21)),
                argumentSet("80 h of 100 at warnShare 0.8 warns; the rest goes in 2.5 days", 100.0, 80 * HOUR, "UTC", DEC_11,
                        BudgetState.WARNING, LocalDate.of(2026, 12, 13)),
                argumentSet("all used: spent, no forecast", 100.0, 100 * HOUR, "UTC", DEC_11, BudgetState.SPENT, null),
                argumentSet("more than all (running runs go on): spent", 100.0, 130 * HOUR, "UTC", DEC_11, BudgetState.SPENT, null),
                argumentSet("the day is the budget's zone's: 10 h in 10 days at 2026-12-11T00:00Z is 08:00 in Taipei",
                        // Taipei's month began 8 h earlier: 248 h elapsed; 10 more h at 10/248 per h take 248 h, to 12-21 08:00 Taipei.
                        20.0, 10 * HOUR, "Asia/Taipei", DEC_11, BudgetState.OK, LocalDate.of(2026, 12, 21)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void statusAndForecast(double budgetHours, long usedMicros, String zone, Instant now, BudgetState state, LocalDate exhaustsOn) {
        BudgetStatus status = BudgetForecast.status(budget(budgetHours, zone), usedMicros, now);
        assertThat(status.state()).isEqualTo(state);
        assertThat(status.exhaustsOn()).isEqualTo(exhaustsOn);
    }

    @Test
    void monthBoundsAreTheBudgetsZones() {
        BudgetStatus status = BudgetForecast.status(budget(10, "Asia/Taipei"), 0, Instant.parse("2026-11-30T17:00:00Z"));
        assertThat(status.month()).hasToString("2026-12");
        assertThat(status.monthStart()).isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
        assertThat(status.monthEnd()).isEqualTo(Instant.parse("2026-12-31T16:00:00Z"));
    }

    @Test
    void usedRemainingAndShareAreRoundedHours() {
        BudgetStatus status = BudgetForecast.status(budget(8, "UTC"), 2 * HOUR + HOUR / 2, DEC_11);
        assertThat(status.usedGpuHours()).isEqualTo(2.5);
        assertThat(status.remainingGpuHours()).isEqualTo(5.5);
        assertThat(status.share()).isEqualTo(0.3125);
        assertThat(BudgetForecast.status(budget(8, "UTC"), 9 * HOUR, DEC_11).remainingGpuHours()).as("never below 0").isZero();
    }

    @Test
    void theRefusalSaysWhatWasUsedOfWhat() {
        assertThat(BudgetForecast.status(budget(10, "UTC"), 12 * HOUR, DEC_11).describe())
                .isEqualTo("project vision has used 12.0 of its 10.0 GPU-hours for 2026-12 (UTC)");
    }

    private static Budget budget(double hours, String zone) {
        return new Budget("vision", hours, ZoneId.of(zone), 0.8, true, DEC_11, "admin");
    }
}
