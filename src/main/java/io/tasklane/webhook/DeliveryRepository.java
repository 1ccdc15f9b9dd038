package io.tasklane.webhook;

import static io.tasklane.common.SqlTimes.utc;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox, {@code tasklane.webhook_delivery}: what is to be sent, what was, and how each attempt went. */
@Repository
class DeliveryRepository {

    /** A delivery claimed for one attempt, with what sending it needs. */
    record Due(long id, String webhookId, String eventType, String url, String secret, String body, int attempts) {
    }

    private final JdbcClient jdbc;

    DeliveryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the notice for the webhook unless it is there already (the same key); true if added. */
    boolean enqueue(String webhookId, Notice notice, String body, Instant now) {
        return jdbc.sql("""
                insert into tasklane.webhook_delivery (webhook_id, event_key, event_type, body, state, attempts, next_attempt_at, created_at)
                select ?, ?, ?, ?, 'PENDING', 0, ?, ? where not exists
                  (select 1 from tasklane.webhook_delivery where webhook_id = ? and event_key = ?)""")
                .params(webhookId, notice.key(), notice.type().name(), body, utc(now), utc(now), webhookId, notice.key())
                .update() > 0;
    }

    /**
     * Claims up to {@code limit} pending deliveries that are due, for {@code claimFor}: another instance (or a pass
     * after a crash) takes one only once its claim has lapsed.
     */
    List<Due> claimDue(Instant now, Duration claimFor, int limit) {
        List<Long> candidates = jdbc.sql("""
                select id from tasklane.webhook_delivery where state = 'PENDING' and next_attempt_at <= ?
                  and (claimed_until is null or claimed_until < ?) order by next_attempt_at, id fetch first ? rows only""")
                .params(utc(now), utc(now), limit * 4).query(Long.class).list();
        List<Due> claimed = new ArrayList<>();
        for (Long id : candidates) {
            if (claimed.size() == limit) {
                break;
            }
            int taken = jdbc.sql("update tasklane.webhook_delivery set claimed_until = ? where id = ? and state = 'PENDING'"
                    + " and (claimed_until is null or claimed_until < ?)").params(utc(now.plus(claimFor)), id, utc(now)).update();
            if (taken == 1) {
                jdbc.sql("""
                        select d.id, d.webhook_id, d.event_type, w.url, w.secret, d.body, d.attempts
                        from tasklane.webhook_delivery d join tasklane.webhook w on w.id = d.webhook_id where d.id = ?""").param(id)
                        .query((rs, i) -> new Due(rs.getLong("id"), rs.getString("webhook_id"), rs.getString("event_type"),
                                rs.getString("url"), rs.getString("secret"), rs.getString("body"), rs.getInt("attempts")))
                        .optional().ifPresent(claimed::add);
            }
        }
        return claimed;
    }

    void delivered(long id, int attempts, int status, Instant at) {
        jdbc.sql("""
                update tasklane.webhook_delivery set state = 'DELIVERED', attempts = ?, last_status = ?, last_error = null,
                  last_attempt_at = ?, delivered_at = ?, next_attempt_at = null, claimed_until = null where id = ?""")
                .params(attempts, status, utc(at), utc(at), id).update();
    }

    /** A failed attempt: tried again at {@code nextAttemptAt}, or FAILED for good when it is null. */
    void failed(long id, int attempts, Integer status, String error, Instant at, Instant nextAttemptAt) {
        jdbc.sql("""
                update tasklane.webhook_delivery set state = ?, attempts = ?, last_status = ?, last_error = ?, last_attempt_at = ?,
                  next_attempt_at = ?, claimed_until = null where id = ?""")
                .params(nextAttemptAt == null ? WebhookDelivery.FAILED : WebhookDelivery.PENDING, attempts, status,
                        error == null ? null : error.substring(0, Math.min(error.length(), 1000)), utc(at),
                        nextAttemptAt == null ? null : utc(nextAttemptAt), id)
                .update();
    }

    /** The webhook's deliveries, newest first. */
    List<WebhookDelivery> ofWebhook(String webhookId, int offset, int limit) {
        return jdbc.sql("select * from tasklane.webhook_delivery where webhook_id = ? order by created_at desc, id desc offset ? rows fetch next ? rows only")
                .params(webhookId, offset, limit)
                .query((rs, i) -> new WebhookDelivery(rs.getLong("id"), rs.getString("webhook_id"), rs.getString("event_type"),
                        rs.getString("event_key"), rs.getString("state"), rs.getInt("attempts"), (Integer) rs.getObject("last_status", Integer.class),
                        rs.getString("last_error"), instant(rs, "created_at"), instant(rs, "last_attempt_at"),
                        instant(rs, "next_attempt_at"), instant(rs, "delivered_at")))
                .list();
    }

    long countOfWebhook(String webhookId) {
        return jdbc.sql("select count(*) from tasklane.webhook_delivery where webhook_id = ?").param(webhookId).query(Long.class).single();
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
