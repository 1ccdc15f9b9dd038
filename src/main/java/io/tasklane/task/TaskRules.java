package io.tasklane.task;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.tasklane.capacity.VirtualCluster;
import io.tasklane.common.FieldViolation;
import io.tasklane.common.Names;

/**
 * Every rule a task's configuration must meet, as a pure function from a spec (with defaults applied)
 * and its cluster to the list of broken rules. Each violation names the field and the rule.
 */
public final class TaskRules {

    static final int MAX_REPLICAS = 1000;
    static final int MAX_PORTS = 32;
    static final int MAX_ENV = 256;
    static final int MAX_STORAGES = 16;
    static final int MAX_TAGS = 20;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_PRIORITY = 1000;
    static final long MIN_DEADLINE_SECONDS = 60;
    static final long MAX_DEADLINE_SECONDS = 30L * 24 * 3600;
    /** Set by the runtime for every replica; a task may not override them. */
    static final Set<String> RESERVED_ENV = Set.of("CUDA_VISIBLE_DEVICES", "NVIDIA_VISIBLE_DEVICES", "PORT");
    static final String RESERVED_ENV_PREFIX = "TASKLANE_";

    private static final Pattern MODULE_PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern SHM_SIZE = Pattern.compile("[1-9][0-9]{0,6}[KMG]");
    private static final Pattern IMAGE = Pattern.compile("\\S{1,512}");

    private TaskRules() {
    }

    /** The broken rules of {@code spec} on {@code cluster}; empty when the task could be saved. */
    public static List<FieldViolation> check(TaskSpec spec, VirtualCluster cluster) {
        List<FieldViolation> v = new ArrayList<>();
        add(v, Names.dnsLabelViolation("name", spec.name()));
        if (isBlank(spec.project())) {
            v.add(new FieldViolation("project", "required", "project is required"));
        }
        if (spec.kind() == null) {
            v.add(new FieldViolation("kind", "required", "kind is required: SERVICE or JOB"));
        }
        if (spec.image() != null && !IMAGE.matcher(spec.image()).matches()) {
            v.add(FieldViolation.of("image", "format", "image must be a container image reference without spaces, at most 512 characters",
                    spec.image()));
        }
        checkEntry(spec, v);
        if (spec.hasRoles()) {
            RoleRules.check(spec, cluster, v);
        } else {
            checkSize(spec, cluster, v);
            RoleRules.checkWithoutRoles(spec, v);
        }
        checkPorts(spec.ports(), v);
        checkEnv(spec.env(), v);
        checkStorages(spec.storages(), v);
        checkLabels(spec, v);
        return v;
    }

    private static void checkEntry(TaskSpec spec, List<FieldViolation> v) {
        if (spec.ray() == null && spec.command() == null && RoleRules.everyRoleHasCommand(spec)) {
            if (spec.args() != null) {
                checkWords("args", spec.args(), false, v);
            }
            return; // each role says what it runs
        }
        if ((spec.ray() == null) == (spec.command() == null)) {
            v.add(new FieldViolation(spec.ray() == null ? "command" : "ray", "entry-exactly-one",
                    "give exactly one entry: ray {filePath, deploymentName} for Ray Serve, or command [...]"));
            return;
        }
        if (spec.ray() != null) {
            if (isBlank(spec.ray().filePath()) || !MODULE_PATH.matcher(spec.ray().filePath()).matches()) {
                v.add(new FieldViolation("ray.filePath", "python-module",
                        "ray.filePath must be a Python module path such as 'serve' or 'models.chat'"));
            }
            if (isBlank(spec.ray().deploymentName()) || !IDENTIFIER.matcher(spec.ray().deploymentName()).matches()) {
                v.add(new FieldViolation("ray.deploymentName", "python-identifier",
                        "ray.deploymentName must be the Python name of the bound deployment, such as 'app'"));
            }
            if (spec.args() != null && !spec.args().isEmpty()) {
                v.add(new FieldViolation("args", "requires-command", "args go with a command entry, not a Ray Serve entry"));
            }
            return;
        }
        checkWords("command", spec.command(), true, v);
        if (spec.args() != null) {
            checkWords("args", spec.args(), false, v);
        }
    }

    static void checkWords(String field, List<String> words, boolean required, List<FieldViolation> v) {
        if (required && words.isEmpty()) {
            v.add(new FieldViolation(field, "non-empty", field + " needs at least the program to run"));
        }
        if (words.size() > 256) {
            v.add(FieldViolation.of(field, "max-items", field + " may have at most 256 items", 256));
        }
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word == null || (i == 0 && required && word.isBlank()) || word.length() > 4096) {
                v.add(new FieldViolation(field + "[" + i + "]", "word",
                        field + " items must be strings of at most 4096 characters (the program not blank)"));
            }
        }
    }

    private static void checkSize(TaskSpec spec, VirtualCluster cluster, List<FieldViolation> v) {
        int sku = spec.skuPerReplica();
        int replicas = spec.replicas();
        boolean replicaFits = sku >= 1 && (cluster == null || sku <= cluster.largestNodeSkus());
        if (sku < 1) {
            v.add(FieldViolation.of("skuPerReplica", "min", "skuPerReplica must be at least 1", 1));
        } else if (cluster != null && sku > cluster.largestNodeSkus()) {
            v.add(FieldViolation.of("skuPerReplica", "fits-node", "skuPerReplica " + sku
                    + " is more than any node of cluster '" + cluster.name() + "' has (largest: "
                    + cluster.largestNodeSkus() + "); such a replica could never run",
                            sku, cluster.name(), cluster.largestNodeSkus()));
        }
        if (replicas < 1) {
            v.add(FieldViolation.of("replicas", "min", "replicas must be at least 1", 1));
        } else if (replicas > MAX_REPLICAS) {
            v.add(FieldViolation.of("replicas", "max", "replicas must be at most " + MAX_REPLICAS, MAX_REPLICAS));
        } else if (replicaFits && cluster != null && (long) sku * replicas > cluster.capacitySkus()) {
            v.add(FieldViolation.of("replicas", "fits-cluster", replicas + " replicas of " + sku
                    + " SKU(s) need " + (long) sku * replicas + " SKUs at once, more than cluster '" + cluster.name()
                    + "' has (" + cluster.capacitySkus() + "); the task could never start",
                            (long) sku * replicas, cluster.capacitySkus()));
        }
    }

    private static void checkPorts(List<PortMapping> ports, List<FieldViolation> v) {
        if (ports.size() > MAX_PORTS) {
            v.add(FieldViolation.of("ports", "max-items", "at most " + MAX_PORTS + " ports", MAX_PORTS));
        }
        Set<Integer> container = new HashSet<>();
        Set<Integer> external = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            PortMapping port = ports.get(i);
            String field = "ports[" + i + "]";
            if (port == null || !isPort(port.containerPort())) {
                v.add(new FieldViolation(field + ".containerPort", "port-range", "containerPort must be between 1 and 65535"));
                continue;
            }
            if (!container.add(port.containerPort())) {
                v.add(FieldViolation.of(field + ".containerPort", "unique", "containerPort " + port.containerPort() + " is listed twice",
                        port.containerPort()));
            }
            if (port.externalPort() != null) {
                if (!isPort(port.externalPort())) {
                    v.add(new FieldViolation(field + ".externalPort", "port-range", "externalPort must be between 1 and 65535"));
                } else if (!external.add(port.externalPort())) {
                    v.add(FieldViolation.of(field + ".externalPort", "unique", "externalPort " + port.externalPort() + " is listed twice",
                            port.externalPort()));
                }
            }
        }
    }

    private static void checkEnv(Map<String, String> env, List<FieldViolation> v) {
        checkEnv("env", env, v);
    }

    static void checkEnv(String prefix, Map<String, String> env, List<FieldViolation> v) {
        if (env.size() > MAX_ENV) {
            v.add(FieldViolation.of(prefix, "max-items", "at most " + MAX_ENV + " environment variables", MAX_ENV));
        }
        for (Map.Entry<String, String> entry : env.entrySet()) {
            String name = entry.getKey();
            String field = prefix + "." + name;
            if (!ENV_NAME.matcher(name).matches() || name.length() > 256) {
                v.add(new FieldViolation(field, "env-name", "environment variable names are letters, digits and '_', not starting with a digit"));
            } else if (RESERVED_ENV.contains(name) || name.startsWith(RESERVED_ENV_PREFIX)) {
                v.add(new FieldViolation(field, "reserved", name + " is set by Tasklane for every replica and cannot be overridden"));
            }
            if (entry.getValue() == null || entry.getValue().length() > 32_768) {
                v.add(new FieldViolation(field, "env-value", "environment values are strings of at most 32768 characters"));
            } else if ("SHM_SIZE".equals(name) && !SHM_SIZE.matcher(entry.getValue()).matches()) {
                v.add(new FieldViolation(field, "shm-size", "SHM_SIZE must be a whole number with a unit K, M or G, such as 512M or 60G"));
            }
        }
    }

    private static void checkStorages(List<StorageMount> storages, List<FieldViolation> v) {
        if (storages.size() > MAX_STORAGES) {
            v.add(FieldViolation.of("storages", "max-items", "at most " + MAX_STORAGES + " storages", MAX_STORAGES));
        }
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < storages.size(); i++) {
            StorageMount storage = storages.get(i);
            String field = "storages[" + i + "]";
            if (storage == null) {
                v.add(new FieldViolation(field, "required", "a storage is {name, mountPath, readOnly}"));
                continue;
            }
            add(v, Names.dnsLabelViolation(field + ".name", storage.name()));
            String path = storage.mountPath();
            if (path == null || !path.startsWith("/") || path.contains("..") || path.length() > 1024) {
                v.add(new FieldViolation(field + ".mountPath", "absolute-path", "mountPath must be an absolute path without '..'"));
            } else if (path.equals("/dev/shm")) {
                v.add(new FieldViolation(field + ".mountPath", "reserved", "/dev/shm is sized with env SHM_SIZE, not mounted"));
            } else if (!paths.add(path)) {
                v.add(FieldViolation.of(field + ".mountPath", "unique", "mountPath " + path + " is used twice", path));
            }
        }
    }

    private static void checkLabels(TaskSpec spec, List<FieldViolation> v) {
        if (spec.description() != null && spec.description().length() > MAX_DESCRIPTION) {
            v.add(FieldViolation.of("description", "max-length", "description must be at most " + MAX_DESCRIPTION + " characters",
                    MAX_DESCRIPTION));
        }
        if (spec.tags().size() > MAX_TAGS) {
            v.add(FieldViolation.of("tags", "max-items", "at most " + MAX_TAGS + " tags", MAX_TAGS));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < spec.tags().size(); i++) {
            String tag = spec.tags().get(i);
            add(v, Names.dnsLabelViolation("tags[" + i + "]", tag));
            if (tag != null && !seen.add(tag)) {
                v.add(FieldViolation.of("tags[" + i + "]", "unique", "tag '" + tag + "' is listed twice", tag));
            }
        }
        if (spec.priority() < 0 || spec.priority() > MAX_PRIORITY) {
            v.add(FieldViolation.of("priority", "range", "priority must be between 0 and " + MAX_PRIORITY + " (higher runs first)",
                    0, MAX_PRIORITY));
        }
        long deadline = spec.activeDeadlineSeconds();
        if (deadline < MIN_DEADLINE_SECONDS || deadline > MAX_DEADLINE_SECONDS) {
            v.add(FieldViolation.of("activeDeadlineSeconds", "range", "activeDeadlineSeconds must be between "
                    + MIN_DEADLINE_SECONDS + " and " + MAX_DEADLINE_SECONDS + " (30 days)",
                            MIN_DEADLINE_SECONDS, MAX_DEADLINE_SECONDS));
        }
    }

    private static boolean isPort(Integer port) {
        return port != null && port >= 1 && port <= 65535;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static void add(List<FieldViolation> violations, FieldViolation violation) {
        if (violation != null) {
            violations.add(violation);
        }
    }
}
