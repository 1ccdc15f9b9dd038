package io.tasklane.web;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.tasklane.runtime.Deployments;
import io.tasklane.runtime.RunInstance;
import io.tasklane.schedule.Schedule;
import io.tasklane.schedule.ScheduleService;
import io.tasklane.schedule.ScheduleType;
import io.tasklane.schedule.ScheduleView;
import io.tasklane.security.Caller;
import io.tasklane.common.RunId;
import io.tasklane.task.RunRoles;
import io.tasklane.task.RunService;
import io.tasklane.task.Task;
import io.tasklane.task.TaskRun;
import io.tasklane.task.TaskService;
import io.tasklane.task.TaskSpec;
import io.tasklane.usage.RunUsage;
import io.tasklane.web.TaskDetails.EventLine;
import io.tasklane.web.TaskDetails.InstanceGroup;
import io.tasklane.web.TaskDetails.InstanceLine;
import io.tasklane.web.TaskDetails.RoleLine;
import io.tasklane.web.TaskDetails.RunLine;
import io.tasklane.web.TaskDetails.ScheduleSection;
import io.tasklane.web.TaskDetails.WindowLine;
import io.tasklane.web.TaskDetails.Setting;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Reads what the Task page shows, for a caller who may see the task (404 otherwise, as in the API). */
@Component
class TaskDetailsReader {

    static final int RUNS_SHOWN = 20;
    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm");
    static final String COCKPIT_PROCESS_INSTANCE = "/camunda/app/cockpit/default/#/process-instance/";

    private final TaskService tasks;
    private final RunService runs;
    private final Deployments deployments;
    private final ScheduleService schedules;
    private final TaskRows rows;
    private final RunUsage usage;
    private final Clock clock;
    private final MessageSource messages;

    TaskDetailsReader(TaskService tasks, RunService runs, Deployments deployments, ScheduleService schedules, TaskRows rows,
                      RunUsage usage, Clock clock, MessageSource messages) {
        this.tasks = tasks;
        this.runs = runs;
        this.deployments = deployments;
        this.schedules = schedules;
        this.rows = rows;
        this.usage = usage;
        this.clock = clock;
        this.messages = messages;
    }

    TaskDetails read(Caller caller, Task task) {
        List<TaskRun> taskRuns = runs.runsOf(task.id(), 0, RUNS_SHOWN);
        Map<RunId, Double> gpuHours = usage.gpuHoursOf(taskRuns.stream().map(TaskRun::id).toList());
        java.time.Instant now = clock.instant();
        List<RunLine> runLines = taskRuns.stream().map(run -> runLine(run, gpuHours.get(run.id()), now)).toList();
        RunLine current = task.currentRunId() == null ? null
                : runLines.stream().filter(run -> run.id().equals(task.currentRunId().value())).findFirst().orElse(null);
        List<InstanceGroup> instances = task.currentRunId() == null ? List.of() : instancesOf(task.currentRunId(), taskRuns);
        List<EventLine> events = new ArrayList<>(tasks.history(caller, task.id()).stream()
                .map(e -> new EventLine(ConsoleTimes.utcSeconds(e.at()), e.actor(), e.type(), e.fromState(), e.toState(),
                        StoredTexts.RUN_REASONS.read(e.reason())))
                .toList());
        Collections.reverse(events); // newest first: what just happened is what a person looks for
        return new TaskDetails(rows.of(caller, task), settings(task.spec(), readOnlyMark()), schedule(schedules.viewOf(task.id())),
                roles(task.spec()), runLines, current, instances, events);
    }

    private static RunLine runLine(TaskRun run, Double gpuHours, java.time.Instant now) {
        String cockpit = run.processInstanceId() == null ? null : COCKPIT_PROCESS_INSTANCE + run.processInstanceId();
        RunFigures figures = RunFigures.of(run.queuedAt(), run.startedAt(), run.finishedAt(), gpuHours, now);
        return new RunLine(run.id().value(), run.state(), StoredTexts.RUN_REASONS.read(run.reason()), run.requestedBy(),
                ConsoleTimes.utcSeconds(run.queuedAt()), ConsoleTimes.utcSeconds(run.startedAt()), ConsoleTimes.utcSeconds(run.finishedAt()),
                RunFigures.clock(figures.waited()), RunFigures.clock(figures.ran()), RunFigures.hours(figures.gpuHours()), cockpit,
                !run.isOver());
    }

    /** A task's roles in rank order (the chief first, as its runs place them), each with what it runs; none without roles. */
    static List<RoleLine> roles(TaskSpec spec) {
        RunRoles layout = RunRoles.of(spec);
        if (layout == null) {
            return List.of();
        }
        List<RoleLine> lines = new ArrayList<>();
        int firstRank = 0;
        for (RunRoles.Role role : layout.roles()) {
            lines.add(new RoleLine(role.name(), role.replicas(), role.skuPerReplica(), firstRank, TaskRows.entryOf(spec.forRole(role.name()))));
            firstRank += role.replicas();
        }
        return lines;
    }

    /** The current run's replicas by role; the run is one of the runs read already, unless it is older than they are. */
    private List<InstanceGroup> instancesOf(RunId runId, List<TaskRun> taskRuns) {
        TaskRun run = taskRuns.stream().filter(r -> r.id().equals(runId)).findFirst().orElseGet(() -> runs.get(runId));
        return byRole(deployments.instancesOf(runId).stream().map(instance -> line(instance, run.roles())).toList());
    }

    /** A replica with its role, index in the role and rank, which its index is in a run of roles. */
    static InstanceLine line(RunInstance i, RunRoles roles) {
        RunRoles.Slot slot = roles != null && i.index() < roles.replicas() ? roles.slotOf(i.index()) : null;
        return new InstanceLine(i.index(), slot == null ? null : slot.role(), slot == null ? null : slot.roleIndex(),
                slot == null ? null : slot.rank(), i.node(), gpus(i.gpus()), i.state(), i.exitCode(), i.message());
    }

    /**
     * The replicas grouped by role, groups in the order of their first rank, each in rank order; one group without a
     * role for a run without roles.
     */
    static List<InstanceGroup> byRole(List<InstanceLine> instances) {
        Map<String, List<InstanceLine>> groups = new LinkedHashMap<>();
        instances.stream().sorted(java.util.Comparator.comparingInt(InstanceLine::index))
                .forEach(i -> groups.computeIfAbsent(i.role() == null ? "" : i.role(), role -> new ArrayList<>()).add(i));
        return groups.entrySet().stream()
                .map(group -> new InstanceGroup(group.getKey().isEmpty() ? null : group.getKey(), List.copyOf(group.getValue())))
                .toList();
    }

    /** The schedule as the Task page's Schedule section shows it; its words come from the message bundles. */
    static ScheduleSection schedule(ScheduleView view) {
        Schedule schedule = view.schedule();
        ZoneId zone = schedule.zone();
        Optional<ZonedDateTime> next = view.nextFire().map(fire -> fire.in(zone));
        List<WindowLine> windows = schedule.type() != ScheduleType.DAILY ? List.of() : schedule.windows().stream()
                .map(w -> new WindowLine(w.time().format(TIME_OF_DAY), w.minReplicas(), w.maxReplicas())).toList();
        String at = schedule.type() == ScheduleType.ONE_OFF && schedule.at() != null ? ConsoleTimes.in(schedule.at().atZone(zone)) : null;
        return new ScheduleSection(schedule.type(), zone.getId(), schedule.active(), at, next.map(ConsoleTimes::in).orElse(null),
                next.map(fire -> ConsoleTimes.utc(fire.toInstant())).orElse(null), windows);
    }

    /** The words after a storage mounted read-only, in the page's language. */
    private String readOnlyMark() {
        return messages.getMessage("task.storage.readOnly", null, LocaleContextHolder.getLocale());
    }

    private static List<Setting> settings(TaskSpec spec, String readOnly) {
        List<Setting> settings = new ArrayList<>();
        add(settings, "field.image", spec.image());
        add(settings, "field.entry", TaskRows.entryOf(spec));
        add(settings, "field.cluster", spec.cluster());
        add(settings, "field.skuPerReplica", String.valueOf(spec.largestSkuPerReplica()));
        add(settings, "field.replicas", String.valueOf(spec.replicaCount()));
        add(settings, "field.ports", spec.ports().stream()
                .map(p -> p.externalPort() == null ? String.valueOf(p.containerPort()) : p.containerPort() + " → " + p.externalPort())
                .collect(Collectors.joining(", ")));
        add(settings, "field.env", spec.env().entrySet().stream().map(Map.Entry::toString).collect(Collectors.joining(", ")));
        add(settings, "field.storages", spec.storages().stream()
                .map(s -> s.name() + " → " + s.mountPath() + (Boolean.TRUE.equals(s.readOnly()) ? readOnly : ""))
                .collect(Collectors.joining(", ")));
        add(settings, "field.tags", String.join(", ", spec.tags()));
        add(settings, "field.priority", String.valueOf(spec.priority()));
        add(settings, "field.activeDeadlineSeconds", String.valueOf(spec.activeDeadlineSeconds()));
        add(settings, "field.description", spec.description());
        return settings;
    }

    private static void add(List<Setting> settings, String key, String value) {
        if (value != null && !value.isBlank()) {
            settings.add(new Setting(key, value));
        }
    }

    private static String gpus(List<Integer> indices) {
        return indices == null ? "" : indices.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
