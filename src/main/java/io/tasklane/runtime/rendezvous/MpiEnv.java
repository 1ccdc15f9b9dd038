package io.tasklane.runtime.rendezvous;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.tasklane.task.RunRoles;

/**
 * An MPI job (Horovod runs on it): the launcher runs {@code mpirun}, the other roles' replicas are its
 * hosts. The launcher is the chief role when the run has several roles and the chief is named
 * {@code launcher} or {@code master}; otherwise every replica is a host. Each replica is one slot (one
 * rank); replicas on one host add up. OpenMPI reads the hostfile from OMPI_MCA_orte_default_hostfile;
 * TASKLANE_MPI_HOSTS is the same list for {@code mpirun -H}.
 */
public final class MpiEnv {

    private MpiEnv() {
    }

    static Map<String, String> of(RunRoles roles, List<Peer> peers, String hostfilePath) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TASKLANE_MPI_HOSTS", hostList(roles, peers));
        env.put("TASKLANE_MPI_SLOTS", String.valueOf(hosts(roles, peers).size()));
        if (hostfilePath != null) {
            env.put("TASKLANE_MPI_HOSTFILE", hostfilePath);
            env.put("OMPI_MCA_orte_default_hostfile", hostfilePath);
        }
        return env;
    }

    /** The hostfile: one line per host, {@code <host> slots=<replicas there>}, in rank order. */
    public static String hostfile(RunRoles roles, List<Peer> peers) {
        return slotsByHost(roles, peers).entrySet().stream().map(e -> e.getKey() + " slots=" + e.getValue() + "\n")
                .collect(Collectors.joining());
    }

    /** The hosts for {@code mpirun -H}: {@code host:slots,...}. */
    static String hostList(RunRoles roles, List<Peer> peers) {
        return slotsByHost(roles, peers).entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining(","));
    }

    /** The replicas that run ranks: all but the launcher's. */
    static List<Peer> hosts(RunRoles roles, List<Peer> peers) {
        String launcher = launcherRole(roles);
        return peers.stream().filter(p -> !p.role().equals(launcher)).toList();
    }

    static String launcherRole(RunRoles roles) {
        String chief = roles.chief().name();
        return roles.roles().size() > 1 && (chief.equals("launcher") || chief.equals("master")) ? chief : null;
    }

    private static Map<String, Integer> slotsByHost(RunRoles roles, List<Peer> peers) {
        Map<String, Integer> slots = new LinkedHashMap<>();
        hosts(roles, peers).forEach(p -> slots.merge(p.host(), 1, Integer::sum));
        return slots;
    }
}
