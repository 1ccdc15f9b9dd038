package io.tasklane.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tasklane.common.FieldViolation;

/**
 * The rules a wizard's input breaks, by the form field that shows each: a rule names a path of the task's
 * configuration ({@code ports[1].containerPort}, {@code env.SHM_SIZE}) or, prefixed {@code schedule.}, of its
 * schedule; the wizard shows some of them in one field (the ports, one per line), so the message goes to that field.
 */
public final class LaunchErrors {

    static final String SCHEDULE_PREFIX = "schedule.";
    private static final Set<String> LINE_FIELDS = Set.of("command", "args", "ports", "env", "storages", "tags");

    private final List<FieldViolation> violations;
    private final Function<FieldViolation, String> words;
    private final Map<String, List<String>> byField = new LinkedHashMap<>();
    private final List<String> general = new ArrayList<>();

    /** The rules in the domain's English words (the API's), for tests of where each rule is shown. */
    LaunchErrors(List<FieldViolation> violations) {
        this(violations, FieldViolation::message);
    }

    /** The rules told by {@code words} (the page's language, see {@link RuleWords}). */
    LaunchErrors(List<FieldViolation> violations, Function<FieldViolation, String> words) {
        this.violations = List.copyOf(violations);
        this.words = words;
        for (FieldViolation v : violations) {
            String key = formField(v.field());
            String said = words.apply(v);
            if (key == null) {
                general.add(said);
            } else {
                byField.computeIfAbsent(key, k -> new ArrayList<>()).add(said);
            }
        }
    }

    static LaunchErrors none() {
        return new LaunchErrors(List.of());
    }

    /** The form field that shows the rule about {@code field}; null when no field does (a task's state). */
    static String formField(String field) {
        if (field == null) {
            return null;
        }
        if (field.startsWith(SCHEDULE_PREFIX)) {
            String rest = field.substring(SCHEDULE_PREFIX.length());
            if (rest.equals("type")) {
                return "scheduleType";
            }
            return rest.matches("windows\\[\\d+]\\.(time|minReplicas|maxReplicas)") ? rest
                    : rest.split("[.\\[]", 2)[0];
        }
        if (field.equals("ray") || field.equals("ray.filePath")) {
            return "rayFilePath";
        }
        if (field.equals("ray.deploymentName")) {
            return "rayDeploymentName";
        }
        String head = field.split("[.\\[]", 2)[0];
        if (LINE_FIELDS.contains(head)) {
            return head;
        }
        return LaunchStep.showing(field) == LaunchStep.SUMMARY ? null : field;
    }

    /** Only the rules about fields of steps before {@code step}: what must hold before the wizard moves on to it. */
    LaunchErrors before(LaunchStep step) {
        return new LaunchErrors(violations.stream().filter(v -> LaunchStep.showing(v.field()).ordinal() < step.ordinal()).toList(), words);
    }

    public boolean isEmpty() {
        return violations.isEmpty();
    }

    /** The first step with a broken rule, to show the person where to look. */
    LaunchStep firstStep() {
        return violations.stream().map(v -> LaunchStep.showing(v.field())).min(Comparator.naturalOrder()).orElse(LaunchStep.SUMMARY);
    }

    public boolean has(String formField) {
        return byField.containsKey(formField);
    }

    public List<String> of(String formField) {
        return byField.getOrDefault(formField, List.of());
    }

    /** Rules about no field of the wizard, shown above the launch button. */
    public List<String> general() {
        return general;
    }

    /** Every message with the field it concerns, for the list at the top of a step. */
    public Map<String, List<String>> byField() {
        return byField;
    }

    /** The messages as the list above a step shows them: each links to its field and names it by its label. */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        byField.forEach((key, messages) -> messages.forEach(m -> problems.add(Problem.of(key, m))));
        return problems;
    }

    /**
     * A broken rule at a field: the id of the element that shows the field, the message key of its label (with the
     * window's number for a window's field) and the rule's message.
     */
    public record Problem(String fieldId, String labelKey, Integer labelArgument, String message) {

        private static final Pattern WINDOW_FIELD = Pattern.compile("windows\\[(\\d+)]\\.(time|minReplicas|maxReplicas)");
        private static final Map<String, String> WINDOW_PARTS = Map.of("time", "time", "minReplicas", "min", "maxReplicas", "max");

        static Problem of(String formField, String message) {
            Matcher window = WINDOW_FIELD.matcher(formField);
            if (window.matches()) {
                String part = WINDOW_PARTS.get(window.group(2));
                int index = Integer.parseInt(window.group(1));
                return new Problem("window-" + index + "-" + part, "launch.window." + part + ".for", index + 1, message);
            }
            String label = formField.equals("activeDeadlineSeconds") ? "deadline" : formField;
            return new Problem(formField, "launch." + label, null, message);
        }
    }
}
