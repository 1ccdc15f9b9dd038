package io.tasklane.runtime.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Serve's view of a run's application, as the driver ({@code tasklane_serve.py}) last wrote it: the
 * application's status and message, the config it applied (by hash), and every replica of every
 * deployment with its state, pid, node and log file.
 */
record ServeStatus(String applicationStatus, String message, String configSha256, String dashboard, String logsDir,
                   int targetReplicas, List<Replica> replicas) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One Serve replica: Serve's id and state (STARTING, RUNNING, STOPPING, ...), pid, node and log file. */
    record Replica(String id, String deployment, String state, Long pid, String nodeIp, String logFile, double startedAt) {

        boolean running() {
            return "RUNNING".equals(state);
        }

        boolean leaving() {
            return "STOPPING".equals(state);
        }
    }

    /** The status file's content; empty while it is not written yet (or is being replaced). */
    static Optional<ServeStatus> read(Path file) {
        try {
            return Optional.of(parse(JSON.readTree(Files.readAllBytes(file))));
        } catch (IOException notYet) {
            return Optional.empty();
        }
    }

    static ServeStatus parse(JsonNode root) {
        JsonNode application = root.path("applications").path(ServeConfig.APPLICATION);
        List<Replica> replicas = new ArrayList<>();
        int target = 0;
        for (JsonNode deployment : application.path("deployments")) {
            target += deployment.path("target_num_replicas").asInt(0);
            for (JsonNode r : deployment.path("replicas")) {
                String logFile = text(r, "log_file_path");
                String logsDir = text(root, "logs_dir");
                replicas.add(new Replica(text(r, "replica_id"), text(deployment, "name"), text(r, "state"),
                        r.hasNonNull("pid") ? r.get("pid").asLong() : null, text(r, "node_ip"),
                        logFile == null || logsDir == null ? null : Path.of(logsDir, logFile).toString(),
                        r.path("start_time_s").asDouble(0)));
            }
        }
        replicas.sort(Comparator.comparingDouble(Replica::startedAt).thenComparing(Replica::id));
        return new ServeStatus(text(application, "status"), text(application, "message"), text(root, "config_sha256"),
                text(root, "dashboard"), text(root, "logs_dir"), target, List.copyOf(replicas));
    }

    boolean failed() {
        return "DEPLOY_FAILED".equals(applicationStatus) || "UNHEALTHY".equals(applicationStatus);
    }

    /** Serving with the config {@code sha256}: the application RUNNING and every deployment at its target. */
    boolean servingConfig(String sha256) {
        return "RUNNING".equals(applicationStatus) && sha256.equals(configSha256) && running() >= targetReplicas;
    }

    long running() {
        return replicas.stream().filter(Replica::running).count();
    }

    long starting() {
        return replicas.stream().filter(r -> !r.running() && !r.leaving()).count();
    }

    /** The replicas that stay (not being stopped), oldest first: what Tasklane's instances show. */
    List<Replica> staying() {
        return replicas.stream().filter(r -> !r.leaving()).toList();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
