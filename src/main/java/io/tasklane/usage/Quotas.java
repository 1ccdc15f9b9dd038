package io.tasklane.usage;

import java.time.Clock;
import java.util.List;

import io.tasklane.capacity.ClusterService;
import io.tasklane.common.ClusterName;
import io.tasklane.common.FieldViolation;
import io.tasklane.common.InvalidInputException;
import io.tasklane.common.NotFoundException;
import io.tasklane.security.Caller;
import io.tasklane.security.ProjectService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quotas: admins set, per project and cluster, the most SKUs the project may hold at once. The dispatcher
 * admits against them ({@link #onCluster}); a quota lowered below what is held stops new admissions and
 * ends nothing.
 */
@Service
public class Quotas {

    /** A cluster holds at most this many SKUs in any configuration Tasklane accepts; a quota beyond means none. */
    static final int MAX_SKUS = 1_000_000;

    private final QuotaRepository quotas;
    private final ProjectService projects;
    private final ClusterService clusters;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Quotas(QuotaRepository quotas, ProjectService projects, ClusterService clusters, ApplicationEventPublisher events, Clock clock) {
        this.quotas = quotas;
        this.projects = projects;
        this.clusters = clusters;
        this.events = events;
        this.clock = clock;
    }

    /** The cluster's quotas and what each project holds there now, for a dispatch pass under the cluster's lock. */
    public ClusterQuotas onCluster(ClusterName cluster) {
        java.util.Map<String, Integer> limits = quotas.limitsOn(cluster.value());
        return limits.isEmpty() ? ClusterQuotas.none(cluster.value())
                : new ClusterQuotas(cluster.value(), limits, quotas.heldOn(cluster.value()));
    }

    /** The project's quotas with what it holds against each; for its members and admins (404 for others). */
    public List<ProjectQuota> ofProject(Caller caller, String project) {
        projects.get(caller, project);
        return quotas.ofProject(project);
    }

    /**
     * The quotas on a cluster the caller may use, each with what its project holds there now (404 for a cluster they
     * may not use). Every project's quota is shown to whoever sees the cluster: it is why runs there wait.
     */
    @Transactional(readOnly = true)
    public List<ProjectQuota> ofCluster(Caller caller, ClusterName cluster) {
        clusters.get(caller, cluster);
        return quotas.onCluster(cluster.value());
    }

    /** Sets (or changes) the project's quota on the cluster; admins only. */
    @Transactional
    public ProjectQuota set(Caller caller, String project, ClusterName cluster, Integer maxSkus) {
        caller.requireAdmin("set quotas");
        projects.get(caller, project);
        if (maxSkus == null) {
            throw new InvalidInputException("maxSkus", "required", "maxSkus is required: the most SKUs the project may hold at once");
        }
        if (maxSkus < 0 || maxSkus > MAX_SKUS) {
            throw new InvalidInputException(FieldViolation.of("maxSkus", "range", "maxSkus must be between 0 and " + MAX_SKUS,
                    0, MAX_SKUS));
        }
        clusters.find(cluster);
        quotas.put(project, cluster.value(), maxSkus, clock.instant(), caller.userId());
        events.publishEvent(new QuotaChanged(cluster.value()));
        return quotas.ofProject(project).stream().filter(q -> q.cluster().equals(cluster.value())).findFirst().orElseThrow();
    }

    /** Removes the project's quota on the cluster; admins only. */
    @Transactional
    public void remove(Caller caller, String project, ClusterName cluster) {
        caller.requireAdmin("remove quotas");
        projects.get(caller, project);
        if (!quotas.remove(project, cluster.value())) {
            throw new NotFoundException("quota", project + " on " + cluster.value());
        }
        events.publishEvent(new QuotaChanged(cluster.value()));
    }
}
