package io.tasklane.web;

import java.util.Locale;
import java.util.Optional;

import io.tasklane.common.AddressedIds;
import io.tasklane.preemption.ForceStart;
import io.tasklane.preemption.ForceStartId;
import io.tasklane.preemption.ForceStartService;
import io.tasklane.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The Queue page: per cluster, the runs holding GPUs and those waiting in admission order. Admins pin (after a preview
 * of what it delays and what a force-start would kill), unpin and force-start here, and confirm or reject a
 * force-start's plan: the same decision as its Tasklist task, so deciding in either ends the other. Pin, unpin and
 * force-start are the Tasks page's row actions ({@link TaskActionsController}).
 */
@Controller
class QueueController {

    private final QueueBoard board;
    private final ImpactPreview impact;
    private final ForceStartService forceStarts;
    private final MessageSource messages;

    QueueController(QueueBoard board, ImpactPreview impact, ForceStartService forceStarts, MessageSource messages) {
        this.board = board;
        this.impact = impact;
        this.forceStarts = forceStarts;
        this.messages = messages;
    }

    @GetMapping({"/queue", "/queue/{cluster}"})
    String queue(@AuthenticationPrincipal Caller caller, @PathVariable Optional<String> cluster,
                 @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("clusters", board.read(caller, cluster));
        model.addAttribute("only", cluster.orElse(null));
        return htmx != null ? "queue :: board" : "queue";
    }

    /** What pinning the task would do; shown in the page before the admin confirms the pin. */
    @GetMapping("/queue/impact/{taskId}")
    String impact(@AuthenticationPrincipal Caller caller, @PathVariable String taskId, Model model) {
        model.addAttribute("impact", impact.of(caller, taskId));
        return "queue :: impact";
    }

    /**
     * A force-start with its plan, to confirm or reject it where it was asked for (the Tasks or Task page); refreshed
     * there while it is under way.
     */
    @GetMapping("/queue/force-starts/{id}")
    String forceStart(@AuthenticationPrincipal Caller caller, @PathVariable String id, Model model) {
        model.addAttribute("forceStart", QueueBoard.forceStartLine(forceStarts.get(caller, forceStartId(id))));
        return "queue :: forceStartLive";
    }

    @PostMapping("/queue/force-starts/{id}/confirm")
    String confirm(@AuthenticationPrincipal Caller caller, @PathVariable String id, HttpServletRequest request,
                   HttpServletResponse response, Model model) {
        return decided(forceStarts.decide(caller, forceStartId(id), true), "notice.force-start.confirmed", request, response, model);
    }

    @PostMapping("/queue/force-starts/{id}/reject")
    String reject(@AuthenticationPrincipal Caller caller, @PathVariable String id, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        return decided(forceStarts.decide(caller, forceStartId(id), false), "notice.force-start.rejected", request, response, model);
    }

    private String decided(ForceStart start, String messageKey, HttpServletRequest request, HttpServletResponse response,
                           Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        String outcome = start.outcome() == null ? messages.getMessage("forceStart." + start.state(), null, locale)
                : StoredTexts.FORCE_START_OUTCOMES.read(start.outcome()).in(messages, locale);
        return Htmx.done("/queue/" + start.cluster().value(), TaskActionsController.CHANGED_EVENT, messageKey, outcome,
                request, response, model);
    }

    private static ForceStartId forceStartId(String id) {
        return AddressedIds.of("forceStart", id, ForceStartId::new);
    }
}
