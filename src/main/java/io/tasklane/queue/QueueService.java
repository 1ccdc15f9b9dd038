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

    /** What a read of places asks for per round trip, as if that many SKUs were free (see the repository). */
    private static final int PLACES_FETCH = 256;

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
     * The 1-based places of those of {@code runIds} that wait in the cluster's queue, reading the queue in order only
     * as far as the last of them, and without the tasks' names: a page of tasks asks for a few places in a long queue.
     */
    public Map<RunId, Integer> positionsOf(ClusterName cluster, java.util.Collection<RunId> runIds) {
        java.util.Set<RunId> wanted = new java.util.HashSet<>(runIds);
        Map<RunId, Integer> positions = new java.util.HashMap<>();
        List<QueueEntry> pinned = queue.pinned(cluster).stream().sorted(QueueOrder.ORDER).toList();
        int place = 0;
        for (QueueEntry entry : pinned) {
            place++;
            if (wanted.remove(entry.runId())) {
                positions.put(entry.runId(), place);
            }
        }
        if (wanted.isEmpty()) {
            return positions;
        }
        java.util.Set<RunId> pinnedRuns = pinned.stream().map(QueueEntry::runId).collect(java.util.stream.Collectors.toSet());
        try (java.util.stream.Stream<QueueEntry> rest = queue.inOrderIgnoringPins(cluster, PLACES_FETCH)) {
            java.util.Iterator<QueueEntry> entries = rest.iterator();
            while (!wanted.isEmpty() && entries.hasNext()) {
                QueueEntry entry = entries.next();
                if (!pinnedRuns.contains(entry.runId()) && wanted.remove(entry.runId())) {
                    positions.put(entry.runId(), place + 1);
                }
                if (!pinnedRuns.contains(entry.runId())) {
                    place++;
                }
            }
        }
        return positions;
    }

    /** The 1-based place of the run in its cluster's queue, while it waits. */
    public Optional<Integer> positionOf(ClusterName cluster, RunId runId) {
        List<QueueEntry> ordered = queue.waiting(cluster).stream().sorted(QueueOrder.ORDER).toList();
        Map<RunId, Integer> positions = new java.util.HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            positions.put(ordered.get(i).runId(), i + 1);
        }
        return Optional.ofNullable(positions.get(runId));
    }
}
