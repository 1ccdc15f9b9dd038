package io.tasklane.web;

import java.util.List;
import java.util.Locale;

import io.tasklane.security.Caller;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every console page's frame shows: who is signed in, and the languages to switch to. */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
class ConsoleModel {

    /** The signed-in person, or null on the sign-in page. */
    @ModelAttribute("me")
    Caller me() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Caller caller ? caller : null;
    }

    @ModelAttribute("languages")
    List<Language> languages(Locale locale) {
        return ConsoleLocales.SUPPORTED.stream()
                .map(language -> new Language(language.toLanguageTag(), language.equals(locale)))
                .toList();
    }

    /** A language of the switch: its tag ({@code zh-CN}, also its message key) and whether the page is in it. */
    public record Language(String tag, boolean current) {
    }
}
