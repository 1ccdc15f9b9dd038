package io.tasklane.web;

import jakarta.servlet.http.HttpServletRequest;

/** What the console reads from htmx's request headers. */
final class Htmx {

    private Htmx() {
    }

    /** A request htmx made (a refresh or an action), which is answered with a fragment, not a page. */
    static boolean isHtmx(HttpServletRequest request) {
        return request.getHeader("HX-Request") != null;
    }
}
