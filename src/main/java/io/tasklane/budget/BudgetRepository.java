package io.tasklane.budget;

import static io.tasklane.common.SqlTimes.utc;

import java.time.ZoneId;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Budgets in {@code tasklane.project_budget}, one per project. */
@Repository
class BudgetRepository {

    private final JdbcClient jdbc;

    BudgetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Budget> find(String project) {
        return jdbc.sql("select * from tasklane.project_budget where project = ?").param(project).query(BudgetRepository::map).optional();
    }

    List<Budget> findAll() {
        return jdbc.sql("select * from tasklane.project_budget order by project").query(BudgetRepository::map).list();
    }

    /** Sets the budget; a changed budget may warn again this month, so what was told is forgotten. */
    void put(Budget budget) {
        Object[] values = {budget.monthlyGpuHours(), budget.zone().getId(), budget.warnShare(), budget.enforce(),
                utc(budget.updatedAt()), budget.updatedBy(), budget.project()};
        int updated = jdbc.sql("""
                update tasklane.project_budget set monthly_gpu_hours = ?, time_zone = ?, warn_share = ?, enforce = ?,
                  warned_month = null, spent_month = null, updated_at = ?, updated_by = ? where project = ?""").params(values).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into tasklane.project_budget (monthly_gpu_hours, time_zone, warn_share, enforce, updated_at, updated_by, project)
                    values (?, ?, ?, ?, ?, ?, ?)""").params(values).update();
        }
    }

    boolean remove(String project) {
        return jdbc.sql("delete from tasklane.project_budget where project = ?").param(project).update() > 0;
    }

    /** Marks the month's warning ({@code column} warned_month) or exhaustion (spent_month) told; false if it already was. */
    boolean markTold(String project, String column, YearMonth month) {
        return jdbc.sql("update tasklane.project_budget set " + column + " = ? where project = ? and (" + column + " is null or "
                + column + " <> ?)").params(month.toString(), project, month.toString()).update() > 0;
    }

    private static Budget map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Budget(rs.getString("project"), rs.getDouble("monthly_gpu_hours"), ZoneId.of(rs.getString("time_zone")),
                rs.getDouble("warn_share"), rs.getBoolean("enforce"),
                rs.getObject("updated_at", java.time.OffsetDateTime.class).toInstant(), rs.getString("updated_by"));
    }
}
