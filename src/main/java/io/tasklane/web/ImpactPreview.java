package io.tasklane.web;

import java.util.List;

import io.tasklane.common.AddressedIds;
import io.tasklane.common.ClusterName;
import io.tasklane.common.NotFoundException;
import io.tasklane.preemption.ForceStartService;
import io.tasklane.queue.QueueLine;
import io.tasklane.queue.QueueService;
import io.tasklane.security.Caller;
import io.tasklane.task.Task;
import io.tasklane.task.TaskService;
import io.tasklane.web.QueueBoard.VictimLine;
import org.springframework.stereotype.Component;

/**
 * What pinning a queued task would do, shown before an admin confirms it: the waiting runs it goes ahead of (they
 * wait longer), how many wait behind it (nothing behind a pinned task starts while it does not fit), and the runs a
 * force-start of it would kill now, with their owners.
 */
@Component
class ImpactPreview {

    private final TaskService tasks;
    private final QueueService queues;
    private final ForceStartService forceStarts;

    ImpactPreview(TaskService tasks, QueueService queues, ForceStartService forceStarts) {
        this.tasks = tasks;
        this.queues = queues;
        this.forceStarts = forceStarts;
    }

    /** Admins only (403 otherwise); 409 unless the task waits in its queue. */
    Impact of(Caller caller, String id) {
        Task task = tasks.get(caller, AddressedIds.task(id));
        ForceStartService.Preview kills = forceStarts.preview(caller, task.id());
        List<QueueLine> lines = queues.lines(caller, new ClusterName(task.cluster().value()));
        QueueLine own = QueueLine.ofTask(lines, task.id())
                .orElseThrow(() -> new NotFoundException("queued run of task", id));
        List<Delayed> delayed = lines.subList(0, own.position() - 1).stream()
                .map(line -> new Delayed(line.position(), line.entry().taskId().value(), line.taskName(), line.owner(),
                        line.entry().isGrow()))
                .toList();
        List<VictimLine> victims = kills.victims().stream()
                .map(v -> new VictimLine(v.taskId().value(), v.taskName(), v.owner(), v.project(), v.gpus(), String.join(", ", v.nodes()),
                        v.priority()))
                .toList();
        return new Impact(task.id().value(), task.spec().name(), task.cluster().value(), own.position(), task.pinned(), delayed,
                lines.size() - own.position(), victims, StoredTexts.FORCE_START_OUTCOMES.read(kills.impossible()));
    }

    /**
     * The impact of pinning (and then force-starting) one task: {@code delayed} are the runs it goes ahead of,
     * {@code behind} how many wait behind it; {@code victims} what a force-start would kill, or {@code impossible} why
     * no kill makes room.
     */
    public record Impact(String taskId, String taskName, String cluster, int position, boolean pinned, List<Delayed> delayed,
                         int behind, List<VictimLine> victims, StoredText impossible) {
    }

    /** A waiting run the pin goes ahead of; task and owner are null for another project's run. */
    public record Delayed(int position, String taskId, String taskName, String owner, boolean grow) {
    }
}
