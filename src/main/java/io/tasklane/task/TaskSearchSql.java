package io.tasklane.task;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The WHERE clause and parameters of a task list query; every filter hits an index of V1. */
record TaskSearchSql(String where, Map<String, Object> params) {

    /** The SQL for {@code query}; null when the caller can see no project at all. */
    static TaskSearchSql of(TaskQuery query, Set<String> visibleProjects) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (visibleProjects != null) {
            if (visibleProjects.isEmpty()) {
                return null;
            }
            clauses.add("t.project in (:visible)");
            params.put("visible", visibleProjects);
        }
        equal(clauses, params, "t.name", "name", query.name());
        equal(clauses, params, "t.project", "project", query.project());
        equal(clauses, params, "t.cluster", "cluster", query.cluster());
        equal(clauses, params, "t.creator", "creator", query.creator());
        if (query.text() != null && !query.text().isBlank()) {
            clauses.add("(lower(t.name) like :text escape '\\' or t.id like :text escape '\\')");
            params.put("text", "%" + escapeLike(query.text().trim().toLowerCase(Locale.ROOT)) + "%");
        }
        if (!query.ids().isEmpty()) {
            clauses.add("t.id in (:ids)");
            params.put("ids", query.ids());
        }
        if (!query.states().isEmpty()) {
            clauses.add("t.state in (:states)");
            params.put("states", query.states().stream().map(Enum::name).toList());
        }
        for (int i = 0; i < query.tags().size(); i++) {
            clauses.add("exists (select 1 from tasklane.task_tag g where g.task_id = t.id and g.tag = :tag" + i + ")");
            params.put("tag" + i, query.tags().get(i));
        }
        if (query.archived() != null) {
            clauses.add("t.archived = :archived");
            params.put("archived", query.archived());
        }
        return new TaskSearchSql(clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses), params);
    }

    private static void equal(List<String> clauses, Map<String, Object> params, String column, String param, String value) {
        if (value != null && !value.isBlank()) {
            clauses.add(column + " = :" + param);
            params.put(param, value);
        }
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
