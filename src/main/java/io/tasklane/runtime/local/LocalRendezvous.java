package io.tasklane.runtime.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.tasklane.runtime.LaunchRequest;
import io.tasklane.runtime.rendezvous.MpiEnv;
import io.tasklane.runtime.rendezvous.Peer;
import io.tasklane.runtime.rendezvous.RendezvousEnv;
import io.tasklane.task.Framework;
import io.tasklane.task.RunRoles;

/**
 * The rendezvous of a distributed run on this host: every replica is reached at 127.0.0.1 on the port it
 * was given (its PORT), and an MPI run's hostfile is written into the run's directory. Nothing for a task
 * without roles.
 */
final class LocalRendezvous {

    private static final LocalRendezvous NONE = new LocalRendezvous(null, List.of(), null);

    private final RunRoles roles;
    private final List<Peer> peers;
    private final String hostfile;

    private LocalRendezvous(RunRoles roles, List<Peer> peers, String hostfile) {
        this.roles = roles;
        this.peers = peers;
        this.hostfile = hostfile;
    }

    /** {@code ports} are the ports of the request's replicas, in the request's order. */
    static LocalRendezvous of(LaunchRequest request, List<Integer> ports, Path runDir) throws IOException {
        RunRoles roles = request.roles();
        if (roles == null) {
            return NONE;
        }
        if (request.replicas().size() != roles.replicas()) {
            throw new IllegalStateException("run " + request.runId() + " of roles launches " + request.replicas().size()
                    + " of its " + roles.replicas() + " replicas; a distributed run is launched whole");
        }
        Integer[] byRank = new Integer[roles.replicas()];
        for (int i = 0; i < ports.size(); i++) {
            byRank[request.replicas().get(i).index()] = ports.get(i);
        }
        List<Peer> peers = RendezvousEnv.peers(roles, Collections.nCopies(roles.replicas(), "127.0.0.1"), List.of(byRank));
        String hostfile = null;
        if (roles.framework() == Framework.MPI) {
            Path file = runDir.resolve("hostfile");
            Files.writeString(file, MpiEnv.hostfile(roles, peers));
            hostfile = file.toString();
        }
        return new LocalRendezvous(roles, peers, hostfile);
    }

    Map<String, String> envOf(int rank) {
        return roles == null ? Map.of() : RendezvousEnv.of(roles, peers, rank, hostfile);
    }
}
