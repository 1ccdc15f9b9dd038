package io.tasklane.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.tasklane.usage.UsageCalculator;
import io.tasklane.usage.UsagePeriod;
import io.tasklane.usage.UsageQuery;
import io.tasklane.usage.UsageReport;
import org.junit.jupiter.api.Test;

/** The chart is the report's rows laid out per day of the period: every day on the axis, one series per key. */
class UsageChartTest {

    static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

    @Test
    void everyDayOfThePeriodIsOnTheAxisAndEachProjectIsASeriesWithItsHoursThatDay() {
        UsageQuery query = query("2026-12-01", "2026-12-05", "Asia/Taipei", "project");
        // 2 GPUs for an hour on the 2nd in Taipei; 1 GPU from 23:00 to 01:00 in Taipei, split at its midnight (16:00 UTC).
        UsageReport report = UsageCalculator.report(query, List.of(
                period("r1", "vision", "alice", 2, "2026-12-02T01:00:00Z", "2026-12-02T02:00:00Z"),
                period("r2", "audio", "bob", 1, "2026-12-03T15:00:00Z", "2026-12-03T17:00:00Z")), NOW);

        UsageChart chart = UsageChart.of(report);

        assertThat(chart.days()).containsExactly("2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05");
        assertThat(chart.series()).extracting(UsageChart.Series::name).containsExactly("audio", "vision");
        assertThat(chart.series().get(0).data()).containsExactly(0.0, 0.0, 1.0, 1.0, 0.0);
        assertThat(chart.series().get(0).total()).isEqualTo(2.0);
        assertThat(chart.series().get(1).data()).containsExactly(0.0, 2.0, 0.0, 0.0, 0.0);
    }

    @Test
    void stackedByUserTheSeriesAreUsersAndAWindowEndingAtMidnightEndsTheDayBefore() {
        UsageQuery query = UsageQuery.parse("2026-12-01T00:00:00Z", "2026-12-03T00:00:00Z", "UTC", List.of("day", "user"), null, null,
                null, NOW);
        UsageReport report = UsageCalculator.report(query, List.of(
                period("r1", "vision", "alice", 1, "2026-12-01T10:00:00Z", "2026-12-01T10:30:00Z"),
                period("r2", "vision", "carol", 1, "2026-12-02T10:00:00Z", "2026-12-02T10:15:00Z")), NOW);

        UsageChart chart = UsageChart.of(report);

        assertThat(chart.days()).containsExactly("2026-12-01", "2026-12-02");
        assertThat(chart.series()).extracting(UsageChart.Series::name).containsExactly("alice", "carol");
        assertThat(chart.series().get(1).data()).containsExactly(0.0, 0.25);
    }

    @Test
    void noUseIsNoSeries() {
        UsageChart chart = UsageChart.of(UsageCalculator.report(query("2026-12-01", "2026-12-01", "UTC", "project"), List.of(), NOW));

        assertThat(chart.days()).containsExactly("2026-12-01");
        assertThat(chart.isEmpty()).isTrue();
    }

    private static UsageQuery query(String from, String to, String zone, String stack) {
        return UsageQuery.parse(from, to, zone, List.of("day", stack), null, null, null, NOW);
    }

    private static UsagePeriod period(String run, String project, String user, int gpus, String from, String to) {
        return new UsagePeriod(run, 0, "t-" + run, "task-" + run, project, user, "a100", "node-1", gpus, gpus, Instant.parse(from),
                Instant.parse(to));
    }
}
