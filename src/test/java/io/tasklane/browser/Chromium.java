package io.tasklane.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/** Debian's headless Chromium driven by Playwright, which never downloads a browser of its own. */
final class Chromium implements AutoCloseable {

    static final Path EXECUTABLE = Path.of(System.getenv().getOrDefault("TASKLANE_CHROMIUM", "/usr/bin/chromium"));

    private final Playwright playwright;
    final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    static Chromium launch() {
        assertThat(EXECUTABLE).as("Debian's chromium (apt-get install -y chromium), or TASKLANE_CHROMIUM").satisfies(Files::isExecutable);
        Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE).setHeadless(true)
                .setArgs(List.of("--disable-dev-shm-usage", "--no-sandbox")));
        return new Chromium(playwright, browser);
    }

    /** A page in a fresh context (its own cookies, so its own sign-in) at desktop size, in English. */
    Page newDesktopPage() {
        return browser.newContext(new Browser.NewContextOptions().setLocale("en-US").setViewportSize(1280, 800)).newPage();
    }

    /** A suffix that keeps names made by one test apart from those of other tests sharing the application. */
    static String suffix() {
        return Long.toString(System.nanoTime(), 36);
    }

    @Override
    public void close() {
        playwright.close();
    }
}
