package io.tasklane.runtime;

/** The task itself cannot be launched (bad command, missing program): retrying will not help for long. */
public class DeployFailedException extends RuntimeException {

    public DeployFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
