package io.tasklane.common;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * Which of the two databases Tasklane runs on: PostgreSQL (production, tests) or H2 (the embedded default).
 * Almost all SQL is the same on both; the few statements that are not ask here, once, at start.
 */
@Component
public class SqlDialect {

    private final boolean postgres;

    SqlDialect(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            this.postgres = "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database Tasklane runs on: " + e.getMessage(), e);
        }
    }

    public boolean isPostgres() {
        return postgres;
    }
}
