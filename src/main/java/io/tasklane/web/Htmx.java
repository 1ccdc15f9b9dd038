package io.tasklane.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;

/** What the console reads from htmx's request headers. */
final class Htmx {

    private Htmx() {
    }

    /** A request htmx made (a refresh or an action), which is answered with a fragment, not a page. */
    static boolean isHtmx(HttpServletRequest request) {
        return request.getHeader("HX-Request") != null;
    }

    /**
     * The answer to an action done: for htmx a notice ({@code messageKey} with {@code argument}) and the event
     * {@code changed} that makes the page's lists refresh; for a plain form post (no JavaScript) a redirect to
     * {@code page}.
     */
    static String done(String page, String changed, String messageKey, String argument, HttpServletRequest request,
                       HttpServletResponse response, Model model) {
        if (!isHtmx(request)) {
            return "redirect:" + page;
        }
        response.setHeader("HX-Trigger", changed);
        model.addAttribute("noticeKey", messageKey);
        model.addAttribute("noticeArgument", argument);
        return "fragments/notice :: notice";
    }
}
