package io.tasklane.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.tasklane.common.TaskId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Next fire times across daylight-saving changes, as a table: zone, windows, after, expected fires. */
class NextFireTest {

    static Stream<Arguments> dailyFires() {
        return Stream.of(
                // name, zone, window times, first date, fires after, the next three fires
                Arguments.of("Shanghai has no DST: 08:00 is always 00:00Z", "Asia/Shanghai", "08:00,20:00", null,
                        "2026-03-07T23:00:00Z", "2026-03-08T00:00:00Z,2026-03-08T12:00:00Z,2026-03-09T00:00:00Z"),
                Arguments.of("New York spring gap: 02:30 does not exist, fires at 03:00 EDT", "America/New_York", "02:30", null,
                        "2026-03-06T12:00:00Z", "2026-03-07T07:30:00Z,2026-03-08T07:00:00Z,2026-03-09T06:30:00Z"),
                Arguments.of("New York fall overlap: 01:30 happens twice, fires once at EDT", "America/New_York", "01:30", null,
                        "2026-10-31T00:00:00Z", "2026-10-31T05:30:00Z,2026-11-01T05:30:00Z,2026-11-02T06:30:00Z"),
                Arguments.of("Berlin spring gap: 02:15 fires at 03:00 CEST", "Europe/Berlin", "02:15", null,
                        "2026-03-28T00:00:00Z", "2026-03-28T01:15:00Z,2026-03-29T01:00:00Z,2026-03-30T00:15:00Z"),
                Arguments.of("Berlin fall overlap: 02:30 fires once, at CEST", "Europe/Berlin", "02:30", null,
                        "2026-10-24T12:00:00Z", "2026-10-25T00:30:00Z,2026-10-26T01:30:00Z,2026-10-27T01:30:00Z"),
                Arguments.of("Lord Howe 30-minute spring gap: 02:15 fires at 02:30 (+11)", "Australia/Lord_Howe", "02:15", null,
                        "2026-10-02T00:00:00Z", "2026-10-02T15:45:00Z,2026-10-03T15:30:00Z,2026-10-04T15:15:00Z"),
                Arguments.of("Lord Howe 30-minute fall overlap: 01:45 fires once, at +11", "Australia/Lord_Howe", "01:45", null,
                        "2026-04-03T00:00:00Z", "2026-04-03T14:45:00Z,2026-04-04T14:45:00Z,2026-04-05T15:15:00Z"),
                Arguments.of("Windows around a gap keep their order", "America/New_York", "01:30,02:30,03:30", null,
                        "2026-03-08T05:00:00Z", "2026-03-08T06:30:00Z,2026-03-08T07:00:00Z,2026-03-08T07:30:00Z"),
                Arguments.of("Nothing fires before the first date", "Asia/Shanghai", "20:00,08:00", "2026-12-01",
                        "2026-06-01T00:00:00Z", "2026-12-01T00:00:00Z,2026-12-01T12:00:00Z,2026-12-02T00:00:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dailyFires")
    void dailyFiresInTheScheduleZone(String name, String zone, String times, String startDate, String after, String expected) {
        Schedule daily = new Schedule(new TaskId("t"), ScheduleType.DAILY, ZoneId.of(zone), null,
                startDate == null ? null : LocalDate.parse(startDate), windows(times), true, null, null, null);

        List<Instant> fires = Stream.iterate(NextFire.after(daily, Instant.parse(after)),
                        Optional::isPresent, f -> NextFire.after(daily, f.get().at()))
                .limit(3).map(f -> f.get().at()).toList();

        assertThat(fires).containsExactlyElementsOf(Arrays.stream(expected.split(",")).map(Instant::parse).toList());
    }

    @Test
    void aDailyFireCarriesItsWindow() {
        Schedule daily = new Schedule(new TaskId("t"), ScheduleType.DAILY, ZoneId.of("Asia/Shanghai"), null, null,
                List.of(new ReplicaWindow(LocalTime.of(8, 0), 2, 8), new ReplicaWindow(LocalTime.of(20, 0), 1, 2)), true,
                null, null, null);

        Fire evening = NextFire.after(daily, Instant.parse("2026-12-01T01:00:00Z")).orElseThrow();

        assertThat(evening.window()).contains(new ReplicaWindow(LocalTime.of(20, 0), 1, 2));
        assertThat(evening.in(daily.zone()).toOffsetDateTime()).hasToString("2026-12-01T20:00+08:00");
    }

    @Test
    void aOneOffFiresOnceAtItsLocalTimeAndNeverAgain() {
        Schedule oneOff = new Schedule(new TaskId("t"), ScheduleType.ONE_OFF, ZoneId.of("Europe/Berlin"),
                LocalDateTime.parse("2026-03-29T02:30:00"), null, List.of(), true, null, null, null);

        Fire fire = NextFire.after(oneOff, Instant.parse("2026-03-01T00:00:00Z")).orElseThrow();

        assertThat(fire.at()).isEqualTo(Instant.parse("2026-03-29T01:00:00Z")); // in the gap: 03:00 CEST
        assertThat(fire.window()).isEmpty();
        assertThat(NextFire.after(oneOff, fire.at())).isEmpty();
    }

    @Test
    void aManualScheduleNeverFires() {
        assertThat(NextFire.after(Schedule.manual(new TaskId("t")), Instant.EPOCH)).isEmpty();
    }

    private static List<ReplicaWindow> windows(String times) {
        return Arrays.stream(times.split(",")).map(t -> new ReplicaWindow(LocalTime.parse(t), 1, 1)).toList();
    }
}
