package io.tasklane.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A plain HTTP client for the running application, so tests see exactly what a user's curl sees. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    private final String base;
    private final String user;
    private final String password;

    private Api(String base, String user, String password) {
        this.base = base;
        this.user = user;
        this.password = password;
    }

    public static Api anonymous(int port) {
        return new Api("http://localhost:" + port, null, null);
    }

    public Api as(String userAndPassword) {
        return new Api(base, userAndPassword, userAndPassword);
    }

    public Api as(String user, String password) {
        return new Api(base, user, password);
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    public Response post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A JSON Merge Patch (RFC 7396). */
    public Response patch(String path, String json) {
        return send(request(path).header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Any request, for content types and bodies the shortcuts above do not make. */
    public Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response);
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (user != null) {
            String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            builder.header("Authorization", "Basic " + token);
        }
        return builder;
    }

    /** A response with its body parsed as JSON where it is JSON. */
    public record Response(int status, String body, String contentType, HttpResponse<String> raw) {

        Response(HttpResponse<String> raw) {
            this(raw.statusCode(), raw.body(), raw.headers().firstValue("Content-Type").orElse(""), raw);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }

        /** The given top-level field of every item of a list answer, in order. */
        public java.util.List<String> items(String field) {
            java.util.List<String> values = new java.util.ArrayList<>();
            json().get("items").forEach(item -> values.add(item.path(field).asText(null)));
            return values;
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
