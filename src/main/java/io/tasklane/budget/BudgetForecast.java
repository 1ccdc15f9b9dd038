package io.tasklane.budget;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A budget's month as a pure function of the GPU-time used so far: the rate is what was used over the time the
 * month has run, and the budget runs out when the remainder is used at that rate, if that is still this month.
 */
public final class BudgetForecast {

    private static final double MICROS_PER_HOUR = 3_600_000_000.0;

    private BudgetForecast() {
    }

    /** The month of {@code now} in the budget's zone. */
    public static YearMonth monthOf(Budget budget, Instant now) {
        return YearMonth.from(now.atZone(budget.zone()));
    }

    public static Instant monthStart(Budget budget, YearMonth month) {
        return month.atDay(1).atStartOfDay(budget.zone()).toInstant();
    }

    /** The status at {@code now}, given {@code usedGpuMicros} held since the month's start. */
    public static BudgetStatus status(Budget budget, long usedGpuMicros, Instant now) {
        YearMonth month = monthOf(budget, now);
        Instant start = monthStart(budget, month);
        Instant end = monthStart(budget, month.plusMonths(1));
        double used = usedGpuMicros / MICROS_PER_HOUR;
        double limit = budget.monthlyGpuHours();
        double share = used / limit;
        BudgetState state = used >= limit ? BudgetState.SPENT : share >= budget.warnShare() ? BudgetState.WARNING : BudgetState.OK;
        LocalDate exhaustsOn = state == BudgetState.SPENT ? null : exhaustion(limit - used, used, start, end, now, budget);
        return new BudgetStatus(budget, month, start, end, BudgetStatus.round(used), BudgetStatus.round(Math.max(0, limit - used)),
                Math.round(share * 1e4) / 1e4, exhaustsOn, state);
    }

    /** The day (in the budget's zone) {@code remaining} hours are used at the month's rate so far; null if never this month. */
    private static LocalDate exhaustion(double remaining, double used, Instant start, Instant end, Instant now, Budget budget) {
        long elapsedMicros = Duration.between(start, now).toNanos() / 1_000;
        if (used <= 0 || elapsedMicros <= 0) {
            return null;
        }
        double hoursPerMicro = used / elapsedMicros;
        double microsLeft = remaining / hoursPerMicro;
        if (microsLeft >= Duration.between(now, end).toNanos() / 1_000.0) {
            return null;
        }
        Instant runsOut = now.plusNanos((long) (microsLeft * 1_000));
        return LocalDate.ofInstant(runsOut, budget.zone());
    }
}
