package io.tasklane.runtime.kubernetes;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Names and labels of the objects Tasklane creates. The reconcile loop finds its objects by these
 * labels alone, so it needs no watch and no memory across restarts.
 */
final class TasklaneLabels {

    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String TASKLANE = "tasklane";
    static final String TASK = "tasklane.io/task";
    static final String RUN = "tasklane.io/run";
    static final String REPLICA = "tasklane.io/replica";
    /** A replica's role: a Ray pod's ({@code ray-head}, {@code ray-worker}) or a distributed job's ({@code worker}...). */
    static final String ROLE = "tasklane.io/role";
    /** A distributed job's replica's index within its role. */
    static final String ROLE_INDEX = "tasklane.io/role-index";
    /** Nodes carrying this label make up the virtual cluster it names. */
    static final String VIRTUAL_CLUSTER = "tasklane.io/virtual-cluster";
    static final String GPU = "nvidia.com/gpu";

    /** Selects the replica pods Tasklane created itself (not the pods KubeRay makes for a RayService). */
    static final String REPLICA_PODS = MANAGED_BY + "=" + TASKLANE + "," + REPLICA;
    /** Selects every top-level object Tasklane created. */
    static final String MANAGED = MANAGED_BY + "=" + TASKLANE;

    private TasklaneLabels() {
    }

    /** A run's id is "r" and 12 lower-case letters or digits, so these are valid DNS labels. */
    static String podName(String runId, int index) {
        return "tl-" + runId + "-" + index;
    }

    static String runObjectName(String runId) {
        return "tl-" + runId;
    }

    static Map<String, String> ofRun(String taskId, String runId) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(MANAGED_BY, TASKLANE);
        labels.put(TASK, taskId);
        labels.put(RUN, runId);
        return labels;
    }

    static Map<String, String> ofReplica(String taskId, String runId, int index) {
        Map<String, String> labels = ofRun(taskId, runId);
        labels.put(REPLICA, String.valueOf(index));
        return labels;
    }

    static String runSelector(String runId) {
        return MANAGED + "," + RUN + "=" + runId;
    }
}
