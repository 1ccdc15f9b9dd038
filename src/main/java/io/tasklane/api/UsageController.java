package io.tasklane.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tasklane.security.Caller;
import io.tasklane.usage.UsageCsv;
import io.tasklane.usage.UsageGrouping;
import io.tasklane.usage.UsageReport;
import io.tasklane.usage.UsageRow;
import io.tasklane.usage.UsageService;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** GPU usage: JSON with totals, or the same rows as CSV for {@code Accept: text/csv}. */
@RestController
@RequestMapping("/api/v1/usage")
class UsageController {

    static final String TEXT_CSV = "text/csv";

    /** The report as the API writes it: rows carry only the keys they are grouped by. */
    record UsageResponse(java.time.Instant from, java.time.Instant to, String timeZone, List<String> groupBy,
                         List<Map<String, Object>> rows, Map<String, Object> total) {

        static UsageResponse of(UsageReport report) {
            return new UsageResponse(report.query().from(), report.query().to(), report.query().zone().getId(),
                    report.query().groupBy().stream().map(UsageGrouping::parameter).toList(),
                    report.rows().stream().map(UsageResponse::row).toList(), row(report.total()));
        }

        static Map<String, Object> row(UsageRow row) {
            Map<String, Object> fields = new LinkedHashMap<>();
            row.keys().forEach((grouping, key) -> fields.put(grouping.parameter(), key));
            if (row.taskName() != null) {
                fields.put("taskName", row.taskName());
            }
            fields.put("gpuHours", row.gpuHours());
            fields.put("skuHours", row.skuHours());
            fields.put("gpuSeconds", row.gpuSeconds());
            fields.put("runs", row.runs());
            return fields;
        }
    }

    private final UsageService usage;

    UsageController(UsageService usage) {
        this.usage = usage;
    }

    @Operation(summary = "GPU-hours and SKU-hours held, grouped by project, user, cluster, task, day, week or month",
            description = "from/to: a date (whole days in timeZone, both included) or a time with an offset; default: "
                    + "from the first of this month to now. A period crossing midnight in timeZone (default UTC) is split "
                    + "there. Users see their own use, a project's managers every member's use in it, admins all.")
    @GetMapping(produces = {MediaType.APPLICATION_JSON_VALUE, TEXT_CSV})
    Object report(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String from,
                  @RequestParam(required = false) String to, @RequestParam(required = false) String timeZone,
                  @RequestParam(required = false) List<String> groupBy, @RequestParam(required = false) String project,
                  @RequestParam(required = false) String user, @RequestParam(required = false) String cluster,
                  @org.springframework.web.bind.annotation.RequestHeader(name = "Accept", required = false) String accept) {
        UsageReport report = usage.report(caller, from, to, timeZone, groupBy, project, user, cluster);
        if (prefersCsv(accept)) {
            return org.springframework.http.ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                    .header("Content-Disposition", "attachment; filename=\"usage.csv\"").body(UsageCsv.of(report));
        }
        return org.springframework.http.ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(UsageResponse.of(report));
    }

    /** CSV only when asked for ahead of JSON: a client accepting anything gets JSON, as everywhere else. */
    private static boolean prefersCsv(String accept) {
        if (accept == null) {
            return false;
        }
        List<MediaType> types = MediaType.parseMediaTypes(accept);
        MediaType.sortBySpecificityAndQuality(types);
        return types.stream().filter(t -> t.isCompatibleWith(MediaType.APPLICATION_JSON) || t.isCompatibleWith(MediaType.parseMediaType(TEXT_CSV)))
                .findFirst().map(t -> t.getSubtype().equals("csv")).orElse(false);
    }
}
