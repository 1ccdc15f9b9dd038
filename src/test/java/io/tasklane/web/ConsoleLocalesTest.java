package io.tasklane.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ConsoleLocalesTest {

    @Test
    void chineseIsSimplifiedUnlessTheBrowserAsksForTraditional() {
        assertThat(ConsoleLocales.supported(Locale.forLanguageTag("zh-CN"))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(ConsoleLocales.supported(Locale.forLanguageTag("zh"))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(ConsoleLocales.supported(Locale.forLanguageTag("zh-Hans-SG"))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(ConsoleLocales.supported(Locale.forLanguageTag("zh-TW"))).isEqualTo(Locale.TRADITIONAL_CHINESE);
        assertThat(ConsoleLocales.supported(Locale.forLanguageTag("zh-HK"))).isEqualTo(Locale.TRADITIONAL_CHINESE);
        assertThat(ConsoleLocales.supported(Locale.forLanguageTag("zh-Hant"))).isEqualTo(Locale.TRADITIONAL_CHINESE);
    }

    @Test
    void anyOtherLanguageReadsEnglish() {
        assertThat(ConsoleLocales.supported(Locale.forLanguageTag("de-DE"))).isEqualTo(Locale.ENGLISH);
        assertThat(ConsoleLocales.supported(Locale.forLanguageTag("en-GB"))).isEqualTo(Locale.ENGLISH);
        assertThat(ConsoleLocales.supported(null)).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void theSwitchKeepsThePagesAddressAndQueryAndChangesOnlyTheLanguage() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.setQueryString("tab=running&text=llama%20chat&tag=nlp&lang=en");

        assertThat(ConsoleModel.switchTo(request, "zh-CN")).isEqualTo("/?tab=running&text=llama%20chat&tag=nlp&lang=zh-CN");
        assertThat(ConsoleModel.switchTo(new MockHttpServletRequest("GET", "/tasks/t1"), "zh-TW")).isEqualTo("/tasks/t1?lang=zh-TW");
    }
}
