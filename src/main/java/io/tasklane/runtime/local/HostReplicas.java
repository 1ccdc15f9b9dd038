package io.tasklane.runtime.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The replica processes running on this host, found by their wrapper ({@link ReplicaProcess#wrap}) and
 * read with their marker from {@code /proc}. On a host without {@code /proc} it finds none.
 */
final class HostReplicas {

    /** A replica's wrapper process (the leader of its session) and what it carries. */
    record Found(ProcessHandle process, ReplicaMarker marker) {
    }

    private HostReplicas() {
    }

    static List<Found> list() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(args -> Arrays.asList(args).contains(ReplicaProcess.WRAPPER_NAME)).orElse(false))
                .flatMap(p -> environmentOf(p).flatMap(ReplicaMarker::in).map(m -> new Found(p, m)).stream())
                .toList();
    }

    private static Optional<Map<String, String>> environmentOf(ProcessHandle process) {
        try {
            byte[] environ = Files.readAllBytes(Path.of("/proc", String.valueOf(process.pid()), "environ"));
            Map<String, String> env = new HashMap<>();
            for (String entry : new String(environ, StandardCharsets.UTF_8).split("\0")) {
                int equals = entry.indexOf('=');
                if (equals > 0) {
                    env.put(entry.substring(0, equals), entry.substring(equals + 1));
                }
            }
            return Optional.of(env);
        } catch (IOException | SecurityException goneOrNotOurs) {
            return Optional.empty();
        }
    }
}
