package io.tasklane.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** The Launch wizard as a person uses it: fields by their labels' ids, steps by their buttons, errors by their field. */
record LaunchWizard(Page page) {

    static LaunchWizard open(Page page, String base) {
        page.navigate(base + "/launch");
        return at(page, "resource");
    }

    /** The wizard as it stands on {@code step}, once that step is on screen. */
    static LaunchWizard at(Page page, String step) {
        assertThat(page.locator("fieldset.step[data-step=" + step + "]")).isVisible();
        return new LaunchWizard(page);
    }

    Locator field(String id) {
        return page.locator("#" + id);
    }

    LaunchWizard fill(String id, String value) {
        field(id).fill(value);
        return this;
    }

    LaunchWizard choose(String radioId) {
        field(radioId).check();
        return this;
    }

    /** The Next button; the wizard checks the steps left behind before it moves on. */
    void next() {
        page.locator("button[data-go=next]").click();
    }

    LaunchWizard nextTo(String step) {
        next();
        return at(page, step);
    }

    /** Jumps to a step with the step list above the form. */
    LaunchWizard jumpTo(String step) {
        page.locator(".wizard-steps button[data-step=" + step + "]").click();
        return at(page, step);
    }

    /** Launch (or Save, for an edit); the Task page of the launched task opens. */
    void launch() {
        page.locator("button[data-go=launch]").click();
        page.locator("#task-live").waitFor();
    }

    Locator gpus() {
        return page.locator("#gpus");
    }

    Locator nextFire() {
        return page.locator("#next-fire");
    }

    /** The message shown at a field; ids as the template writes them ({@code windows-0-time-error}). */
    Locator errorAt(String fieldId) {
        return page.locator("#" + fieldId + "-error");
    }

    Locator summary(String what) {
        return page.locator("[data-summary=" + what + "]");
    }
}
