package io.tasklane.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A task list request. Null or empty filters do not filter. {@code text} matches a substring of the
 * name or id, ignoring case; {@code tags} must all be present; {@code states} match any.
 */
public record TaskQuery(String name, String text, List<String> ids, List<TaskState> states, List<String> tags,
                        String project, String cluster, String creator, Boolean archived, int offset, int limit,
                        Sort sort, boolean ascending) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 500;

    /** The orders a list can have; each breaks ties by id so pages never overlap. */
    public enum Sort {
        name("t.name"), id("t.id"), createdAt("t.created_at"), updatedAt("t.updated_at");

        final String column;

        Sort(String column) {
            this.column = column;
        }
    }

    /** Every free-text parameter by its query-parameter name, repeatable ones joined. */
    public Map<String, String> textFilters() {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("name", name);
        filters.put("text", text);
        filters.put("id", String.join(",", ids));
        filters.put("tag", String.join(",", tags));
        filters.put("project", project);
        filters.put("cluster", cluster);
        filters.put("creator", creator);
        return filters;
    }

    public TaskQuery {
        ids = ids == null ? List.of() : List.copyOf(ids);
        states = states == null ? List.of() : List.copyOf(states);
        tags = tags == null ? List.of() : List.copyOf(tags);
        sort = sort == null ? Sort.createdAt : sort;
    }
}
