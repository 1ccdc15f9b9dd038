package io.tasklane.webhook;

import static io.tasklane.common.SqlTimes.utc;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Webhooks in {@code tasklane.webhook}; events are stored comma-separated (a handful per webhook). */
@Repository
class WebhookRepository {

    /** A webhook with the secret it signs with; the secret never leaves this module after creation. */
    record Signing(Webhook webhook, String secret) {
    }

    private final JdbcClient jdbc;

    WebhookRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Webhook webhook, String secret) {
        jdbc.sql("""
                insert into tasklane.webhook (id, project, url, events, format, secret, wait_threshold_seconds, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(webhook.id(), webhook.project(), webhook.url(),
                        webhook.events().stream().map(Enum::name).sorted().collect(Collectors.joining(",")), webhook.format().name(),
                        secret, webhook.waitThreshold() == null ? null : webhook.waitThreshold().toSeconds(), utc(webhook.createdAt()),
                        webhook.createdBy())
                .update();
    }

    List<Webhook> ofProject(String project) {
        return jdbc.sql("select * from tasklane.webhook where project = ? order by created_at, id").param(project)
                .query((rs, i) -> map(rs).webhook()).list();
    }

    Optional<Signing> find(String id) {
        return jdbc.sql("select * from tasklane.webhook where id = ?").param(id).query((rs, i) -> map(rs)).optional();
    }

    /** The project's webhooks told about {@code event}, with their secrets. */
    /** True when any project has a webhook: the cheap question asked at every run's end. */
    boolean anyExist() {
        return jdbc.sql("select count(*) from tasklane.webhook").query(Long.class).single() > 0;
    }

    List<Signing> subscribedTo(String project, WebhookEvent event) {
        return jdbc.sql("select * from tasklane.webhook where project = ?").param(project).query((rs, i) -> map(rs)).list()
                .stream().filter(s -> s.webhook().events().contains(event)).toList();
    }

    /** Every webhook told about runs waiting long, for the periodic scan. */
    List<Signing> waitingWatchers() {
        return jdbc.sql("select * from tasklane.webhook where wait_threshold_seconds is not null").query((rs, i) -> map(rs)).list()
                .stream().filter(s -> s.webhook().events().contains(WebhookEvent.RUN_WAITING_LONG)).toList();
    }

    boolean delete(String id) {
        return jdbc.sql("delete from tasklane.webhook where id = ?").param(id).update() > 0;
    }

    private static Signing map(java.sql.ResultSet rs) throws java.sql.SQLException {
        long threshold = rs.getLong("wait_threshold_seconds");
        Duration waitThreshold = rs.wasNull() ? null : Duration.ofSeconds(threshold);
        Webhook webhook = new Webhook(rs.getString("id"), rs.getString("project"), rs.getString("url"),
                Arrays.stream(rs.getString("events").split(",")).map(WebhookEvent::valueOf).collect(Collectors.toSet()),
                WebhookFormat.valueOf(rs.getString("format")), waitThreshold,
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by"));
        return new Signing(webhook, rs.getString("secret"));
    }
}
