package io.tasklane.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UsageCalculatorTest {

    static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
    static final Instant NOW = Instant.parse("2026-12-10T00:00:00Z");

    /** Rows as "key|key: gpuSeconds/skuSeconds runs". */
    static Stream<Arguments> cases() {
        return Stream.of(
                argumentSet("one closed period, one row", List.of(UsageGrouping.PROJECT),
                        List.of(period("r1", "vision", "alice", 2, 1, "2026-12-01T01:00:00Z", "2026-12-01T02:30:00Z")),
                        List.of("vision: 10800/5400 1")),
                argumentSet("a period crossing midnight in Taipei is split there (16:00 UTC)", List.of(UsageGrouping.DAY),
                        List.of(period("r1", "vision", "alice", 1, 1, "2026-12-01T15:00:00Z", "2026-12-01T17:00:01Z")),
                        List.of("2026-12-01: 3600/3600 1", "2026-12-02: 3601/3601 1")),
                argumentSet("an open period counts up to now", List.of(UsageGrouping.USER),
                        List.of(period("r1", "vision", "alice", 1, 1, "2026-12-09T23:00:00Z", null)),
                        List.of("alice: 3600/3600 1")),
                argumentSet("periods are cut to the window", List.of(),
                        List.of(period("r1", "vision", "alice", 1, 1, "2026-11-30T23:00:00Z", "2026-12-01T01:00:00Z"),
                                period("r2", "vision", "alice", 1, 1, "2026-12-08T15:00:00Z", "2026-12-08T17:00:00Z")),
                        List.of(": 10800/10800 2")),
                argumentSet("replicas of one run count once as a run; a resize's later replica from its own start", List.of(UsageGrouping.PROJECT),
                        List.of(period("r1", "vision", "alice", 1, 1, "2026-12-01T00:00:00Z", "2026-12-01T02:00:00Z"),
                                period("r1", "vision", "alice", 1, 1, "2026-12-01T01:00:00Z", "2026-12-01T02:00:00Z")),
                        List.of("vision: 10800/10800 1")),
                argumentSet("two groupings, rows in key order", List.of(UsageGrouping.PROJECT, UsageGrouping.USER),
                        List.of(period("r1", "vision", "bob", 1, 1, "2026-12-01T00:00:00Z", "2026-12-01T00:00:10Z"),
                                period("r2", "audio", "carol", 1, 1, "2026-12-01T00:00:00Z", "2026-12-01T00:00:20Z"),
                                period("r3", "vision", "alice", 1, 1, "2026-12-01T00:00:00Z", "2026-12-01T00:00:30Z")),
                        List.of("audio|carol: 20/20 1", "vision|alice: 30/30 1", "vision|bob: 10/10 1")),
                argumentSet("weeks follow the zone's calendar (Monday 2026-12-07 starts ISO week 50)",
                        List.of(UsageGrouping.MONTH, UsageGrouping.WEEK),
                        List.of(period("r1", "vision", "alice", 1, 1, "2026-12-06T15:30:00Z", "2026-12-06T16:30:00Z")),
                        List.of("2026-12|2026-W49: 1800/1800 1", "2026-12|2026-W50: 1800/1800 1")));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void sumsWhatWasHeldWithinTheWindow(List<UsageGrouping> groupBy, List<UsagePeriod> periods, List<String> rows) {
        UsageQuery query = new UsageQuery(Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-31T00:00:00Z"), TAIPEI, groupBy,
                null, null, null);

        UsageReport report = UsageCalculator.report(query, periods, NOW);

        assertThat(report.rows()).extracting(UsageCalculatorTest::describe).containsExactlyElementsOf(rows);
    }

    @Test
    void theTotalCountsEveryRunOnceAndReadsInHours() {
        UsageQuery query = new UsageQuery(Instant.parse("2026-12-01T00:00:00Z"), NOW, TAIPEI, List.of(UsageGrouping.DAY), null, null, null);
        List<UsagePeriod> periods = List.of(period("r1", "vision", "alice", 4, 2, "2026-12-01T15:00:00Z", "2026-12-01T16:30:00Z"),
                period("r2", "vision", "alice", 1, 1, "2026-12-02T00:00:00Z", "2026-12-02T00:00:00.000500Z"));

        UsageReport report = UsageCalculator.report(query, periods, NOW);

        assertThat(report.rows()).hasSize(2);
        assertThat(report.total().runs()).isEqualTo(2);
        assertThat(report.total().gpuHours()).isEqualTo(6.0);
        assertThat(report.total().skuHours()).isEqualTo(3.0);
        assertThat(report.total().gpuMicros()).as("kept to the microsecond").isEqualTo(6 * 3_600_000_000L + 500);
        assertThat(report.total().gpuSeconds()).isEqualTo(21600.001);
    }

    @Test
    void groupedByTaskARowCarriesTheTasksLatestName() {
        UsageQuery query = new UsageQuery(Instant.parse("2026-12-01T00:00:00Z"), NOW, TAIPEI, List.of(UsageGrouping.TASK), null, null, null);
        UsagePeriod before = period("r1", "vision", "alice", 1, 1, "2026-12-01T00:00:00Z", "2026-12-01T01:00:00Z");
        UsagePeriod renamed = new UsagePeriod("r2", 0, "t1", "train-v2", "vision", "alice", "a100", "n1", 1, 1,
                Instant.parse("2026-12-02T00:00:00Z"), Instant.parse("2026-12-02T01:00:00Z"));

        UsageReport report = UsageCalculator.report(query, List.of(renamed, before), NOW);

        assertThat(report.rows()).singleElement().satisfies(row -> {
            assertThat(row.keys()).containsEntry(UsageGrouping.TASK, "t1");
            assertThat(row.taskName()).isEqualTo("train-v2");
        });
    }

    static UsagePeriod period(String run, String project, String user, int gpus, int skus, String from, String to) {
        return new UsagePeriod(run, 0, "t1", "train", project, user, "a100", "n1", skus, gpus, Instant.parse(from),
                to == null ? null : Instant.parse(to));
    }

    static String describe(UsageRow row) {
        return String.join("|", row.keys().values()) + ": " + row.gpuMicros() / 1_000_000 + "/" + row.skuMicros() / 1_000_000 + " " + row.runs();
    }
}
