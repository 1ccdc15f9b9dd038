package io.tasklane.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import io.tasklane.common.TaskId;
import io.tasklane.schedule.Fire;
import io.tasklane.schedule.ReplicaWindow;
import io.tasklane.schedule.Schedule;
import io.tasklane.schedule.ScheduleType;
import io.tasklane.schedule.ScheduleView;
import io.tasklane.web.TaskDetails.ScheduleSection;
import io.tasklane.web.TaskDetails.WindowLine;
import org.junit.jupiter.api.Test;

/** The Task page's Schedule section: the next fire in the schedule's zone and in UTC, a daily schedule's windows. */
class TaskScheduleSectionTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void aDailyScheduleShowsItsNextFireInItsZoneAndInUtcAndItsWindowsByTimeOfDay() {
        ReplicaWindow evening = new ReplicaWindow(LocalTime.of(20, 0), 0, 1);
        ReplicaWindow morning = new ReplicaWindow(LocalTime.of(8, 30), 1, 4);
        Schedule daily = new Schedule(new TaskId("t1"), ScheduleType.DAILY, SHANGHAI, null, null, List.of(evening, morning), true,
                null, "alice", Instant.EPOCH);
        Fire next = new Fire(Instant.parse("2026-12-07T00:30:00Z"), Optional.of(morning));

        assertThat(TaskDetailsReader.schedule(new ScheduleView(daily, Optional.of(next)))).isEqualTo(new ScheduleSection(
                ScheduleType.DAILY, "Asia/Shanghai", true, null, "2026-12-07 08:30 Asia/Shanghai", "2026-12-07 00:30 UTC",
                List.of(new WindowLine("08:30", 1, 4), new WindowLine("20:00", 0, 1))));
    }

    @Test
    void aOneOffShowsItsTimeAndNoWindowsAndADoneOneNoNextFire() {
        Schedule oneOff = new Schedule(new TaskId("t1"), ScheduleType.ONE_OFF, SHANGHAI, LocalDateTime.of(2026, 12, 1, 9, 0), null,
                List.of(), false, null, "alice", Instant.EPOCH);

        ScheduleSection section = TaskDetailsReader.schedule(new ScheduleView(oneOff, Optional.empty()));

        assertThat(section.at()).isEqualTo("2026-12-01 09:00 Asia/Shanghai");
        assertThat(section.nextFire()).isNull();
        assertThat(section.nextFireUtc()).isNull();
        assertThat(section.windows()).isEmpty();
        assertThat(section.active()).isFalse();
    }

    @Test
    void aTaskWithoutAScheduleIsManual() {
        ScheduleSection section = TaskDetailsReader.schedule(new ScheduleView(Schedule.manual(new TaskId("t1")), Optional.empty()));

        assertThat(section.type()).isEqualTo(ScheduleType.MANUAL);
        assertThat(section.windows()).isEmpty();
    }
}
