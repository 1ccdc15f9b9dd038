package io.tasklane.workflow;

import java.util.Map;
import java.util.Optional;

import io.tasklane.common.ConflictException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** The admins' user tasks (review, confirmation) of a process instance, found by business key. */
@Component
class UserTasks {

    private final TaskService taskService;

    UserTasks(TaskService taskService) {
        this.taskService = taskService;
    }

    Optional<Task> open(String processKey, String businessKey, String taskKey) {
        return taskService.createTaskQuery().processDefinitionKey(processKey).processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(taskKey).list().stream().findFirst();
    }

    /**
     * Completes the task as {@code userId} would in Tasklist: claimed for them, then completed. False if none is
     * open. If the process moved meanwhile (a boundary event, such as the pinned task leaving the queue during
     * a confirmation, ended the task in another transaction), the caller is told to read it again (409);
     * their transaction, and everything it did, rolls back.
     */
    boolean complete(String processKey, String businessKey, String taskKey, String userId, Map<String, Object> variables) {
        Optional<Task> task = open(processKey, businessKey, taskKey);
        try {
            task.ifPresent(t -> {
                taskService.setAssignee(t.getId(), userId);
                taskService.complete(t.getId(), variables);
            });
        } catch (ProcessEngineException failed) {
            // Two faces of one race: the same rows changed (optimistic lock), or the process ended under the
            // completion (its instance read gone). Anything else, with the task still open, is a real failure.
            if (!(failed instanceof OptimisticLockingException) && open(processKey, businessKey, taskKey).isPresent()) {
                throw failed;
            }
            throw new ConflictException("state", "concurrent-change", processKey + " " + businessKey
                    + " changed while the decision was being recorded; nothing was done: read it again and decide again", businessKey);
        }
        return task.isPresent();
    }
}
