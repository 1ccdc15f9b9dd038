package io.tasklane.common;

import org.springframework.stereotype.Component;

/**
 * The clause that locks a row for the rest of the transaction. On PostgreSQL it is {@code FOR NO KEY
 * UPDATE}: it serializes Tasklane's writers of the row just as well, but unlike {@code FOR UPDATE} it
 * does not block the key-share locks PostgreSQL takes to check foreign keys. With {@code FOR UPDATE}
 * every new run (its row references the cluster and the task) waited for the cluster's dispatch pass
 * to commit, and every start of a task for the task's own lock holder. H2 has only {@code FOR UPDATE}.
 */
@Component
public class RowLocks {

    private final String lock;

    RowLocks(SqlDialect dialect) {
        this.lock = dialect.isPostgres() ? "for no key update" : "for update";
    }

    /** Appended to a select: lock the rows read, waiting for anyone holding them. */
    public String forUpdate() {
        return lock;
    }

    /** Appended to a select: lock the rows read that nobody holds; skip the others. */
    public String forUpdateSkipLocked() {
        return lock + " skip locked";
    }
}
