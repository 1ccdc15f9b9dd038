package io.tasklane.task;

import java.util.List;

import org.springframework.stereotype.Component;

/** Every {@link StartGuard} the application has, asked before a run opens; none means every start is allowed. */
@Component
public class StartGuards {

    private final List<StartGuard> guards;

    StartGuards(List<StartGuard> guards) {
        this.guards = List.copyOf(guards);
    }

    /** Throws the first guard's refusal; writes nothing, so a caller may catch it and keep its transaction. */
    public void requireStartAllowed(String project) {
        guards.forEach(guard -> guard.requireStartAllowed(project));
    }
}
