package io.tasklane.runtime.kubernetes;

/**
 * The API server did not answer usefully even after retries. Not a task's fault: the step that called
 * fails as a whole, so its Camunda job is retried and then stops in an incident for an operator.
 */
class KubernetesUnavailableException extends RuntimeException {

    KubernetesUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
