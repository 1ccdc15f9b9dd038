package io.tasklane.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A run's stored reason as the console tells it: the message key of its code and the figures the words need, plus
 * the particulars that are data (a replica's exit message, the runtime's deploy error) shown under it as they are.
 * {@code key} is null for a text no pattern knows (an integrator's own reason): the console then shows the text.
 * The stored text stays the API's; only the console reads it back into words.
 */
public record RunReason(String key, Object[] arguments, String detail, String stored) {

    // The sentences the domain writes (RunService, ForceStartService, RunOutcomes, ClusterQuotas, Admission),
    // most particular first; each group becomes one argument, except a group named "detail", which is data.
    private static final Map<Pattern, String> KNOWN = new LinkedHashMap<>();

    static {
        known("stopped by (\\S+)", "reason.stoppedBy");
        known("killed to force-start (.+) by (\\S+)", "reason.killedToForceStart");
        known("stopped", "reason.stopped");
        known("killed", "reason.killed");
        known("run (\\S+) started by (\\S+)", "reason.runStartedBy");
        known("unpinned by (\\S+)", "reason.unpinnedBy");
        known("Completed: all (\\d+) replica\\(s\\) exited with code 0", "reason.Completed.all");
        known("Completed: the (\\d+) replica\\(s\\) of chief role (\\S+) exited with code 0; the other replicas were stopped",
                "reason.Completed.chief");
        known("ReplicaFailed: replica (\\d+) on node (\\S+): (?<detail>.*)", "reason.ReplicaFailed");
        known("ReplicaFailed: role (\\S+) index (\\d+) \\(replica (\\d+)\\) on node (\\S+): (?<detail>.*)", "reason.ReplicaFailed.role");
        known("StartupTimeout: the replicas were not ready within (\\S+)", "reason.StartupTimeout");
        known("DeadlineExceeded: still running at the active deadline (\\S+)", "reason.DeadlineExceeded");
        known("QuotaExceeded: project (\\S+) holds (\\d+) of its (\\d+) SKUs on cluster (\\S+); this run needs (\\d+)",
                "reason.QuotaExceeded.holds");
        known("QuotaExceeded: an earlier run of project (\\S+) waits for the project's quota, and this queue is first in, first out",
                "reason.QuotaExceeded.fifo");
    }

    /** A code the domain writes first ("DeployFailed: ..."), whose particulars are data. */
    private static final Pattern CODE = Pattern.compile("(Completed|ReplicaFailed|StartupTimeout|DeadlineExceeded|DeployFailed|QuotaExceeded)"
            + "(?:: (?<detail>.*))?", Pattern.DOTALL);

    private static void known(String regex, String key) {
        KNOWN.put(Pattern.compile(regex, Pattern.DOTALL), key);
    }

    /** The reason {@code stored} says; null for no reason. */
    static RunReason read(String stored) {
        if (stored == null || stored.isBlank()) {
            return null;
        }
        for (Map.Entry<Pattern, String> known : KNOWN.entrySet()) {
            Matcher m = known.getKey().matcher(stored);
            if (m.matches()) {
                return told(known.getValue(), m, stored);
            }
        }
        Matcher code = CODE.matcher(stored);
        if (code.matches()) {
            return new RunReason("reason.code." + code.group(1), new Object[0], code.group("detail"), stored);
        }
        return new RunReason(null, new Object[0], null, stored);
    }

    private static RunReason told(String key, Matcher m, String stored) {
        boolean hasDetail = m.pattern().pattern().contains("(?<detail>");
        int figures = m.groupCount() - (hasDetail ? 1 : 0);
        Object[] arguments = new Object[figures];
        for (int i = 0; i < figures; i++) {
            arguments[i] = m.group(i + 1);
        }
        return new RunReason(key, arguments, hasDetail ? m.group("detail") : null, stored);
    }
}
