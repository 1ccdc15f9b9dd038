package io.tasklane.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP endpoint for webhook tests (the JDK's own server on a free port): it records every POST with its
 * headers and bytes, and answers with the statuses it was told to, in order, then 200.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received: its headers (names lower-case) and body bytes. */
    public record Received(Map<String, String> headers, byte[] body) {

        public String bodyText() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> answers = new ArrayDeque<>();

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                Map<String, String> headers = new java.util.TreeMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
                received.add(new Received(headers, in.readAllBytes()));
            }
            int status;
            synchronized (answers) {
                status = answers.isEmpty() ? 200 : answers.removeFirst();
            }
            byte[] answer = (status == 200 ? "ok" : "not now").getBytes();
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    /** The next requests are answered with these statuses, in order. */
    public WebhookReceiver answering(int... statuses) {
        synchronized (answers) {
            for (int status : statuses) {
                answers.addLast(status);
            }
        }
        return this;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
