package io.tasklane.web;

import java.util.List;
import java.util.Locale;

import io.tasklane.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** What every console page's frame shows: who is signed in, and the languages to switch to. */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
class ConsoleModel {

    /** The signed-in person, or null on the sign-in page. */
    @ModelAttribute("me")
    Caller me() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Caller caller ? caller : null;
    }

    /** The switch's links keep the page's address and query (tab, filters, search), changing only the language. */
    @ModelAttribute("languages")
    List<Language> languages(Locale locale, HttpServletRequest request) {
        return ConsoleLocales.SUPPORTED.stream()
                .map(language -> new Language(language.toLanguageTag(), language.equals(locale),
                        switchTo(request, language.toLanguageTag())))
                .toList();
    }

    static String switchTo(HttpServletRequest request, String tag) {
        return UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
                .replaceQueryParam("lang", tag).build().toUriString();
    }

    /**
     * A language of the switch: its tag ({@code zh-CN}, also its message key), whether the page is in it, and the
     * address of this page in it.
     */
    public record Language(String tag, boolean current, String href) {
    }
}
