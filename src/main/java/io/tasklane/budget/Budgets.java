package io.tasklane.budget;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.tasklane.common.FieldViolation;
import io.tasklane.common.InvalidInputException;
import io.tasklane.common.NotFoundException;
import io.tasklane.security.Caller;
import io.tasklane.security.ProjectService;
import io.tasklane.usage.ProjectUsage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly GPU-hour budgets per project: admins set and remove them, the project's members read where it stands.
 * Use is measured from the usage periods, running runs up to now.
 */
@Service
public class Budgets {

    /** More GPU-hours than a month of a very large fleet: a larger figure is a typo. */
    static final double MAX_GPU_HOURS = 100_000_000;

    private final BudgetRepository budgets;
    private final ProjectUsage usage;
    private final ProjectService projects;
    private final Clock clock;

    Budgets(BudgetRepository budgets, ProjectUsage usage, ProjectService projects, Clock clock) {
        this.budgets = budgets;
        this.usage = usage;
        this.projects = projects;
        this.clock = clock;
    }

    /** What a budget asks for, as a request carries it; null fields take their defaults (UTC, 0.8, not enforced). */
    public record BudgetRequest(Double monthlyGpuHours, String timeZone, Double warnShare, Boolean enforce) {
    }

    /** The project's budget and its month so far; 404 when the caller may not see the project or it has no budget. */
    @Transactional(readOnly = true)
    public BudgetStatus get(Caller caller, String project) {
        projects.get(caller, project);
        return status(project).orElseThrow(() -> new NotFoundException("budget", project));
    }

    /** Sets (or replaces) the project's budget; admins only. 400 naming each broken field. */
    @Transactional
    public BudgetStatus set(Caller caller, String project, BudgetRequest request) {
        caller.requireAdmin("set budgets");
        projects.get(caller, project);
        budgets.put(validated(project, request, caller.userId(), clock.instant()));
        return status(project).orElseThrow();
    }

    @Transactional
    public void remove(Caller caller, String project) {
        caller.requireAdmin("remove budgets");
        projects.get(caller, project);
        if (!budgets.remove(project)) {
            throw new NotFoundException("budget", project);
        }
    }

    /** The project's budget status now, if it has a budget. */
    public Optional<BudgetStatus> status(String project) {
        return budgets.find(project).map(this::status);
    }

    BudgetStatus status(Budget budget) {
        Instant now = clock.instant();
        Instant from = BudgetForecast.monthStart(budget, BudgetForecast.monthOf(budget, now));
        return BudgetForecast.status(budget, from.isBefore(now) ? usage.gpuMicros(budget.project(), from, now, now) : 0, now);
    }

    static Budget validated(String project, BudgetRequest request, String by, Instant at) {
        if (request == null) {
            throw new InvalidInputException("monthlyGpuHours", "required", "a budget needs monthlyGpuHours");
        }
        List<FieldViolation> violations = new ArrayList<>();
        Double hours = request.monthlyGpuHours();
        if (hours == null) {
            violations.add(new FieldViolation("monthlyGpuHours", "required", "monthlyGpuHours is required: the GPU-hours the project may use a month"));
        } else if (!(hours > 0) || hours > MAX_GPU_HOURS) {
            violations.add(FieldViolation.of("monthlyGpuHours", "range", "monthlyGpuHours must be above 0 and at most " + (long) MAX_GPU_HOURS,
                    0, (long) MAX_GPU_HOURS));
        }
        double warnShare = request.warnShare() == null ? 0.8 : request.warnShare();
        if (!(warnShare >= 0 && warnShare <= 1)) {
            violations.add(FieldViolation.of("warnShare", "range", "warnShare must be between 0 and 1 (0.8 warns at 80% used)",
                    0, 1));
        }
        ZoneId zone = null;
        try {
            zone = ZoneId.of(request.timeZone() == null || request.timeZone().isBlank() ? "UTC" : request.timeZone());
        } catch (DateTimeException e) {
            violations.add(FieldViolation.of("timeZone", "time-zone", "'" + request.timeZone() + "' is not a time zone such as Asia/Taipei or UTC",
                    request.timeZone()));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new Budget(project, hours, zone, warnShare, Boolean.TRUE.equals(request.enforce()), at, by);
    }
}
