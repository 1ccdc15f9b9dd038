package io.tasklane.task;

import io.tasklane.common.RunId;
import io.tasklane.common.TaskId;
import org.jmolecules.event.annotation.DomainEvent;

/**
 * A pinned task left the head of its queue: admitted ({@code now} = STARTING), stopped while waiting, or
 * unpinned by an admin ({@code now} = QUEUED). Published in the transaction that ends the pin.
 */
@DomainEvent
public record PinEnded(TaskId taskId, RunId runId, TaskState now) {

    public boolean admitted() {
        return now == TaskState.STARTING;
    }
}
