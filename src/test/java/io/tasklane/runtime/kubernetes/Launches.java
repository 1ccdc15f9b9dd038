package io.tasklane.runtime.kubernetes;

import static io.tasklane.task.TaskSpecBuilder.aSpec;

import java.util.List;
import java.util.Map;

import io.tasklane.capacity.Sku;
import io.tasklane.common.RunId;
import io.tasklane.common.TaskId;
import io.tasklane.runtime.LaunchRequest;
import io.tasklane.runtime.ReplicaLaunch;
import io.tasklane.task.PortMapping;
import io.tasklane.task.RayEntry;
import io.tasklane.task.StorageMount;
import io.tasklane.task.TaskKind;
import io.tasklane.task.TaskSpec;
import io.tasklane.task.TaskSpecBuilder;

/** Launch requests for the factories' tests: a fluent builder over {@link TaskSpec}. */
final class Launches {

    static final Sku L4 = new Sku(1, 4, 16);

    private TaskKind kind = TaskKind.JOB;
    private RayEntry ray;
    private int skus = 1;
    private List<PortMapping> ports = List.of();
    private Map<String, String> env = Map.of();
    private List<StorageMount> storages = List.of();
    private List<ReplicaLaunch> replicas = List.of(new ReplicaLaunch(0, "kube-gpu-1", List.of(0)));
    private Integer minReplicas;
    private io.tasklane.task.RunRoles roles;

    static Launches aLaunch() {
        return new Launches();
    }

    Launches service() {
        kind = TaskKind.SERVICE;
        return this;
    }

    Launches ray(String filePath, String deployment) {
        kind = TaskKind.SERVICE;
        ray = new RayEntry(filePath, deployment);
        return this;
    }

    Launches skus(int perReplica) {
        skus = perReplica;
        return this;
    }

    Launches ports(PortMapping... mappings) {
        ports = List.of(mappings);
        return this;
    }

    Launches env(Map<String, String> values) {
        env = values;
        return this;
    }

    Launches storages(StorageMount... mounts) {
        storages = List.of(mounts);
        return this;
    }

    Launches on(String... nodes) {
        replicas = java.util.stream.IntStream.range(0, nodes.length)
                .mapToObj(i -> new ReplicaLaunch(i, nodes[i], List.of(i))).toList();
        return this;
    }

    /** A replica range, as a daily schedule's window gives: the replicas launched are the upper bound. */
    Launches range(int min) {
        minReplicas = min;
        return this;
    }

    /** A distributed run of these roles (in rank order), one replica per role replica on kube-gpu-1. */
    Launches roles(io.tasklane.task.Framework framework, io.tasklane.task.RunRoles.Role... given) {
        roles = new io.tasklane.task.RunRoles(List.of(given), framework, io.tasklane.task.SuccessPolicy.ALL);
        replicas = java.util.stream.IntStream.range(0, roles.replicas()).mapToObj(i -> new ReplicaLaunch(i, "kube-gpu-1", List.of(i))).toList();
        return this;
    }

    LaunchRequest build() {
        TaskSpecBuilder given = aSpec().name("train").project("vision").kind(kind).image("registry.example/app:1")
                .cluster("kubernetes").skuPerReplica(skus).replicas(replicas.size()).ports(ports).env(env).storages(storages);
        if (roles != null) {
            given.roles(roles.roles().stream().map(r -> new io.tasklane.task.TaskRole(r.name(), r.replicas(), r.skuPerReplica(),
                    null, null, null)).toList()).framework(roles.framework());
        }
        TaskSpec spec = (ray == null ? given.command(List.of("python", "train.py")).args(List.of("--epochs", "3"))
                : given.ray(ray.filePath(), ray.deploymentName())).build().withDefaults();
        int max = replicas.size();
        return new LaunchRequest(new RunId("rabc123def456"), new TaskId("tabc123def456"), spec, replicas,
                minReplicas == null ? max : minReplicas, max, roles);
    }
}
