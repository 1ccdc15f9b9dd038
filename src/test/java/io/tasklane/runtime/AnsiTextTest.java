package io.tasklane.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnsiTextTest {

    @Test
    void coloursAreStrippedAndTheTextStays() {
        assertThat(AnsiText.strip("\u001b[32mhello\u001b[0m\n")).isEqualTo("hello\n");
        assertThat(AnsiText.strip("\u001b[1;31mERROR\u001b[39;49m raylet died")).isEqualTo("ERROR raylet died");
    }

    @Test
    void titlesLinksAndCursorMovesAreStripped() {
        assertThat(AnsiText.strip("\u001b]0;title\u0007ok")).isEqualTo("ok");
        assertThat(AnsiText.strip("\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\")).isEqualTo("link");
        assertThat(AnsiText.strip("\u001b[2K\u001b[1Gdone")).isEqualTo("done");
    }

    @Test
    void aProgressBarRedrawnWithCarriageReturnsShowsItsLastDrawing() {
        assertThat(AnsiText.strip("10%\r50%\r100%\nnext\r\n")).isEqualTo("100%\nnext\n");
    }

    @Test
    void plainTextIsUnchanged() {
        assertThat(AnsiText.strip("a\tb\n中文 [not an escape]\n")).isEqualTo("a\tb\n中文 [not an escape]\n");
        assertThat(AnsiText.strip(null)).isEmpty();
    }
}
