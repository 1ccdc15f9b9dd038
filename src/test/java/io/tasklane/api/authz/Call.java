package io.tasklane.api.authz;

import java.util.function.Consumer;

import io.tasklane.support.Api;

/** One request of a matrix cell, and what to do once it is answered (wait for what it set off, note what it made). */
record Call(String method, String uri, String body, Consumer<Api.Response> after) {

    static Call get(String uri) {
        return new Call("GET", uri, null, response -> { });
    }

    static Call post(String uri, String body) {
        return new Call("POST", uri, body, response -> { });
    }

    static Call put(String uri, String body) {
        return new Call("PUT", uri, body, response -> { });
    }

    static Call patch(String uri, String body) {
        return new Call("PATCH", uri, body, response -> { });
    }

    static Call delete(String uri) {
        return new Call("DELETE", uri, null, response -> { });
    }

    Call then(Consumer<Api.Response> next) {
        return new Call(method, uri, body, after.andThen(next));
    }

    Api.Response send(Api api) {
        Api.Response response = switch (method) {
            case "GET" -> api.get(uri);
            case "POST" -> api.post(uri, body);
            case "PUT" -> api.put(uri, body == null ? "" : body);
            case "PATCH" -> api.patch(uri, body);
            case "DELETE" -> api.delete(uri);
            default -> throw new IllegalArgumentException(method);
        };
        after.accept(response);
        return response;
    }

    @Override
    public String toString() {
        return method + " " + uri;
    }
}
