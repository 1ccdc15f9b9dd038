package io.tasklane.runtime.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.tasklane.task.TaskSpec;

/**
 * The command line of one local replica. A command entry runs as given; a Ray Serve entry runs
 * {@code serve run -a local -d <workingDir> <config>} on a generated Serve config (Serve's CLI takes
 * no host or port options), so the application listens on the replica's PORT.
 */
final class ReplicaCommand {

    private ReplicaCommand() {
    }

    static List<String> of(TaskSpec spec, LocalRuntimeProperties properties, Path runDir, int index, int port)
            throws IOException {
        if (spec.ray() == null) {
            List<String> command = new ArrayList<>(spec.command());
            if (spec.args() != null) {
                command.addAll(spec.args());
            }
            return command;
        }
        Path config = runDir.resolve("serve-config-" + index + ".yaml");
        Files.writeString(config, serveConfig(spec.ray().importPath(), port));
        return List.of(properties.serveExecutable(), "run", "-a", "local", "-d",
                properties.workingDir().toAbsolutePath().toString(), config.toString());
    }

    /** A Serve config with one application at route "/", listening on 127.0.0.1:port. */
    static String serveConfig(String importPath, int port) {
        return """
                # Written by Tasklane for one replica of a Ray Serve task.
                http_options:
                  host: 127.0.0.1
                  port: %d
                applications:
                  - name: default
                    route_prefix: /
                    import_path: %s
                """.formatted(port, importPath);
    }
}
