package io.tasklane.runtime.kubernetes;

/** The API server answered a request with a refusal that retrying will not change (403, 404, 409, 422...). */
class KubernetesRefusedException extends RuntimeException {

    private final int code;

    KubernetesRefusedException(String what, int code, String reason) {
        super(what + ": " + explain(code) + " (HTTP " + code + "): " + reason);
        this.code = code;
    }

    int code() {
        return code;
    }

    boolean isNotFound() {
        return code == 404;
    }

    boolean isConflict() {
        return code == 409;
    }

    private static String explain(int code) {
        return switch (code) {
            case 401 -> "Tasklane's credentials were not accepted";
            case 403 -> "Tasklane's service account is not allowed to do this";
            case 404 -> "not found";
            case 409 -> "already exists";
            case 422 -> "the object is invalid";
            default -> "refused";
        };
    }
}
