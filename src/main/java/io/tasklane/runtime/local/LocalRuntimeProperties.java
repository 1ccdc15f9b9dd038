package io.tasklane.runtime.local;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The local runtime: where run directories (logs, Serve configs) go, the directory replicas start
 * in, the Ray Serve executable, and how long a stopped replica gets between SIGTERM and SIGKILL.
 */
@ConfigurationProperties("tasklane.runtime.local")
public record LocalRuntimeProperties(@DefaultValue("./data/runs") Path runsDir,
                                     @DefaultValue(".") String workingDir,
                                     @DefaultValue("serve") String serveExecutable,
                                     @DefaultValue("10s") Duration stopGracePeriod,
                                     @DefaultValue("200ms") Duration readinessPollInterval) {

    /**
     * The directory replicas start in, relative to where Tasklane was started. Bound as text on purpose:
     * Spring turns a relative {@link Path} property into a path under the embedded web server's document
     * base (a temporary directory), which is not where anyone expects "." to be.
     */
    public Path workingPath() {
        return Path.of(workingDir).toAbsolutePath().normalize();
    }
}
