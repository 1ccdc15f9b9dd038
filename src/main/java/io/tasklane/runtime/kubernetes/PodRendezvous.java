package io.tasklane.runtime.kubernetes;

import java.util.List;
import java.util.Map;

import io.tasklane.runtime.LaunchRequest;
import io.tasklane.runtime.rendezvous.MpiEnv;
import io.tasklane.runtime.rendezvous.Peer;
import io.tasklane.runtime.rendezvous.RendezvousEnv;
import io.tasklane.task.PortMapping;
import io.tasklane.task.RunRoles;

/**
 * The rendezvous of a distributed run on Kubernetes: each replica's pod has the stable host name
 * {@code tl-<run>-<role>-<index>} under the run's headless Service {@code tl-<run>}, so its peers reach it at
 * {@code tl-<run>-<role>-<index>.tl-<run>.<namespace>.svc} on the rendezvous port: the task's first container
 * port, else {@value #DEFAULT_PORT}. An MPI run's hostfile is a pod annotation, projected into each pod as a file.
 */
final class PodRendezvous {

    static final int DEFAULT_PORT = 29500;
    static final String HOSTFILE_ANNOTATION = "tasklane.io/mpi-hostfile";
    static final String HOSTFILE_DIR = "/etc/tasklane";
    static final String HOSTFILE_PATH = HOSTFILE_DIR + "/hostfile";

    private final RunRoles roles;
    private final List<Peer> peers;

    private PodRendezvous(RunRoles roles, List<Peer> peers) {
        this.roles = roles;
        this.peers = peers;
    }

    static PodRendezvous of(LaunchRequest request, String namespace) {
        RunRoles roles = request.roles();
        String run = request.runId().value();
        List<String> hosts = roles.slots().stream().map(s -> hostname(run, s) + "." + subdomain(run) + "." + namespace + ".svc").toList();
        int port = port(request);
        return new PodRendezvous(roles, RendezvousEnv.peers(roles, hosts, hosts.stream().map(h -> port).toList()));
    }

    static int port(LaunchRequest request) {
        return request.spec().ports().stream().findFirst().map(PortMapping::containerPort).orElse(DEFAULT_PORT);
    }

    /** The pod's host name: {@code tl-<run>-<role>-<role index>} (role names are kept short enough for a DNS label). */
    static String hostname(String runId, RunRoles.Slot slot) {
        return "tl-" + runId + "-" + slot.role() + "-" + slot.roleIndex();
    }

    /** The pod's subdomain: the run's headless Service. */
    static String subdomain(String runId) {
        return TasklaneLabels.runObjectName(runId);
    }

    Map<String, String> envOf(int rank) {
        return RendezvousEnv.of(roles, peers, rank, hasHostfile() ? HOSTFILE_PATH : null);
    }

    boolean hasHostfile() {
        return roles.framework() == io.tasklane.task.Framework.MPI;
    }

    String hostfile() {
        return MpiEnv.hostfile(roles, peers);
    }
}
