package io.tasklane.budget;

import java.time.Instant;
import java.time.ZoneId;

/**
 * A project's monthly GPU-hour budget: months begin at midnight on the first in {@code zone}; a warning is told at
 * {@code warnShare} of it; when {@code enforce}, new starts are refused once it is spent.
 */
public record Budget(String project, double monthlyGpuHours, ZoneId zone, double warnShare, boolean enforce, Instant updatedAt,
                     String updatedBy) {
}
