package io.tasklane.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

/**
 * fabric8's CRUD dispatcher with what it lacks for Tasklane's tests: pod logs ({@code /pods/{name}/log}
 * answered as text/plain from {@link #setLog}) and injected failures ({@link #fail}), so tests can
 * make the API server answer 403, 409 or 500 to a chosen request.
 */
public class ApiServerMock extends Dispatcher {

    private static final Pattern POD_LOG = Pattern.compile("/api/v1/namespaces/([^/]+)/pods/([^/?]+)/log(\\?.*)?");

    private final Dispatcher crud;
    private final Map<String, String> logs = new ConcurrentHashMap<>();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();

    public ApiServerMock(Dispatcher crud) {
        this.crud = crud;
    }

    /** The next {@code times} requests of {@code method} whose path matches {@code pathRegex} get {@code code}. */
    public void fail(String method, String pathRegex, int code, int times) {
        faults.add(new Fault(method, Pattern.compile(pathRegex), code, new AtomicInteger(times)));
    }

    public void clearFaults() {
        faults.clear();
    }

    /** What {@code GET .../pods/{pod}/log} answers for the pod. */
    public void setLog(String namespace, String pod, String text) {
        logs.put(namespace + "/" + pod, text);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        for (Fault fault : faults) {
            if (fault.method.equalsIgnoreCase(request.getMethod()) && fault.path.matcher(request.getPath()).find()
                    && fault.remaining.getAndDecrement() > 0) {
                return status(fault.code, "injected by the test: HTTP " + fault.code);
            }
        }
        Matcher log = POD_LOG.matcher(request.getPath());
        if ("GET".equalsIgnoreCase(request.getMethod()) && log.matches()) {
            String text = logs.get(log.group(1) + "/" + log.group(2));
            return text == null ? status(404, "pods \"" + log.group(2) + "\" not found")
                    : new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/plain").setBody(text);
        }
        return crud.dispatch(request);
    }

    private static MockResponse status(int code, String message) {
        String body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"" + message
                + "\",\"code\":" + code + "}";
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
    }

    private record Fault(String method, Pattern path, int code, AtomicInteger remaining) {
    }
}
