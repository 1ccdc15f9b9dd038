package io.tasklane.web;

import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.tasklane.security.Caller;
import io.tasklane.usage.UsageCsv;
import io.tasklane.usage.UsageReport;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The Usage page: GPU-hours per day of a period as a chart stacked by project or user, the rows with their total, and
 * the same rows as CSV. The browser's zone comes in a cookie that console.js sets on every page, so a first visit
 * already reads days as the person's own.
 */
@Controller
class UsagePageController {

    /** The cookie console.js writes the browser's IANA zone into. */
    static final String ZONE_COOKIE = "tz";
    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream().sorted().toList();

    private final UsagePage page;

    UsagePageController(UsagePage page) {
        this.page = page;
    }

    @GetMapping("/usage")
    String usage(@AuthenticationPrincipal Caller caller, UsageRequest request,
                 @CookieValue(name = ZONE_COOKIE, required = false) String browserZone, HttpServletResponse response, Model model) {
        UsagePage.UsageView view = page.read(caller, request, browserZone);
        if (view.refused()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        model.addAttribute("usage", view);
        model.addAttribute("zones", ZONES);
        return "usage";
    }

    @GetMapping("/usage/csv")
    ResponseEntity<String> csv(@AuthenticationPrincipal Caller caller, UsageRequest request,
                               @CookieValue(name = ZONE_COOKIE, required = false) String browserZone) {
        UsageReport report = page.report(caller, request, browserZone);
        var query = report.query();
        String name = "usage-" + query.from().atZone(query.zone()).toLocalDate() + "-"
                + query.to().minus(1, ChronoUnit.MICROS).atZone(query.zone()).toLocalDate() + ".csv";
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(UsageCsv.of(report));
    }
}
