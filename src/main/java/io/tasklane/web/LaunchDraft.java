package io.tasklane.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tasklane.common.FieldViolation;
import io.tasklane.schedule.ScheduleRequest;
import io.tasklane.schedule.ScheduleType;
import io.tasklane.task.PortMapping;
import io.tasklane.task.RayEntry;
import io.tasklane.task.StorageMount;
import io.tasklane.task.TaskKind;
import io.tasklane.task.TaskSpec;

/**
 * The wizard's input read into what the domain takes: a task configuration (the same {@link TaskSpec} the API's
 * body is) and a schedule request. Text that cannot be read (a number with letters, a quote left open, a port line
 * that is no port) is noted as a broken rule at its field and left unset; every other rule is the domain's.
 */
public record LaunchDraft(TaskSpec spec, ScheduleRequest schedule, List<FieldViolation> unreadable) {

    static LaunchDraft of(LaunchForm form) {
        List<FieldViolation> v = new ArrayList<>();
        boolean ray = "RAY".equals(form.getEntry());
        List<String> command = ray ? null : words("command", form.getCommand(), v);
        // No arguments is an empty list, not "not given": a copy would keep its source's arguments otherwise.
        List<String> args = ray ? null : blank(form.getArgs()) ? List.of() : words("args", form.getArgs(), v);
        TaskSpec spec = new TaskSpec(text(form.getName()), text(form.getProject()), kind(form.getKind(), v),
                text(form.getImage()), ray ? new RayEntry(text(form.getRayFilePath()), text(form.getRayDeploymentName())) : null,
                command, args, text(form.getCluster()), integer("skuPerReplica", form.getSkuPerReplica(), v),
                integer("replicas", form.getReplicas(), v), ports(form.getPorts(), v), env(form.getEnv(), v),
                storages(form.getStorages(), v), text(form.getDescription()), tags(form.getTags()),
                integer("priority", form.getPriority(), v), whole("activeDeadlineSeconds", form.getActiveDeadlineSeconds(), v),
                // Roles (distributed jobs) are not in the wizard yet: the API sets them.
                null, null, null);
        return new LaunchDraft(spec, schedule(form, v), List.copyOf(v));
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String text(String given) {
        return blank(given) ? null : given.strip();
    }

    private static TaskKind kind(String given, List<FieldViolation> v) {
        if (blank(given)) {
            return null;
        }
        try {
            return TaskKind.valueOf(given.strip());
        } catch (IllegalArgumentException e) {
            v.add(FieldViolation.of("kind", "one-of", "kind must be SERVICE or JOB", "SERVICE, JOB"));
            return null;
        }
    }

    private static List<String> words(String field, String line, List<FieldViolation> v) {
        Optional<List<String>> words = CommandLine.split(line == null ? "" : line);
        if (words.isEmpty()) {
            v.add(new FieldViolation(field, "quotes", field + " has a quote that is not closed"));
        }
        return words.orElse(null);
    }

    private static Integer integer(String field, String given, List<FieldViolation> v) {
        Long value = whole(field, given, v);
        if (value != null && (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE)) {
            v.add(FieldViolation.of(field, "whole-number", field + " is too large", given.strip()));
            return null;
        }
        return value == null ? null : value.intValue();
    }

    private static Long whole(String field, String given, List<FieldViolation> v) {
        if (blank(given)) {
            return null;
        }
        try {
            return Long.parseLong(given.strip());
        } catch (NumberFormatException e) {
            v.add(FieldViolation.of(field, "whole-number", field + " must be a whole number, not '" + given.strip() + "'",
                    given.strip()));
            return null;
        }
    }

    /** One port a line: {@code 8000}, or {@code 8000:30080} to publish it on another port. */
    private static List<PortMapping> ports(String text, List<FieldViolation> v) {
        List<PortMapping> ports = new ArrayList<>();
        List<String> lines = lines(text);
        for (int i = 0; i < lines.size(); i++) {
            String[] parts = lines.get(i).split(":", -1);
            Integer container = parts.length <= 2 ? integer("ports[" + i + "].containerPort", parts[0], v) : null;
            Integer external = parts.length == 2 ? integer("ports[" + i + "].externalPort", parts[1], v) : null;
            if (parts.length > 2) {
                v.add(FieldViolation.of("ports[" + i + "]", "format", "a port line is 8000 or 8000:30080, not '" + lines.get(i) + "'",
                        lines.get(i)));
            }
            ports.add(new PortMapping(container, external));
        }
        return ports;
    }

    /** One variable a line: {@code NAME=value}. */
    private static Map<String, String> env(String text, List<FieldViolation> v) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : lines(text)) {
            int equals = line.indexOf('=');
            if (equals <= 0) {
                v.add(FieldViolation.of("env", "format", "an environment line is NAME=value, not '" + line + "'", line));
            } else {
                env.put(line.substring(0, equals).strip(), line.substring(equals + 1));
            }
        }
        return env;
    }

    /** One storage a line: {@code name:/mount/path}, with {@code :ro} to mount it read-only. */
    private static List<StorageMount> storages(String text, List<FieldViolation> v) {
        List<StorageMount> storages = new ArrayList<>();
        List<String> lines = lines(text);
        for (int i = 0; i < lines.size(); i++) {
            String[] parts = lines.get(i).split(":", -1);
            boolean readOnly = parts.length == 3 && parts[2].strip().equals("ro");
            if (parts.length < 2 || parts.length > 3 || (parts.length == 3 && !readOnly)) {
                v.add(FieldViolation.of("storages[" + i + "]", "format",
                        "a storage line is name:/mount/path or name:/mount/path:ro, not '" + lines.get(i) + "'", lines.get(i)));
                continue;
            }
            storages.add(new StorageMount(parts[0].strip(), parts[1].strip(), readOnly));
        }
        return storages;
    }

    private static List<String> tags(String text) {
        return blank(text) ? List.of() : Arrays.stream(text.split("[,\\s]+")).filter(t -> !t.isEmpty()).toList();
    }

    private static List<String> lines(String text) {
        return blank(text) ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static ScheduleRequest schedule(LaunchForm form, List<FieldViolation> v) {
        String type = text(form.getScheduleType());
        if (type == null || type.equals(ScheduleType.MANUAL.name())) {
            return new ScheduleRequest(ScheduleType.MANUAL.name(), null, null, null, false, null);
        }
        boolean daily = type.equals(ScheduleType.DAILY.name());
        List<ScheduleRequest.Window> windows = null;
        if (daily) {
            windows = new ArrayList<>();
            for (int i = 0; i < form.getWindows().size(); i++) {
                LaunchForm.WindowRow row = form.getWindows().get(i);
                String field = LaunchErrors.SCHEDULE_PREFIX + "windows[" + i + "].";
                windows.add(new ScheduleRequest.Window(text(row.getTime()), integer(field + "minReplicas", row.getMinReplicas(), v),
                        integer(field + "maxReplicas", row.getMaxReplicas(), v)));
            }
        }
        return new ScheduleRequest(type, text(form.getTimeZone()), daily ? null : text(form.getAt()),
                daily ? text(form.getStartDate()) : null, form.isActive(), windows);
    }
}
