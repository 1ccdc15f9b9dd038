package io.tasklane.task;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A Ray Serve entry: the module and the deployment bound in it, e.g. {@code serve} + {@code app}. */
public record RayEntry(String filePath, String deploymentName) {

    /** What Ray Serve's {@code import_path} takes: {@code <filePath>:<deploymentName>}. */
    @JsonProperty(value = "importPath", access = JsonProperty.Access.READ_ONLY)
    public String importPath() {
        return filePath + ":" + deploymentName;
    }
}
