package io.tasklane.runtime.local;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The ports this host's replicas were given (PORT, and the rendezvous addresses of distributed runs).
 * A port is free when the operating system hands it out and no live replica of this Tasklane holds it:
 * the system only knows ports that are bound, and a replica binds its port some time after it was given,
 * so without this book two runs starting close together could be given one port.
 */
final class PortBook {

    private final Set<Integer> held = new HashSet<>();

    /** {@code count} ports that are free now and held until {@link #release}d. */
    synchronized List<Integer> take(int count) throws IOException {
        List<Integer> ports = new ArrayList<>();
        List<ServerSocket> open = new ArrayList<>();
        try {
            // Keeping each probe socket open until all are chosen stops the system handing one out twice.
            while (ports.size() < count) {
                ServerSocket socket = new ServerSocket(0);
                open.add(socket);
                if (held.add(socket.getLocalPort())) {
                    ports.add(socket.getLocalPort());
                }
            }
        } catch (IOException e) {
            ports.forEach(held::remove);
            throw e;
        } finally {
            for (ServerSocket socket : open) {
                socket.close();
            }
        }
        return ports;
    }

    /** Marks a port held by a replica found after a restart. */
    synchronized void hold(Integer port) {
        if (port != null) {
            held.add(port);
        }
    }

    synchronized void release(Integer port) {
        if (port != null) {
            held.remove(port);
        }
    }
}
