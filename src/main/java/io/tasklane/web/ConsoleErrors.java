package io.tasklane.web;

import java.util.stream.Collectors;

import io.tasklane.common.ConflictException;
import io.tasklane.common.ForbiddenException;
import io.tasklane.common.InvalidInputException;
import io.tasklane.common.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The console's refusals, in the words of the rule that refused (the message the API puts in its problem's
 * {@code detail}) and with the API's status. An action or a refresh gets a notice, a page gets a page. Ordered
 * before the API's handler, which answers problem+json to everything else.
 */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    private final RuleWords ruleWords;

    ConsoleErrors(RuleWords ruleWords) {
        this.ruleWords = ruleWords;
    }

    /** The same refusals the API answers with problem+json, in words on the page, with the same status. */
    @ExceptionHandler({ConflictException.class, InvalidInputException.class, ForbiddenException.class, NotFoundException.class})
    ModelAndView refusal(RuntimeException refusal, HttpServletRequest request, HttpServletResponse response) {
        String words = refusal instanceof InvalidInputException invalid
                ? invalid.violations().stream().map(ruleWords::say).collect(Collectors.joining("; "))
                : refusal instanceof ConflictException conflict ? ruleWords.say(conflict.violation()) : refusal.getMessage();
        return refused(statusOf(refusal), words, request, response);
    }

    private static HttpStatus statusOf(RuntimeException refusal) {
        if (refusal instanceof ConflictException) {
            return HttpStatus.CONFLICT;
        }
        if (refusal instanceof InvalidInputException) {
            return HttpStatus.BAD_REQUEST;
        }
        return refusal instanceof ForbiddenException ? HttpStatus.FORBIDDEN : HttpStatus.NOT_FOUND;
    }

    private static ModelAndView refused(HttpStatus status, String message, HttpServletRequest request, HttpServletResponse response) {
        boolean fragment = Htmx.isHtmx(request) || !"GET".equals(request.getMethod());
        ModelAndView view = new ModelAndView(fragment ? "fragments/notice :: notice" : "refused");
        view.setStatus(status);
        view.addObject("noticeKey", "notice.refused." + status.value());
        view.addObject("noticeDetail", message);
        view.addObject("noticeError", true);
        // htmx swaps this notice into the page although the status is an error (see the htmx-config meta tag).
        response.setHeader("HX-Retarget", "#notice");
        return view;
    }
}
