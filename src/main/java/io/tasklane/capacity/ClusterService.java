package io.tasklane.capacity;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.tasklane.common.ClusterName;
import io.tasklane.common.ConflictException;
import io.tasklane.common.FieldViolation;
import io.tasklane.common.ForbiddenException;
import io.tasklane.common.InvalidInputException;
import io.tasklane.common.NotFoundException;
import io.tasklane.security.Caller;
import io.tasklane.security.UserDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Virtual clusters, their nodes, and who may use them. Admins manage; users see what is granted to them. */
@Service
public class ClusterService {

    private final ClusterRepository clusters;
    private final AllocationRepository allocations;
    private final UserDirectory users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ClusterService(ClusterRepository clusters, AllocationRepository allocations, UserDirectory users, ApplicationEventPublisher events,
                   Clock clock) {
        this.clusters = clusters;
        this.allocations = allocations;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    /** SKUs of schedulable nodes that no run holds. */
    public int freeSkus(VirtualCluster cluster) {
        return snapshot(cluster, allocations.takenSlots(new ClusterName(cluster.name()))).stream().mapToInt(NodeSnapshot::free).sum();
    }

    /** SKUs held on each node of the cluster, by node name (nodes where nothing is held are absent). */
    public java.util.Map<String, Integer> skusInUse(ClusterName cluster) {
        java.util.Map<String, Integer> inUse = new java.util.HashMap<>();
        allocations.takenSlots(cluster).forEach((node, slots) -> inUse.put(node, slots.size()));
        return inUse;
    }

    /** The clusters {@code caller} may use: all of them for an admin, else those granted. */
    public List<VirtualCluster> visibleTo(Caller caller) {
        List<VirtualCluster> all = clusters.findAll();
        if (caller.isAdmin()) {
            return all;
        }
        Set<String> granted = new HashSet<>(clusters.grantedClusterNames(caller.userId(), caller.groups()));
        return all.stream().filter(c -> granted.contains(c.name())).toList();
    }

    /**
     * Names of the clusters {@code caller} may use, in order: what a filter offers. Names only: a page that lists
     * them needs no nodes (a Kubernetes cluster may have hundreds). Grants name existing clusters (a foreign key).
     */
    public List<String> namesVisibleTo(Caller caller) {
        return caller.isAdmin() ? clusters.names() : clusters.grantedClusterNames(caller.userId(), caller.groups());
    }

    /** Whether {@code caller} may use each cluster, read once for many: for a page whose rows are on several clusters. */
    public java.util.function.Predicate<ClusterName> grantedTo(Caller caller) {
        if (caller.isAdmin()) {
            return cluster -> true;
        }
        Set<String> granted = new HashSet<>(clusters.grantedClusterNames(caller.userId(), caller.groups()));
        return cluster -> granted.contains(cluster.value());
    }

    /** The cluster if {@code caller} may use it; 404 otherwise, so ungranted clusters stay private. */
    public VirtualCluster get(Caller caller, ClusterName name) {
        return clusters.findByName(name.value()).filter(c -> isGranted(caller, name))
                .orElseThrow(() -> new NotFoundException("cluster", name.value()));
    }

    /** The cluster a task names in {@code field}, if {@code caller} may run on it; 400 naming the field otherwise. */
    public VirtualCluster requireUsable(Caller caller, String name, String field) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException(field, "required", field + " is required");
        }
        return clusters.findByName(name).filter(c -> isGranted(caller, new ClusterName(name)))
                .orElseThrow(() -> new InvalidInputException(FieldViolation.of(field, "granted-cluster",
                        "cluster '" + name + "' does not exist or is not granted to you; GET /api/v1/clusters lists yours",
                                name)));
    }

    /**
     * 403 (naming {@code field}) unless {@code caller} may run tasks on {@code cluster}: for acting on a task the
     * caller may see (a teammate's task) on a cluster that is not granted to them.
     */
    public void requireGranted(Caller caller, ClusterName cluster, String field) {
        if (!isGranted(caller, cluster)) {
            throw new ForbiddenException(field, "cluster '" + cluster + "' is not granted to you; an admin can grant it");
        }
    }

    /** Any cluster by name, without an access check; for modules that act on behalf of the system. */
    public VirtualCluster find(ClusterName name) {
        return clusters.findByName(name.value()).orElseThrow(() -> new NotFoundException("cluster", name.value()));
    }

    /** The clusters of those names that exist, by name, without an access check: for a page of tasks on a few clusters. */
    public java.util.Map<ClusterName, VirtualCluster> findAll(java.util.Collection<ClusterName> names) {
        return clusters.findByNames(names.stream().map(ClusterName::value).distinct().toList()).stream()
                .collect(java.util.stream.Collectors.toMap(c -> new ClusterName(c.name()), c -> c));
    }

    /** The runtime kind that runs the cluster's tasks. */
    public String runtimeOf(ClusterName cluster) {
        return clusters.runtimeOf(cluster.value());
    }

    /** Names of the clusters whose tasks {@code runtime} runs. */
    public List<ClusterName> clustersRunBy(String runtime) {
        return clusters.findAll().stream().map(VirtualCluster::name).filter(name -> runtime.equals(clusters.runtimeOf(name)))
                .map(ClusterName::new).toList();
    }

    /** Schedulable nodes of the cluster with their free slots, given the slots already taken. */
    public List<NodeSnapshot> snapshot(VirtualCluster cluster, java.util.Map<String, java.util.Set<Integer>> taken) {
        return cluster.nodes().stream().filter(ClusterNode::schedulable)
                .map(n -> NodeSnapshot.of(n.name(), n.capacitySkus(), taken.getOrDefault(n.name(), java.util.Set.of())))
                .toList();
    }

    public boolean isGranted(Caller caller, ClusterName cluster) {
        return caller.isAdmin() || clusters.grantedClusterNames(caller.userId(), caller.groups()).contains(cluster.value());
    }

    @Transactional
    public VirtualCluster create(Caller caller, VirtualCluster cluster) {
        requireAdmin(caller);
        requireValid(cluster);
        if (clusters.findByName(cluster.name()).isPresent()) {
            throw new ConflictException("name", "unique", "cluster '" + cluster.name() + "' already exists");
        }
        clusters.save(withSource(cluster, ClusterSource.API), clock.instant());
        ClusterName name = new ClusterName(cluster.name());
        events.publishEvent(new CapacityChanged(name));
        return find(name);
    }

    @Transactional
    public VirtualCluster replace(Caller caller, ClusterName name, VirtualCluster cluster) {
        requireAdmin(caller);
        requireApiOwned(name);
        if (!name.value().equals(cluster.name())) {
            throw new InvalidInputException("name", "immutable", "a cluster cannot be renamed; create a new one");
        }
        requireValid(cluster);
        clusters.save(withSource(cluster, ClusterSource.API), clock.instant());
        events.publishEvent(new CapacityChanged(name));
        return find(name);
    }

    @Transactional
    public void delete(Caller caller, ClusterName name) {
        requireAdmin(caller);
        requireApiOwned(name);
        try {
            clusters.delete(name.value());
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("name", "in-use", "cluster '" + name + "' still has tasks; move or delete them first");
        }
    }

    @Transactional
    public VirtualCluster saveNode(Caller caller, ClusterName cluster, ClusterNode node) {
        requireAdmin(caller);
        requireApiOwned(cluster);
        List<FieldViolation> violations = ClusterRules.checkNode("node", node);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        clusters.saveNode(cluster.value(), node);
        events.publishEvent(new CapacityChanged(cluster));
        return find(cluster);
    }

    @Transactional
    public void deleteNode(Caller caller, ClusterName cluster, String node) {
        requireAdmin(caller);
        requireApiOwned(cluster);
        if (!clusters.deleteNode(cluster.value(), node)) {
            throw new NotFoundException("node", cluster + "/" + node);
        }
    }

    public List<ClusterGrant> grants(Caller caller, ClusterName cluster) {
        requireAdmin(caller);
        find(cluster);
        return clusters.grants(cluster.value());
    }

    @Transactional
    public void grant(Caller caller, ClusterName cluster, ClusterGrant grant) {
        requireAdmin(caller);
        find(cluster);
        boolean exists = grant.type() == PrincipalType.USER ? users.userExists(grant.principal()) : users.groupExists(grant.principal());
        if (!exists) {
            throw new InvalidInputException(FieldViolation.of(grant.type() == PrincipalType.USER ? "user" : "group", "exists",
                    grant.type().name().toLowerCase() + " '" + grant.principal() + "' does not exist in the identity service",
                            grant.principal()));
        }
        clusters.addGrant(cluster.value(), grant);
    }

    @Transactional
    public void revoke(Caller caller, ClusterName cluster, ClusterGrant grant) {
        requireAdmin(caller);
        find(cluster);
        if (!clusters.removeGrant(cluster.value(), grant)) {
            throw new NotFoundException("grant", grant.type().name().toLowerCase() + " " + grant.principal());
        }
    }

    /** Writes a configuration-declared cluster and adds its grants; used by the start-up sync only. */
    @Transactional
    public void syncDeclared(VirtualCluster cluster, String runtime, List<ClusterGrant> grants) {
        requireValid(cluster);
        clusters.save(withSource(cluster, ClusterSource.CONFIG), clock.instant());
        clusters.setRuntime(cluster.name(), runtime);
        grants.forEach(grant -> clusters.addGrant(cluster.name(), grant));
        events.publishEvent(new CapacityChanged(new ClusterName(cluster.name())));
    }

    /**
     * Replaces the nodes of a cluster whose nodes its runtime reports (Kubernetes nodes carrying the
     * cluster's label). A cluster not declared anywhere is created from {@code discovered}; a declared
     * one keeps its definition and grants. Runs placed on a node that disappears are the runtime's to fail.
     */
    @Transactional
    public void syncRuntimeNodes(VirtualCluster discovered, String runtime) {
        VirtualCluster cluster = clusters.findByName(discovered.name())
                .map(existing -> new VirtualCluster(existing.name(), existing.gpuType(), existing.sku(),
                        existing.queuePolicy(), existing.source(), discovered.nodes()))
                .orElse(discovered);
        requireValid(cluster);
        clusters.save(cluster, clock.instant());
        clusters.setRuntime(cluster.name(), runtime);
        events.publishEvent(new CapacityChanged(new ClusterName(cluster.name())));
    }

    private void requireApiOwned(ClusterName name) {
        VirtualCluster existing = find(name);
        if (existing.source() == ClusterSource.CONFIG) {
            throw new ConflictException("name", "declared-in-configuration",
                    "cluster '" + name + "' is declared in Tasklane's configuration and synced at start; change it there");
        }
    }

    private static void requireValid(VirtualCluster cluster) {
        List<FieldViolation> violations = ClusterRules.check(cluster);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    private static VirtualCluster withSource(VirtualCluster cluster, ClusterSource source) {
        return new VirtualCluster(cluster.name(), cluster.gpuType(), cluster.sku(),
                cluster.queuePolicy() == null ? QueuePolicy.BEST_EFFORT_FIFO : cluster.queuePolicy(), source, cluster.nodes());
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw new ForbiddenException(null, "only members of group " + Caller.ADMIN_GROUP + " may manage clusters");
        }
    }
}
