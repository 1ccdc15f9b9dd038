package io.tasklane.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tasklane.common.ClusterName;
import io.tasklane.common.RunId;
import io.tasklane.security.Caller;
import io.tasklane.security.ProjectService;
import org.springframework.stereotype.Service;

/** The queue of a cluster as people see it: waiting runs in the order they will be admitted. */
@Service
public class QueueService {

    private final QueueRepository queue;
    private final ProjectService projects;

    QueueService(QueueRepository queue, ProjectService projects) {
        this.queue = queue;
        this.projects = projects;
    }

    /** The cluster's queue as {@code caller} may see it: every place, but only their own projects' task names. */
    public List<QueueLine> lines(Caller caller, ClusterName cluster) {
        // The caller's projects once, not a membership query per line: a queue may be thousands long.
        java.util.function.Predicate<String> visible = visibleTo(caller);
        return lines(cluster).stream()
                .map(line -> visible.test(line.project()) ? line : line.hidingTask())
                .toList();
    }

    /** The runs holding GPUs on the cluster, as {@code caller} may see them (other projects' task names hidden). */
    public List<HoldingRun> holding(Caller caller, ClusterName cluster) {
        java.util.function.Predicate<String> visible = visibleTo(caller);
        return queue.holding(cluster).stream()
                .map(run -> visible.test(run.project()) ? run : run.hidingTask())
                .toList();
    }

    private java.util.function.Predicate<String> visibleTo(Caller caller) {
        return projects.visibleProjects(caller).<java.util.function.Predicate<String>>map(names -> names::contains)
                .orElse(project -> true);
    }

    List<QueueLine> lines(ClusterName cluster) {
        Map<String, String[]> labels = queue.labels(cluster);
        List<QueueEntry> ordered = queue.waiting(cluster).stream().sorted(QueueOrder.ORDER).toList();
        List<QueueLine> lines = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            QueueEntry entry = ordered.get(i);
            String[] label = labels.getOrDefault(entry.runId().value(), new String[] {null, null, null});
            lines.add(new QueueLine(i + 1, entry, label[0], label[1], label[2]));
        }
        return lines;
    }

    /**
     * The 1-based places of those of {@code runIds} that wait in the cluster's queue, without the tasks' names: a page
     * of tasks asks for a few places in a long queue. The database numbers the queue; only the places asked for come back.
     */
    public Map<RunId, Integer> positionsOf(ClusterName cluster, java.util.Collection<RunId> runIds) {
        Map<RunId, Integer> positions = new java.util.HashMap<>();
        if (runIds.isEmpty()) {
            return positions;
        }
        // The pinned run (one at most, usually none) goes first; the database numbers the rest in queue order.
        List<QueueEntry> pinned = queue.pinned(cluster).stream().sorted(QueueOrder.ORDER).toList();
        java.util.Set<RunId> wanted = new java.util.HashSet<>(runIds);
        for (int i = 0; i < pinned.size(); i++) {
            if (wanted.remove(pinned.get(i).runId())) {
                positions.put(pinned.get(i).runId(), i + 1);
            }
        }
        if (!wanted.isEmpty()) {
            queue.placesAfterPinned(cluster, wanted, pinned.stream().map(QueueEntry::runId).toList())
                    .forEach((run, place) -> positions.put(run, pinned.size() + place));
        }
        return positions;
    }

    /** How many runs wait in the queue of each cluster (one grouped count); a cluster with none is absent. */
    public Map<ClusterName, Long> waitingPerCluster() {
        return queue.waitingPerCluster();
    }

    /** The 1-based place of the run in its cluster's queue, while it waits. */
    public Optional<Integer> positionOf(ClusterName cluster, RunId runId) {
        return Optional.ofNullable(positionsOf(cluster, List.of(runId)).get(runId));
    }
}
