package io.tasklane.deploy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of PromQL to check a dashboard query: which aggregation operator is applied first to each metric it
 * reads (the innermost {@code sum}, {@code max}... around it, through functions such as {@code rate} or
 * {@code increase}), or none.
 */
final class PromQl {

    static final String NONE = "none";
    private static final Set<String> AGGREGATIONS = Set.of("sum", "max", "min", "avg", "count", "group", "stddev", "stdvar",
            "topk", "bottomk", "quantile", "count_values");
    private static final Pattern METRIC = Pattern.compile("\\b(tasklane_[a-z_]+|executor_[a-z_]+)\\b");

    private PromQl() {
    }

    /** Each metric {@code expr} reads, with the first aggregation applied to it ({@link #NONE} if it is not aggregated). */
    static Map<String, String> firstAggregations(String expr) {
        Map<String, String> found = new LinkedHashMap<>();
        Matcher metric = METRIC.matcher(expr);
        while (metric.find()) {
            found.put(metric.group(1), firstAggregation(expr, metric.start()));
        }
        return found;
    }

    private static String firstAggregation(String expr, int at) {
        int open = enclosingParenthesis(expr, at);
        while (open >= 0) {
            String operator = operatorOf(expr, open);
            if (AGGREGATIONS.contains(operator)) {
                return operator;
            }
            open = enclosingParenthesis(expr, open);
        }
        return NONE;
    }

    /** The position of the '(' that encloses position {@code at}, or -1. */
    private static int enclosingParenthesis(String expr, int at) {
        int depth = 0;
        for (int i = at - 1; i >= 0; i--) {
            char c = expr.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return -1;
    }

    /** The function or operator whose argument list opens at {@code open}: {@code rate(}, {@code sum by (x) (}, {@code max(}. */
    private static String operatorOf(String expr, int open) {
        int end = skipSpaceBackwards(expr, open - 1);
        if (end >= 0 && expr.charAt(end) == ')') {
            // "sum by (labels) (": skip the grouping clause and its keyword to reach the operator.
            int groupOpen = enclosingParenthesis(expr, end);
            String keyword = wordBefore(expr, skipSpaceBackwards(expr, groupOpen - 1));
            if (!keyword.equals("by") && !keyword.equals("without")) {
                return "";
            }
            return wordBefore(expr, skipSpaceBackwards(expr, skipSpaceBackwards(expr, groupOpen - 1) - keyword.length()));
        }
        return wordBefore(expr, end);
    }

    private static int skipSpaceBackwards(String expr, int i) {
        while (i >= 0 && Character.isWhitespace(expr.charAt(i))) {
            i--;
        }
        return i;
    }

    private static String wordBefore(String expr, int end) {
        int start = end;
        while (start >= 0 && (Character.isLetterOrDigit(expr.charAt(start)) || expr.charAt(start) == '_')) {
            start--;
        }
        return expr.substring(start + 1, end + 1);
    }
}
