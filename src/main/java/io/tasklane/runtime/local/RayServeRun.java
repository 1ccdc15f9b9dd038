package io.tasklane.runtime.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

import io.tasklane.common.RunId;
import io.tasklane.runtime.InstanceListener;

/**
 * One Ray Serve run on this host: its Ray head (the driver process, {@code tasklane_serve.py}, which
 * starts Ray and Serve and deploys the run's application), the Serve config it deploys, and the status
 * it writes. Tasklane's instances of the run are its replica slots (one per allocation, with its GPUs);
 * Serve's replicas are shown on them oldest first. It reports to the run's listener: ready once Serve
 * serves the current config, failed when Serve says DEPLOY_FAILED or UNHEALTHY, exited when the head ends.
 */
final class RayServeRun {

    static final String CONFIG_FILE = "serve-config.json";
    static final String STATUS_FILE = "serve-status.json";
    static final String HEAD_LOG = "ray-head.log";
    static final String HEAD_EXIT = "ray-head.exit";

    final RunId runId;
    final ReplicaProcess head;
    final Path runDir;
    final int dashboardPort;
    /** The replica slots the run has now: a grow adds some, a shrink takes some away. */
    final Set<Integer> slots = new ConcurrentSkipListSet<>();
    private final Set<Integer> reportedReady = ConcurrentHashMap.newKeySet();
    private final Map<Integer, String> shown = new ConcurrentHashMap<>();
    private volatile String configSha256;
    private volatile boolean failureReported;
    volatile InstanceListener listener;

    RayServeRun(RunId runId, ReplicaProcess head, Path runDir, int dashboardPort) {
        this.runId = runId;
        this.head = head;
        this.runDir = runDir;
        this.dashboardPort = dashboardPort;
        this.configSha256 = readConfigSha();
    }

    /** Whether {@code runDir} holds a Ray Serve run (its config), e.g. for a replica adopted after a restart. */
    static boolean isRayServeRun(Path runDir) {
        return Files.isRegularFile(runDir.resolve(CONFIG_FILE));
    }

    /** Writes the config the head deploys, atomically; the head deploys it again within a second (a resize). */
    static String writeConfig(Path runDir, ServeConfig config) throws IOException {
        String json = config.toJson();
        Path tmp = runDir.resolve(CONFIG_FILE + ".tmp");
        Files.writeString(tmp, json, StandardCharsets.UTF_8);
        Files.move(tmp, runDir.resolve(CONFIG_FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return sha256(json);
    }

    void configWritten(String sha256) {
        this.configSha256 = sha256;
        reportedReady.clear(); // ready again only once Serve serves the new config
    }

    java.util.Optional<ServeStatus> status() {
        return ServeStatus.read(runDir.resolve(STATUS_FILE));
    }

    /**
     * Reads Serve's status and tells the listener what changed. Called on the runtime's probe thread.
     * Returns true when it has just reported the application failed.
     */
    boolean poll() {
        InstanceListener to = listener;
        if (to == null || head.stopping || failureReported) {
            return false;
        }
        ServeStatus status = status().orElse(null);
        if (status == null) {
            return false;
        }
        List<Integer> live = List.copyOf(slots);
        if (status.failed() && configSha256.equals(status.configSha256())) {
            failureReported = true;
            String reason = "Ray Serve application " + status.applicationStatus()
                    + (status.message() == null || status.message().isBlank() ? "" : ": " + abbreviate(status.message().strip()));
            live.forEach(index -> to.failed(runId, index, null, reason));
            return true;
        }
        showReplicas(to, live, status);
        if (status.servingConfig(configSha256)) {
            for (int index : live) {
                if (reportedReady.add(index)) {
                    to.ready(runId, index);
                }
            }
        }
        return false;
    }

    /** Puts Serve's replicas on the slots, oldest first: what each one is and where its log is. */
    private void showReplicas(InstanceListener to, List<Integer> live, ServeStatus status) {
        List<ServeStatus.Replica> replicas = status.staying();
        for (int i = 0; i < live.size(); i++) {
            int index = live.get(i);
            String note;
            String log;
            if (i < replicas.size()) {
                ServeStatus.Replica r = replicas.get(i);
                note = "Serve replica " + r.id() + " of " + r.deployment() + ": " + r.state() + " (pid " + r.pid() + ", node "
                        + r.nodeIp() + ")";
                log = r.logFile();
            } else {
                note = "no Serve replica on this slot (" + status.running() + " running, " + status.starting() + " starting, "
                        + status.targetReplicas() + " wanted)";
                log = runDir.resolve(HEAD_LOG).toString();
            }
            String key = note + "|" + log;
            if (!key.equals(shown.put(index, key))) {
                to.serving(runId, index, note, log);
            }
        }
    }

    /** The head ended on its own: every slot of the run ended with it. */
    void headExited(Integer exitCode) {
        InstanceListener to = listener;
        if (to == null || head.stopping) {
            return;
        }
        String message = "the Ray head (Serve driver, pid " + head.handle.pid() + ") ended"
                + (exitCode == null ? " without an exit status (killed by a signal?)" : " with code " + exitCode)
                + "; see " + runDir.resolve(HEAD_LOG);
        List.copyOf(slots).forEach(index -> to.exited(runId, index, exitCode, message));
    }

    /**
     * Serve's message fitted into an instance's message and a run's reason: a traceback keeps its start
     * and its end, where Python names the error.
     */
    static String abbreviate(String message) {
        int max = 1500;
        if (message.length() <= max) {
            return message;
        }
        return message.substring(0, 300) + "\n[...]\n" + message.substring(message.length() - (max - 310));
    }

    private String readConfigSha() {
        try {
            return sha256(Files.readString(runDir.resolve(CONFIG_FILE), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return "";
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
