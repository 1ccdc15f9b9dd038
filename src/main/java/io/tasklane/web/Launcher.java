package io.tasklane.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.tasklane.common.ConflictException;
import io.tasklane.common.FieldViolation;
import io.tasklane.common.ForbiddenException;
import io.tasklane.common.InvalidInputException;
import io.tasklane.common.TaskId;
import io.tasklane.schedule.ScheduleRequest;
import io.tasklane.schedule.ScheduleService;
import io.tasklane.schedule.ScheduleType;
import io.tasklane.security.Caller;
import io.tasklane.task.RunService;
import io.tasklane.task.Task;
import io.tasklane.task.TaskService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the wizard's Launch button does, with the services the API calls (create, copy or replace; put the
 * schedule; start), all in one transaction: a launch refused at its schedule or its start leaves no task behind,
 * so the person corrects the field and launches again under the same name. The same actions run in a transaction
 * that is always rolled back to check a step before the wizard moves on, so each step is checked by the very
 * rules the launch meets.
 */
@Component
class Launcher {

    /** A launch the rules refused, with every broken rule at its field. */
    static final class Refused extends RuntimeException {
        private final transient List<FieldViolation> violations;

        Refused(List<FieldViolation> violations) {
            super(violations.isEmpty() ? "refused" : violations.get(0).message());
            this.violations = List.copyOf(violations);
        }

        List<FieldViolation> violations() {
            return violations;
        }
    }

    private final TaskService tasks;
    private final ScheduleService schedules;
    private final RunService runs;
    private final TransactionTemplate transactions;

    Launcher(TaskService tasks, ScheduleService schedules, RunService runs, PlatformTransactionManager transactions) {
        this.tasks = tasks;
        this.schedules = schedules;
        this.runs = runs;
        this.transactions = new TransactionTemplate(transactions);
    }

    /** Saves the task and its schedule and, if {@code start}, starts it; {@link Refused} names every broken rule. */
    Task launch(Caller caller, LaunchMode mode, TaskId source, LaunchDraft draft, boolean start) {
        if (!draft.unreadable().isEmpty()) {
            throw new Refused(check(caller, mode, source, draft));
        }
        return refusalsAsViolations(() -> transactions.execute(status -> {
            Task task = save(caller, mode, source, draft);
            if (start) {
                runs.start(caller, task.id());
            }
            return task;
        }));
    }

    /** Every rule the launch would break, found by doing it and rolling it back; empty when it would succeed. */
    List<FieldViolation> check(Caller caller, LaunchMode mode, TaskId source, LaunchDraft draft) {
        List<FieldViolation> all = new ArrayList<>(draft.unreadable());
        try {
            refusalsAsViolations(() -> transactions.execute(status -> {
                status.setRollbackOnly();
                return save(caller, mode, source, draft);
            }));
        } catch (Refused refused) {
            // Text that could not be read was left unset; the rules' "required" about it says nothing new.
            refused.violations().stream().filter(v -> all.stream().noneMatch(u -> concerns(u, v))).forEach(all::add);
        }
        return all;
    }

    /**
     * Refuses (409, in the rule's words) to open the wizard on a task that is active: an edit would be refused
     * anyway. Found by editing it to its own configuration and rolling back, so the rule is the domain's.
     */
    void requireEditable(Caller caller, Task task) {
        try {
            transactions.execute(status -> {
                status.setRollbackOnly();
                return tasks.replace(caller, task.id(), task.spec());
            });
        } catch (InvalidInputException | ForbiddenException notAboutItsState) {
            // Shown at their fields when the edit is saved, like any other broken rule.
        }
    }

    /**
     * The wizard has no fields for roles: saving a distributed job's copy or edit from it would drop them, so it
     * refuses to open on one (409, saying where roles are edited).
     */
    static void requireNoRoles(Task task) {
        if (task.spec().hasRoles()) {
            throw new ConflictException("roles", "roles-not-in-console", "task " + task.spec().name()
                    + " is a distributed job with roles, which the console cannot edit or copy yet: use PUT /api/v1/tasks/"
                    + task.id().value() + " or POST /api/v1/tasks/" + task.id().value() + "/copy",
                            task.spec().name(), task.id().value());
        }
    }

    private Task save(Caller caller, LaunchMode mode, TaskId source, LaunchDraft draft) {
        if (mode != LaunchMode.NEW) {
            requireNoRoles(tasks.get(caller, source));
        }
        Task task = switch (mode) {
            case NEW -> tasks.create(caller, draft.spec());
            case COPY -> tasks.copy(caller, source, draft.spec());
            case EDIT -> tasks.replace(caller, source, draft.spec());
        };
        ScheduleRequest schedule = draft.schedule();
        boolean manual = ScheduleType.MANUAL.name().equals(schedule.type());
        // A new task has no schedule, which is manual: only an edit that drops a schedule needs to remove it.
        boolean hadSchedule = mode == LaunchMode.EDIT && schedules.viewOf(task.id()).schedule().type() != ScheduleType.MANUAL;
        if (!manual || hadSchedule) {
            try {
                schedules.put(caller, task.id(), schedule);
            } catch (InvalidInputException e) {
                throw new InvalidInputException(e.violations().stream().map(v -> new FieldViolation(
                        v.field() == null ? null : LaunchErrors.SCHEDULE_PREFIX + v.field(), v.rule(), v.message(), v.arguments())).toList());
            }
        }
        return task;
    }

    private static Task refusalsAsViolations(Supplier<Task> action) {
        try {
            return action.get();
        } catch (InvalidInputException e) {
            throw new Refused(e.violations());
        } catch (ConflictException e) {
            throw new Refused(List.of(e.violation()));
        } catch (ForbiddenException e) {
            // The refusal's own sentence names who may do it; the bundles wrap it (see rule.forbidden).
            throw new Refused(List.of(FieldViolation.of(e.field(), "forbidden", e.getMessage(), e.getMessage())));
        }
    }

    private static boolean concerns(FieldViolation unreadable, FieldViolation rule) {
        String bad = unreadable.field();
        String field = rule.field();
        return bad != null && field != null && (field.equals(bad) || field.startsWith(bad + ".") || field.startsWith(bad + "["));
    }
}
