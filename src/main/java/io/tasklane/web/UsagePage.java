package io.tasklane.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasklane.capacity.ClusterService;
import io.tasklane.capacity.VirtualCluster;
import io.tasklane.common.FieldViolation;
import io.tasklane.common.InvalidInputException;
import io.tasklane.security.Caller;
import io.tasklane.security.Project;
import io.tasklane.security.ProjectService;
import io.tasklane.usage.UsageCsv;
import io.tasklane.usage.UsageGrouping;
import io.tasklane.usage.UsageReport;
import io.tasklane.usage.UsageRow;
import io.tasklane.usage.UsageService;
import org.springframework.stereotype.Component;

/**
 * Reads what the Usage page shows from the usage service the API calls (same visibility: a user their own use, a
 * manager their projects', an admin all): rows per day and project (or user), the total, and the chart of the same
 * rows. Broken input is shown at its field with the rule's words from the page's bundles.
 */
@Component
class UsagePage {

    private final UsageService usage;
    private final ProjectService projects;
    private final ClusterService clusters;
    private final ObjectMapper json;
    private final Clock clock;

    UsagePage(UsageService usage, ProjectService projects, ClusterService clusters, ObjectMapper json, Clock clock) {
        this.usage = usage;
        this.projects = projects;
        this.clusters = clusters;
        this.json = json;
        this.clock = clock;
    }

    /** The page for {@code asked}, its blanks filled ({@link UsageRequest#withDefaults}). */
    UsageView read(Caller caller, UsageRequest asked, String browserZone) {
        UsageRequest request = asked.withDefaults(browserZone, clock.instant());
        List<String> projectChoices = choices(projects.list(caller).stream().map(Project::name).toList(), request.project());
        List<String> clusterChoices = choices(clusters.visibleTo(caller).stream().map(VirtualCluster::name).toList(), request.cluster());
        try {
            UsageReport report = report(caller, request);
            UsageChart chart = UsageChart.of(report);
            List<UsageLine> rows = report.rows().stream().map(row -> line(row, report)).toList();
            return new UsageView(request, Map.of(), List.of(), projectChoices, clusterChoices, rows, line(report.total(), report),
                    chart, chartJson(chart));
        } catch (InvalidInputException refused) {
            Map<String, FieldError> errors = new LinkedHashMap<>();
            List<String> general = new ArrayList<>();
            for (FieldViolation v : refused.violations()) {
                if (UsageRequest.isField(v.field())) {
                    errors.putIfAbsent(v.field(), new FieldError("usage.error." + v.rule(), valueOf(request, v.field())));
                } else {
                    general.add(v.message());
                }
            }
            return new UsageView(request, errors, general, projectChoices, clusterChoices, List.of(), null, null, null);
        }
    }

    /** The report of {@code asked} (blanks filled), for the CSV; broken input is refused as the API refuses it. */
    UsageReport report(Caller caller, UsageRequest asked, String browserZone) {
        return report(caller, asked.withDefaults(browserZone, clock.instant()));
    }

    private UsageReport report(Caller caller, UsageRequest request) {
        return usage.report(caller, request.query(clock.instant()));
    }

    private static UsageLine line(UsageRow row, UsageReport report) {
        UsageGrouping stack = report.query().groupBy().get(1);
        return new UsageLine(row.keys().get(UsageGrouping.DAY), row.keys().get(stack), UsageCsv.figure(row.gpuHours()),
                UsageCsv.figure(row.skuHours()), row.runs());
    }

    private String chartJson(UsageChart chart) {
        try {
            return json.writeValueAsString(chart);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a usage chart is plain data", e);
        }
    }

    /** The filter's choices, with the one asked for kept even when it is not among them (it still filters). */
    private static List<String> choices(List<String> names, String asked) {
        List<String> choices = names.stream().sorted().collect(Collectors.toCollection(ArrayList::new));
        if (asked != null && !choices.contains(asked)) {
            choices.add(0, asked);
        }
        return choices;
    }

    private static String valueOf(UsageRequest request, String field) {
        return switch (field) {
            case "from" -> request.from();
            case "to" -> request.to();
            case "timeZone" -> request.timeZone();
            default -> request.stack();
        };
    }

    /** The Usage page: the request with its blanks filled, the rules it broke, or the rows, their total and the chart. */
    public record UsageView(UsageRequest request, Map<String, FieldError> errors, List<String> generalErrors, List<String> projects,
                            List<String> clusters, List<UsageLine> rows, UsageLine total, UsageChart chart, String chartJson) {

        public boolean refused() {
            return !errors.isEmpty() || !generalErrors.isEmpty();
        }

        /** What the chart may stack by, for the switch. */
        public List<String> stacks() {
            return UsageRequest.STACKS;
        }

        public boolean hasError(String field) {
            return errors.containsKey(field);
        }

        /** The chart's words for a screen reader: each series with its GPU-hours over the period. */
        public String seriesSummary() {
            return chart.series().stream().map(s -> s.name() + " " + UsageCsv.figure(s.total())).collect(Collectors.joining(", "));
        }
    }

    /** A rule broken at a field: its message key ({@code usage.error.time-zone}) and the value given. */
    public record FieldError(String messageKey, String value) {
    }

    /** A row of the table; the total row has no day and no key. Figures as the CSV writes them. */
    public record UsageLine(String day, String key, String gpuHours, String skuHours, int runs) {
    }
}
