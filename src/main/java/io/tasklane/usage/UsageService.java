package io.tasklane.usage;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.tasklane.security.Caller;
import io.tasklane.security.ProjectService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * GPU usage per project, user, cluster, task and calendar span, from the holding periods in the database.
 * A user sees their own use, a project's manager every member's use in that project, an admin everything;
 * what a caller may not see is left out, not refused.
 */
@Service
public class UsageService {

    private final UsageRepository periods;
    private final ProjectService projects;
    private final Clock clock;

    UsageService(UsageRepository periods, ProjectService projects, Clock clock) {
        this.periods = periods;
        this.projects = projects;
        this.clock = clock;
    }

    /** Reads the API's parameters (400 naming each broken one) and reports on what {@code caller} may see. */
    @Transactional(readOnly = true)
    public UsageReport report(Caller caller, String from, String to, String timeZone, List<String> groupBy, String project,
                              String user, String cluster) {
        java.time.Instant now = clock.instant();
        return report(caller, UsageQuery.parse(from, to, timeZone, groupBy, project, user, cluster, now));
    }

    @Transactional(readOnly = true)
    public UsageReport report(Caller caller, UsageQuery query) {
        java.time.Instant now = clock.instant();
        Optional<Set<String>> managed = projects.managedProjects(caller);
        List<UsagePeriod> visible = periods.overlapping(query, managed.isEmpty(), caller.userId(), managed.orElse(Set.of()));
        return UsageCalculator.report(query, visible, now);
    }
}
