package io.tasklane.web;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import io.tasklane.queue.WaitExplainer;
import io.tasklane.queue.WaitExplanation;
import io.tasklane.queue.WaitReason;
import io.tasklane.schedule.ScheduleService;
import io.tasklane.schedule.ScheduleType;
import io.tasklane.schedule.ScheduleView;
import io.tasklane.security.Caller;
import io.tasklane.task.Task;
import io.tasklane.task.TaskState;
import org.springframework.stereotype.Component;

/**
 * The Task page's "Why is it waiting" panel: for a queued task its place, the wait so far and the reasons
 * and expected start ({@link WaitExplainer} decides them; this only puts their figures in the page's words); for an idle task whose
 * schedule starts it later, when. Nothing for a task that is not waiting.
 */
@Component
class WhyWaitingPanel {

    private final WaitExplainer explainer;
    private final ScheduleService schedules;
    private final EstimateWords estimates;

    WhyWaitingPanel(WaitExplainer explainer, ScheduleService schedules, EstimateWords estimates) {
        this.explainer = explainer;
        this.schedules = schedules;
        this.estimates = estimates;
    }

    /** The panel, or null when the task is not waiting for anything. */
    WhyWaiting read(Caller caller, Task task) {
        Optional<ZonedDateTime> nextFire = nextFire(schedules.viewOf(task.id()));
        boolean waiting = task.state() == TaskState.QUEUED || waitsForSchedule(task, nextFire);
        if (!waiting) {
            return null;
        }
        WaitExplanation why = explainer.explain(caller, task, nextFire);
        return new WhyWaiting(why.position(), why.queueLength(), why.waited() == null ? null : QueueBoard.waited(why.waited()),
                said(why.reasons()), said(why.sooner()), estimates.said(why.expected()));
    }

    /** When an active schedule next starts the task, in its zone; empty for a manual or inactive one. */
    static Optional<ZonedDateTime> nextFire(ScheduleView schedule) {
        return schedule.schedule().type() != ScheduleType.MANUAL && schedule.schedule().active()
                ? schedule.nextFire().map(fire -> fire.in(schedule.schedule().zone())) : Optional.empty();
    }

    /** Whether an idle task waits for its schedule (the Tasks page links such a row to this panel). */
    static boolean waitsForSchedule(Task task, Optional<ZonedDateTime> nextFire) {
        return TaskState.STARTABLE.contains(task.state()) && !task.archived() && nextFire.isPresent();
    }

    private static List<Said> said(List<WaitReason> reasons) {
        return reasons.stream().map(reason -> new Said(reason.messageKey(), reason.arguments().stream()
                .map(argument -> argument instanceof ZonedDateTime at ? ConsoleTimes.in(at) : argument).toArray())).toList();
    }

    /**
     * The panel's content: {@code position} of {@code queueLength} (null when not queued), the wait so far, the reasons
     * ranked, the ways to start sooner, and the expected start in words (null when not queued).
     */
    public record WhyWaiting(Integer position, int queueLength, String waited, List<Said> reasons, List<Said> sooner, Said expected) {
    }

    /** A reason by its message key and the figures it is told with. */
    public record Said(String key, Object[] arguments) {
    }
}
