package io.tasklane.capacity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.tasklane.common.FieldViolation;
import io.tasklane.common.Names;

/** The rules a cluster definition must meet, whether it comes from the API or from configuration. */
final class ClusterRules {

    static final int MAX_SKU_GPUS = 64;
    static final int MAX_NODE_SKUS = 1024;
    private static final Pattern NODE_NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");

    private ClusterRules() {
    }

    static List<FieldViolation> check(VirtualCluster cluster) {
        List<FieldViolation> violations = new ArrayList<>();
        FieldViolation name = Names.dnsLabelViolation("name", cluster.name());
        if (name != null) {
            violations.add(name);
        }
        if (cluster.gpuType() == null || cluster.gpuType().isBlank() || cluster.gpuType().length() > 128) {
            violations.add(new FieldViolation("gpuType", "required", "gpuType is required (at most 128 characters)"));
        }
        checkSku(cluster.sku(), violations);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < cluster.nodes().size(); i++) {
            violations.addAll(checkNode("nodes[" + i + "]", cluster.nodes().get(i)));
            if (!seen.add(cluster.nodes().get(i).name())) {
                violations.add(new FieldViolation("nodes[" + i + "].name", "unique",
                        "node '" + cluster.nodes().get(i).name() + "' is listed twice"));
            }
        }
        return violations;
    }

    static List<FieldViolation> checkNode(String field, ClusterNode node) {
        List<FieldViolation> violations = new ArrayList<>();
        if (node.name() == null || node.name().length() > 253 || !NODE_NAME.matcher(node.name()).matches()) {
            violations.add(new FieldViolation(field + ".name", "dns-subdomain",
                    "node name must be at most 253 characters of a-z, 0-9, '-' and '.'"));
        }
        if (node.capacitySkus() < 0 || node.capacitySkus() > MAX_NODE_SKUS) {
            violations.add(new FieldViolation(field + ".capacitySkus", "range",
                    "capacitySkus must be between 0 and " + MAX_NODE_SKUS));
        }
        return violations;
    }

    private static void checkSku(Sku sku, List<FieldViolation> violations) {
        if (sku == null) {
            violations.add(new FieldViolation("sku", "required", "sku is required: {gpus, cpu, memoryGib}"));
            return;
        }
        if (sku.gpus() < 1 || sku.gpus() > MAX_SKU_GPUS) {
            violations.add(new FieldViolation("sku.gpus", "range", "sku.gpus must be between 1 and " + MAX_SKU_GPUS));
        }
        if (sku.cpu() < 1 || sku.cpu() > 1024) {
            violations.add(new FieldViolation("sku.cpu", "range", "sku.cpu (cores) must be between 1 and 1024"));
        }
        if (sku.memoryGib() < 1 || sku.memoryGib() > 16384) {
            violations.add(new FieldViolation("sku.memoryGib", "range", "sku.memoryGib must be between 1 and 16384"));
        }
    }
}
