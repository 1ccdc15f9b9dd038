package io.tasklane.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.tasklane.capacity.ClusterGrant;
import io.tasklane.capacity.ClusterNode;
import io.tasklane.capacity.ClusterService;
import io.tasklane.capacity.PrincipalType;
import io.tasklane.capacity.VirtualCluster;
import io.tasklane.common.ClusterName;
import io.tasklane.common.FieldViolation;
import io.tasklane.common.InvalidInputException;
import io.tasklane.common.NotFoundException;
import io.tasklane.security.Caller;
import io.tasklane.usage.Quotas;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Clusters page: each cluster the caller may use with its GPU type, SKU and nodes (capacity, in use,
 * schedulable); admins also see and manage its grants, through the service the cluster API calls, so the same rules
 * refuse the same grants (an unknown user or group, a grant that does not exist).
 */
@Controller
class ClustersController {

    static final String CHANGED_EVENT = "clusters-changed";

    private final ClusterService clusters;
    private final Quotas quotas;
    private final GpuTypeWords gpuTypes;

    ClustersController(ClusterService clusters, Quotas quotas, GpuTypeWords gpuTypes) {
        this.gpuTypes = gpuTypes;
        this.clusters = clusters;
        this.quotas = quotas;
    }

    @GetMapping("/clusters")
    String clusters(@AuthenticationPrincipal Caller caller, @RequestHeader(value = "HX-Request", required = false) String htmx,
                    Model model) {
        model.addAttribute("clusters", clusters.visibleTo(caller).stream().sorted(Comparator.comparing(VirtualCluster::name))
                .map(cluster -> view(caller, cluster)).toList());
        return htmx != null ? "clusters :: list" : "clusters";
    }

    @PostMapping("/clusters/{name}/grants")
    String grant(@AuthenticationPrincipal Caller caller, @PathVariable String name, @RequestParam(required = false) String type,
                 @RequestParam(required = false) String principal, HttpServletRequest request, HttpServletResponse response,
                 Model model) {
        ClusterGrant grant = grantOf(type, principal);
        clusters.grant(caller, clusterName(name), grant);
        return Htmx.done("/clusters", CHANGED_EVENT, "notice.granted", grant.principal() + " → " + name, request, response, model);
    }

    @PostMapping("/clusters/{name}/grants/remove")
    String revoke(@AuthenticationPrincipal Caller caller, @PathVariable String name, @RequestParam(required = false) String type,
                  @RequestParam(required = false) String principal, HttpServletRequest request, HttpServletResponse response,
                  Model model) {
        ClusterGrant grant = grantOf(type, principal);
        clusters.revoke(caller, clusterName(name), grant);
        return Htmx.done("/clusters", CHANGED_EVENT, "notice.revoked", grant.principal() + " → " + name, request, response, model);
    }

    private ClusterView view(Caller caller, VirtualCluster cluster) {
        ClusterName name = new ClusterName(cluster.name());
        Map<String, Integer> inUse = clusters.skusInUse(name);
        List<NodeLine> nodes = cluster.nodes().stream().sorted(Comparator.comparing(ClusterNode::name))
                .map(node -> new NodeLine(node.name(), node.capacitySkus(), inUse.getOrDefault(node.name(), 0), node.schedulable()))
                .toList();
        List<ClusterGrant> grants = caller.isAdmin() ? clusters.grants(caller, name).stream()
                .sorted(Comparator.comparing((ClusterGrant g) -> g.type()).thenComparing(ClusterGrant::principal)).toList() : List.of();
        return new ClusterView(cluster.name(), gpuTypes.of(cluster), cluster.sku().gpus(), cluster.sku().cpu(), cluster.sku().memoryGib(),
                cluster.queuePolicy().name(), cluster.source().name(), clusters.freeSkus(cluster), cluster.totalSkus(), nodes,
                QuotaBar.of(quotas.ofCluster(caller, name)), grants);
    }

    private static ClusterGrant grantOf(String type, String principal) {
        PrincipalType principalType;
        try {
            principalType = PrincipalType.valueOf(String.valueOf(type).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInputException(FieldViolation.of("type", "one-of", "a grant goes to a USER or a GROUP",
                    "USER, GROUP"));
        }
        if (principal == null || principal.isBlank()) {
            throw new InvalidInputException("principal", "required", "name the " + principalType.name().toLowerCase(Locale.ROOT)
                    + " to grant the cluster to");
        }
        return new ClusterGrant(principalType, principal.trim());
    }

    private static ClusterName clusterName(String name) {
        if (name == null || name.isBlank()) {
            throw new NotFoundException("cluster", String.valueOf(name));
        }
        return new ClusterName(name);
    }

    /** A cluster as the page shows it; {@code grants} only for admins. */
    public record ClusterView(String name, String gpuType, int skuGpus, int skuCpu, int skuMemoryGib, String policy, String source,
                              int freeSkus, int totalSkus, List<NodeLine> nodes, List<QuotaBar> quotas, List<ClusterGrant> grants) {
    }

    /** A node: its SKUs, how many are held, and whether new work may land on it. */
    public record NodeLine(String name, int capacitySkus, int inUseSkus, boolean schedulable) {
    }
}
