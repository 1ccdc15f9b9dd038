package io.tasklane.runtime.kubernetes;

import io.tasklane.common.RunId;
import io.tasklane.task.RunService;
import io.tasklane.task.TaskService;
import io.tasklane.task.TaskSpec;
import org.springframework.stereotype.Component;

/** Where a run's objects live: the configured namespace, or its project's own. */
@Component
class Namespaces {

    private final KubernetesRuntimeProperties properties;
    private final RunService runs;
    private final TaskService tasks;

    Namespaces(KubernetesRuntimeProperties properties, RunService runs, TaskService tasks) {
        this.properties = properties;
        this.runs = runs;
        this.tasks = tasks;
    }

    String ofProject(String project) {
        return properties.namespacePerProject() ? properties.namespacePrefix() + project : properties.namespace();
    }

    /** The spec the run was launched with: a task cannot be edited while a run of it is active. */
    TaskSpec specOfRun(String runId) {
        return tasks.specOf(runs.get(new RunId(runId)).taskId());
    }

    String ofRun(String runId) {
        return properties.namespacePerProject() ? ofProject(specOfRun(runId).project()) : properties.namespace();
    }
}
