package io.tasklane.security;

import java.time.Instant;

/** A team's namespace for tasks. Its members may see and change its tasks. */
public record Project(String name, String description, Instant createdAt) {
}
