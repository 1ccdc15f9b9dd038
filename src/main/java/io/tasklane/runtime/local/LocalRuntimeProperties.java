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
                                     @DefaultValue(".") Path workingDir,
                                     @DefaultValue("serve") String serveExecutable,
                                     @DefaultValue("10s") Duration stopGracePeriod,
                                     @DefaultValue("200ms") Duration readinessPollInterval) {
}
