package io.tasklane.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tasklane.common.ConflictException;
import io.tasklane.common.FieldViolation;
import io.tasklane.common.InvalidInputException;
import io.tasklane.task.TaskSpec;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads task configurations from request bodies so that one answer names every broken field: fields of the
 * wrong type are noted and left unset, the rest is checked by the same rules as always, and both lists are
 * answered together. Also applies JSON Merge Patch (RFC 7396) bodies to a task's configuration.
 */
@Component
class TaskSpecBodies {

    /** A body read as far as it could be: the spec, and the fields that could not be read into it. */
    record Read(TaskSpec spec, List<FieldViolation> unreadable) {
    }

    private final ObjectMapper mapper;
    private final TransactionTemplate dryRun;

    TaskSpecBodies(ObjectMapper mapper, PlatformTransactionManager transactions) {
        this.mapper = mapper;
        this.dryRun = new TransactionTemplate(transactions);
    }

    /** A create, replace or copy body; {@code null} (no body) is a spec that gives nothing. */
    Read read(JsonNode body) {
        if (body == null || body.isNull()) {
            return new Read(TaskSpec.empty(), List.of());
        }
        if (!body.isObject()) {
            throw new InvalidInputException(null, "json-object", "the body must be a JSON object of task fields");
        }
        List<FieldViolation> unreadable = new ArrayList<>();
        try {
            TaskSpec spec = mapper.readerFor(TaskSpec.class).withAttribute(FieldErrorCollector.SINK, unreadable).readValue(body);
            return new Read(spec, unreadable);
        } catch (IOException e) {
            throw new InvalidInputException(List.of(JsonViolations.unreadable(e)));
        }
    }

    /** {@code current} with a JSON Merge Patch applied: fields given replace, {@code null} removes (back to the default). */
    Read patched(TaskSpec current, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw new InvalidInputException(null, "json-object", "a merge patch of a task must be a JSON object of the fields to change");
        }
        ObjectNode target = mapper.valueToTree(current);
        if (target.get("ray") instanceof ObjectNode ray) {
            ray.remove("importPath");  // shown, never given
        }
        return read(JsonMergePatch.apply(target, patch));
    }

    /**
     * Does {@code action} with a body that was read whole; with one that was not, refuses it naming its
     * unreadable fields together with every rule the rest of it breaks. To learn those, the action runs
     * in a transaction that is always rolled back, so a refused body changes nothing.
     */
    <T> T act(Read read, Supplier<T> action) {
        if (read.unreadable().isEmpty()) {
            return action.get();
        }
        List<FieldViolation> all = new ArrayList<>(read.unreadable());
        try {
            dryRun.execute(status -> {
                status.setRollbackOnly();
                return action.get();
            });
        } catch (InvalidInputException e) {
            e.violations().stream().filter(v -> !concernsUnreadable(v, read.unreadable())).forEach(all::add);
        } catch (ConflictException e) {
            // A name taken or a state that allows no edit: the unreadable fields come first.
        }
        throw new InvalidInputException(all);
    }

    /** A rule about a field that could not be read (left unset, so "required") says nothing new. */
    private static boolean concernsUnreadable(FieldViolation violation, List<FieldViolation> unreadable) {
        String field = violation.field();
        return field != null && unreadable.stream().map(FieldViolation::field).anyMatch(bad -> bad != null
                && (field.equals(bad) || field.startsWith(bad + ".") || field.startsWith(bad + "[")));
    }
}
