package io.tasklane.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One role of a distributed job ({@code master}, {@code worker}, {@code ps}...): its replicas, the SKUs each
 * holds, and what it runs when that differs from the task. A command given here replaces the task's command
 * and args; args alone replace the task's args; env is added to the task's env (a role's value wins).
 */
public record TaskRole(String name, Integer replicas, Integer skuPerReplica, List<String> command, List<String> args,
                       Map<String, String> env) {

    /** The same role with defaults where nothing was given. */
    TaskRole withDefaults() {
        return new TaskRole(name, replicas == null ? 1 : replicas, skuPerReplica == null ? 1 : skuPerReplica, command, args,
                env == null ? Map.of() : new LinkedHashMap<>(env));
    }

    /** SKUs all replicas of this role hold at once. */
    long totalSkus() {
        return (long) replicas * skuPerReplica;
    }
}
