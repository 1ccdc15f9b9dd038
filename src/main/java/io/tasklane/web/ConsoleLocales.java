package io.tasklane.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

/**
 * The console's three languages: English, Simplified and Traditional Chinese. A browser's Chinese is read as
 * Traditional for Taiwan, Hong Kong, Macau or the Hant script and as Simplified otherwise; any other language
 * reads English. A choice made in the page is kept in the session.
 */
final class ConsoleLocales extends SessionLocaleResolver {

    static final Locale SIMPLIFIED_CHINESE = Locale.SIMPLIFIED_CHINESE;
    static final Locale TRADITIONAL_CHINESE = Locale.TRADITIONAL_CHINESE;
    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, SIMPLIFIED_CHINESE, TRADITIONAL_CHINESE);

    ConsoleLocales() {
        setDefaultLocaleFunction(request -> supported(request.getLocale()));
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        super.setLocale(request, response, locale == null ? null : supported(locale));
    }

    static Locale supported(Locale asked) {
        if (asked == null || !asked.getLanguage().equals("zh")) {
            return Locale.ENGLISH;
        }
        boolean traditional = asked.getScript().equals("Hant")
                || List.of("TW", "HK", "MO").contains(asked.getCountry());
        return traditional ? TRADITIONAL_CHINESE : SIMPLIFIED_CHINESE;
    }
}
