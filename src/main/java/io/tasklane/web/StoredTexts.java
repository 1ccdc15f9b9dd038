package io.tasklane.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Reads the sentences the domain writes back into message keys: each pattern's groups are the words' figures in
 * order, except a last group named {@code detail}, which is data; a group that holds a task's state is told with the
 * state's own label ({@code state.<STATE>}, which the message source resolves in the page's language). The patterns mirror the sentences of RunService,
 * ForceStartService, RunOutcomes, ClusterQuotas and Admission; a sentence no pattern knows is shown as stored.
 */
final class StoredTexts {

    /** What a run's reason says (the Task page's runs, the Tasks table's state, the history). */
    static final StoredTexts RUN_REASONS = new StoredTexts(
            "(Completed|ReplicaFailed|StartupTimeout|DeadlineExceeded|DeployFailed|QuotaExceeded)(?:: (?<detail>.*))?", "reason.code.")
            .known("stopped by (\\S+)", "reason.stoppedBy")
            .known("killed to force-start (.+) by (\\S+)", "reason.killedToForceStart")
            .known("stopped", "reason.stopped")
            .known("killed", "reason.killed")
            .known("run (\\S+) started by (\\S+)", "reason.runStartedBy")
            .known("unpinned by (\\S+)", "reason.unpinnedBy")
            .known("GPUs allocated to run (\\S+)", "reason.gpusAllocated")
            .known("all (\\d+) replica\\(s\\) of run (\\S+) are up", "reason.replicasUp")
            .known("copy of (\\S+)", "reason.copyOf")
            .known("pinned to the head of queue (\\S+) by (\\S+)(?: \\(asked by \\S+: (?<detail>.*)\\))?", "reason.pinnedToHead")
            .known("fire at (\\S+) skipped: the task is archived", "reason.fireSkippedArchived")
            .known("fire at (\\S+) skipped: the task is ([A-Z_]+)", "reason.fireSkippedState", 2)
            .known("fire at (\\S+) skipped: (?<detail>.*)", "reason.fireSkipped")
            .known("window (\\S+): replicas (\\d+)\\.\\.(\\d+) asked of run (\\S+)", "reason.windowAsked")
            .known("Completed: all (\\d+) replica\\(s\\) exited with code 0", "reason.Completed.all")
            .known("Completed: the (\\d+) replica\\(s\\) of chief role (\\S+) exited with code 0; the other replicas were stopped",
                    "reason.Completed.chief")
            .known("ReplicaFailed: replica (\\d+) on node (\\S+): (?<detail>.*)", "reason.ReplicaFailed")
            .known("ReplicaFailed: role (\\S+) index (\\d+) \\(replica (\\d+)\\) on node (\\S+): (?<detail>.*)", "reason.ReplicaFailed.role")
            .known("StartupTimeout: the replicas were not ready within (\\S+)", "reason.StartupTimeout")
            .known("DeadlineExceeded: still running at the active deadline (\\S+)", "reason.DeadlineExceeded")
            .known("QuotaExceeded: project (\\S+) holds (\\d+) of its (\\d+) SKUs on cluster (\\S+); this run needs (\\d+)",
                    "reason.QuotaExceeded.holds")
            .known("QuotaExceeded: an earlier run of project (\\S+) waits for the project's quota, and this queue is first in, first out",
                    "reason.QuotaExceeded.fifo");

    /** What a force-start's outcome says (the Queue page, the notice after confirming or rejecting). */
    static final StoredTexts FORCE_START_OUTCOMES = new StoredTexts(null, null)
            .known("confirmed by (\\S+); killing (\\d+) run\\(s\\) to free (\\d+) GPU\\(s\\)", "forceStart.outcome.killing")
            .known("rejected by (\\S+); nothing killed, the pin stays", "forceStart.outcome.rejected")
            .known("task (\\S+) got its GPUs and is starting", "forceStart.outcome.started")
            .known("nothing killed: task (\\S+) got its GPUs and is starting", "forceStart.outcome.startedWithoutKill")
            .known("nothing killed: task (\\S+) was admitted meanwhile; it holds its GPUs and is starting", "forceStart.outcome.admittedMeanwhile")
            .known("nothing killed: task (\\S+) is no longer pinned in the queue", "forceStart.outcome.unpinned")
            .known("nothing to kill: run (\\S+) was already admitted; it holds its GPUs and is starting", "forceStart.outcome.alreadyAdmitted")
            .known("(?:nothing killed: )?the pinned task left the queue before it got its GPUs \\(it is ([A-Z_]+)(?:, not pinned)?\\)",
                    "forceStart.outcome.leftQueue", 1)
            .known("timed out: task (\\S+) did not get its GPUs within (\\S+) of the confirmation; it is still ([A-Z_]+) and pinned, so nothing"
                    + " behind it is admitted(?:; victims not yet ended: (?<detail>.*))?\\. Unpin it, or force-start it again",
                    "forceStart.outcome.timedOut", 3)
            .known("cannot force start: the task needs (\\d+) replica\\(s\\) of (\\d+) SKU\\(s\\), and even with every eligible run killed"
                    + " \\((\\d+) run\\(s\\)(?:; (\\d+) pinned or not yet running are never killed)?\\) the cluster would have (\\d+) free"
                    + " SKU\\(s\\) that do not hold it", "forceStart.outcome.impossible");

    private final Map<Pattern, String> known = new LinkedHashMap<>();
    private final Map<Pattern, Set<Integer>> stateGroups = new HashMap<>();
    private final Pattern code;
    private final String codePrefix;

    /** {@code code}: a sentence that starts with a code whose words are {@code codePrefix + code} and whose rest is data. */
    private StoredTexts(String code, String codePrefix) {
        this.code = code == null ? null : Pattern.compile(code, Pattern.DOTALL);
        this.codePrefix = codePrefix;
    }

    /** {@code states}: the groups (from 1) that hold a task's state. */
    private StoredTexts known(String regex, String key, Integer... states) {
        Pattern pattern = Pattern.compile(regex, Pattern.DOTALL);
        known.put(pattern, key);
        stateGroups.put(pattern, Set.of(states));
        return this;
    }

    /** What {@code stored} says; null for no text. */
    StoredText read(String stored) {
        if (stored == null || stored.isBlank()) {
            return null;
        }
        for (Map.Entry<Pattern, String> entry : known.entrySet()) {
            Matcher m = entry.getKey().matcher(stored);
            if (m.matches()) {
                return told(entry.getValue(), m, stateGroups.get(entry.getKey()), stored);
            }
        }
        Matcher coded = code == null ? null : code.matcher(stored);
        if (coded != null && coded.matches()) {
            return new StoredText(codePrefix + coded.group(1), new Object[0], coded.group("detail"), stored);
        }
        return new StoredText(null, new Object[0], null, stored);
    }

    private static StoredText told(String key, Matcher m, Set<Integer> states, String stored) {
        boolean hasDetail = m.pattern().pattern().contains("(?<detail>");
        int figures = m.groupCount() - (hasDetail ? 1 : 0);
        Object[] arguments = new Object[figures];
        for (int i = 0; i < figures; i++) {
            String figure = m.group(i + 1);
            arguments[i] = states.contains(i + 1) && figure != null ? new DefaultMessageSourceResolvable("state." + figure) : figure;
        }
        return new StoredText(key, arguments, hasDetail ? m.group("detail") : null, stored);
    }
}
