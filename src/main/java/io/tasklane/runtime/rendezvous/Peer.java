package io.tasklane.runtime.rendezvous;

/** One replica of a distributed run as its peers reach it: its place in the run and its address. */
public record Peer(String role, int roleIndex, int rank, String host, int port) {

    /** {@code host:port}. */
    public String address() {
        return host + ":" + port;
    }
}
