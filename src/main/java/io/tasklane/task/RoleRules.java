package io.tasklane.task;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tasklane.capacity.VirtualCluster;
import io.tasklane.common.FieldViolation;
import io.tasklane.common.Names;

/**
 * The rules of a distributed job's roles: names, sizes (limits as for a task's replicas, summed over the
 * roles), what each role runs, and the framework's own variables, which Tasklane sets. Part of {@link TaskRules}.
 */
final class RoleRules {

    static final int MAX_ROLES = 16;
    /**
     * Role names go into Kubernetes hostnames, {@code tl-<run>-<role>-<index>}, which must stay a DNS label
     * (63 characters) with a run id and an index of up to four digits.
     */
    static final int MAX_ROLE_NAME = 24;

    /** Variables a framework's rendezvous sets for every replica; a task may not set them itself. */
    static final Map<Framework, Set<String>> FRAMEWORK_ENV = Map.of(
            Framework.PYTORCH_DDP, Set.of("MASTER_ADDR", "MASTER_PORT", "WORLD_SIZE", "RANK", "LOCAL_RANK"),
            Framework.TENSORFLOW_PS, Set.of("TF_CONFIG"),
            Framework.MPI, Set.of("OMPI_MCA_orte_default_hostfile"),
            Framework.CUSTOM, Set.of());

    private RoleRules() {
    }

    /** A task whose roles each give their own command needs none itself. */
    static boolean everyRoleHasCommand(TaskSpec spec) {
        return spec.hasRoles() && !spec.roles().isEmpty()
                && spec.roles().stream().allMatch(role -> role != null && role.command() != null);
    }

    /** What a task without roles may not give: the settings that only roles have. */
    static void checkWithoutRoles(TaskSpec spec, List<FieldViolation> v) {
        if (spec.framework() != null) {
            v.add(new FieldViolation("framework", "requires-roles", "framework goes with roles: give roles, or leave framework out"));
        }
        if (spec.successPolicy() != null) {
            v.add(new FieldViolation("successPolicy", "requires-roles", "successPolicy goes with roles: give roles, or leave successPolicy out"));
        }
    }

    static void check(TaskSpec spec, VirtualCluster cluster, List<FieldViolation> v) {
        List<TaskRole> roles = spec.roles();
        if (spec.kind() == TaskKind.SERVICE) {
            v.add(new FieldViolation("roles", "job-only", "roles are for jobs (kind JOB); a service is one set of replicas"));
        }
        if (spec.ray() != null) {
            v.add(new FieldViolation("roles", "requires-command", "roles run commands, not a Ray Serve entry"));
        }
        if (spec.replicas() != null) {
            v.add(new FieldViolation("replicas", "roles-exclusive", "a task with roles sizes each role: give roles[].replicas, not replicas"));
        }
        if (spec.skuPerReplica() != null) {
            v.add(new FieldViolation("skuPerReplica", "roles-exclusive", "a task with roles sizes each role: give roles[].skuPerReplica, not skuPerReplica"));
        }
        if (roles.isEmpty()) {
            v.add(new FieldViolation("roles", "non-empty", "roles needs at least one role, such as {\"name\": \"worker\", \"replicas\": 2}"));
            return;
        }
        if (roles.size() > MAX_ROLES) {
            v.add(FieldViolation.of("roles", "max-items", "at most " + MAX_ROLES + " roles", MAX_ROLES));
        }
        Set<String> names = new HashSet<>();
        long replicas = 0;
        long skus = 0;
        boolean allFit = true;
        for (int i = 0; i < roles.size(); i++) {
            TaskRole role = roles.get(i);
            String field = "roles[" + i + "]";
            if (role == null) {
                v.add(new FieldViolation(field, "required", "a role is {name, replicas, skuPerReplica, command, args, env}"));
                allFit = false;
                continue;
            }
            checkName(field, role.name(), names, v);
            allFit &= checkRoleSize(field, role, cluster, v);
            replicas += Math.max(0, role.replicas());
            skus += Math.max(0, role.totalSkus());
            if (role.command() != null) {
                TaskRules.checkWords(field + ".command", role.command(), true, v);
            }
            if (role.args() != null) {
                TaskRules.checkWords(field + ".args", role.args(), false, v);
            }
            TaskRules.checkEnv(field + ".env", role.env(), v);
            checkFrameworkEnv(field + ".env", role.env(), spec.framework(), v);
        }
        checkFrameworkEnv("env", spec.env(), spec.framework(), v);
        if (allFit && replicas > TaskRules.MAX_REPLICAS) {
            v.add(FieldViolation.of("roles", "max-replicas", "the roles have " + replicas + " replicas together; at most "
                    + TaskRules.MAX_REPLICAS, replicas, TaskRules.MAX_REPLICAS));
        } else if (allFit && cluster != null && skus > cluster.capacitySkus()) {
            v.add(FieldViolation.of("roles", "fits-cluster", "the roles' " + replicas + " replicas need " + skus
                    + " SKUs at once, more than cluster '" + cluster.name() + "' has (" + cluster.capacitySkus()
                    + "); the task could never start", skus, cluster.capacitySkus()));
        }
    }

    private static void checkName(String field, String name, Set<String> names, List<FieldViolation> v) {
        FieldViolation bad = Names.dnsLabelViolation(field + ".name", name);
        if (bad != null) {
            v.add(bad);
        } else if (name.length() > MAX_ROLE_NAME) {
            v.add(FieldViolation.of(field + ".name", "max-length", "a role name is at most " + MAX_ROLE_NAME
                    + " characters (it is part of the replicas' host names)", MAX_ROLE_NAME));
        } else if (!names.add(name)) {
            v.add(FieldViolation.of(field + ".name", "unique", "role '" + name + "' is listed twice", name));
        }
    }

    /** Checks the role's size; true when each of its replicas fits a node of the cluster. */
    private static boolean checkRoleSize(String field, TaskRole role, VirtualCluster cluster, List<FieldViolation> v) {
        boolean fits = true;
        if (role.skuPerReplica() < 1) {
            v.add(FieldViolation.of(field + ".skuPerReplica", "min", "skuPerReplica must be at least 1", 1));
            fits = false;
        } else if (cluster != null && role.skuPerReplica() > cluster.largestNodeSkus()) {
            v.add(FieldViolation.of(field + ".skuPerReplica", "fits-node", "skuPerReplica " + role.skuPerReplica()
                    + " is more than any node of cluster '" + cluster.name() + "' has (largest: " + cluster.largestNodeSkus()
                    + "); such a replica could never run", role.skuPerReplica(), cluster.name(), cluster.largestNodeSkus()));
            fits = false;
        }
        if (role.replicas() < 1) {
            v.add(FieldViolation.of(field + ".replicas", "min", "replicas must be at least 1", 1));
            fits = false;
        } else if (role.replicas() > TaskRules.MAX_REPLICAS) {
            v.add(FieldViolation.of(field + ".replicas", "max", "replicas must be at most " + TaskRules.MAX_REPLICAS,
                    TaskRules.MAX_REPLICAS));
            fits = false;
        }
        return fits;
    }

    private static void checkFrameworkEnv(String prefix, Map<String, String> env, Framework framework, List<FieldViolation> v) {
        Set<String> reserved = FRAMEWORK_ENV.getOrDefault(framework, Set.of());
        for (String name : env.keySet()) {
            if (reserved.contains(name)) {
                v.add(new FieldViolation(prefix + "." + name, "reserved", name + " is set by Tasklane for every replica of a "
                        + framework + " job and cannot be overridden"));
            }
        }
    }
}
