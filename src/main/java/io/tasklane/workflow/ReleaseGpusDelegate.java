package io.tasklane.workflow;

import io.tasklane.queue.GpuRelease;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Release GPUs" (compensates "Allocate GPUs"): frees the run's GPUs and lets the queue move. */
@Component("releaseGpus")
class ReleaseGpusDelegate implements JavaDelegate {

    private final GpuRelease release;

    ReleaseGpusDelegate(GpuRelease release) {
        this.release = release;
    }

    @Override
    public void execute(DelegateExecution execution) {
        release.release(RunIds.of(execution));
    }
}
