package io.tasklane.support;

import java.io.IOException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** A real PostgreSQL 17 (embedded binaries) for the whole suite: every test class shares this one context. */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfig {

    // Not closed by a JVM hook: the engine shuts down first and still needs the database.
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres() throws IOException {
        // pg_stat_statements lets the benchmarks report what the database was asked (bench/StatementReport).
        return EmbeddedPostgres.builder().setRegisterShutdownHook(false)
                .setServerConfig("shared_preload_libraries", "pg_stat_statements").start();
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        // As application-postgres.yaml sets it: batched inserts (allocations of a dispatch pass) go as one statement.
        dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
        dataSource.setMaximumPoolSize(20);
        return dataSource;
    }
}
