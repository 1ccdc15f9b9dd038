package io.tasklane.workflow;

import java.util.Map;
import java.util.Optional;

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

    /** Completes the task as {@code userId} would in Tasklist: claimed for them, then completed. False if none is open. */
    boolean complete(String processKey, String businessKey, String taskKey, String userId, Map<String, Object> variables) {
        Optional<Task> task = open(processKey, businessKey, taskKey);
        task.ifPresent(t -> {
            taskService.setAssignee(t.getId(), userId);
            taskService.complete(t.getId(), variables);
        });
        return task.isPresent();
    }
}
