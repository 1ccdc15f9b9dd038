package io.tasklane.runtime.kubernetes;

import java.util.HashMap;
import java.util.Map;

import io.tasklane.capacity.ClusterService;
import io.tasklane.common.ClusterName;
import io.tasklane.common.RunId;
import io.tasklane.runtime.Deployments;
import io.tasklane.task.RunRepository;
import io.tasklane.task.TaskRun;
import io.tasklane.task.TaskState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Several Tasklane instances share one database, and any of them may have launched a run. Each reconcile
 * pass adopts the live runs on kubernetes clusters that this instance does not watch yet, so a run keeps
 * being reported on when the instance that launched it is gone. Reports are idempotent in the database,
 * so two instances watching one run do no harm.
 */
@Component
class SharedRunAdoption {

    private static final Logger log = LoggerFactory.getLogger(SharedRunAdoption.class);

    private final RunRepository runs;
    private final ClusterService clusters;
    private final Deployments deployments;
    private final WatchedRuns watched;

    SharedRunAdoption(RunRepository runs, ClusterService clusters, Deployments deployments, WatchedRuns watched) {
        this.runs = runs;
        this.clusters = clusters;
        this.deployments = deployments;
        this.watched = watched;
    }

    void adoptUnwatched() {
        Map<ClusterName, Boolean> onKubernetes = new HashMap<>();
        for (TaskRun run : runs.findDeployedNotStopping()) {
            if (watched.isWatched(run.id().value())
                    || !onKubernetes.computeIfAbsent(run.cluster(), c -> KubernetesRuntime.KIND.equals(clusters.runtimeOf(c)))) {
                continue;
            }
            if (deployments.instancesOf(run.id()).stream().anyMatch(i -> !i.state().isOver())) {
                log.info("Watching run {} on cluster {}: launched or adopted by another Tasklane instance", run.id(), run.cluster());
                deployments.recover(run);
            }
        }
    }

    /** True when the run's objects going away is Tasklane's own doing: it is stopping, over, or failing already. */
    boolean isBeingTornDown(String runId) {
        return runs.findById(new RunId(runId))
                .map(run -> run.isOver() || run.state() == TaskState.STOPPING || run.stopRequested()
                        || deployments.instancesOf(run.id()).stream().anyMatch(i -> i.state().isOver()))
                .orElse(true);
    }
}
