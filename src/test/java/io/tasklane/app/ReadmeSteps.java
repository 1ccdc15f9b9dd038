package io.tasklane.app;

import java.util.ArrayList;
import java.util.List;

/**
 * The README's walk-through as steps: each {@code ```bash} block is a step, run in order in one shell; a
 * {@code ```json} block right after it (nothing but blank lines between) is what the step's last {@code curl}
 * must answer. Blocks fenced {@code ```sh} are shown, not run (they start servers or need a real cluster).
 */
record ReadmeSteps(List<Step> steps) {

    /** One {@code bash} block, the README line of its opening fence, and the answer it shows (or null). */
    record Step(int line, String script, String expectedJson) {

        /** The README's answer is an error (a problem with a 4xx status): the step's last call must fail so. */
        boolean expectsFailure() {
            return expectedJson != null && expectedJson.matches("(?s).*\"status\"\\s*:\\s*4\\d\\d.*");
        }
    }

    static ReadmeSteps parse(String markdown) {
        List<Step> steps = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        Step open = null;       // the last bash step, while only blank lines have followed it
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (!line.startsWith("```")) {
                if (!line.isBlank()) {
                    open = null;
                }
                continue;
            }
            String info = line.substring(3).trim();
            StringBuilder body = new StringBuilder();
            int start = i + 1;
            for (i = i + 1; i < lines.length && !lines[i].startsWith("```"); i++) {
                body.append(lines[i]).append('\n');
            }
            if (info.equals("bash")) {
                open = new Step(start, body.toString(), null);
                steps.add(open);
                continue;
            }
            if (info.equals("json") && open != null) {
                steps.set(steps.size() - 1, new Step(open.line(), open.script(), body.toString()));
            }
            open = null;
        }
        return new ReadmeSteps(steps);
    }
}
