package io.tasklane.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A log's end, and what is written after an offset: how the console follows a replica's log past its first lines. */
class LogTailTest {

    @TempDir
    Path dir;

    @Test
    void theTailIsTheLastLinesAndTheOffsetIsWhereTheyEnd() throws IOException {
        Path log = write("log", lines(1, 300));
        LogTail.Piece tail = LogTail.tail(log, 200, false);
        assertThat(tail.text()).startsWith("line-101\n").endsWith("line-300\n");
        assertThat(tail.text().lines()).hasSize(200);
        assertThat(tail.next()).isEqualTo(Files.size(log));
    }

    @Test
    void aLineStillBeingWrittenWaitsForTheNextPieceUnlessTheLogHasEnded() throws IOException {
        Path log = write("log", "one\ntwo\nthr");
        LogTail.Piece tail = LogTail.tail(log, 200, false);
        assertThat(tail.text()).isEqualTo("one\ntwo\n");
        assertThat(tail.next()).isEqualTo(8);
        assertThat(LogTail.tail(log, 200, true).text()).isEqualTo("one\ntwo\nthr\n"); // lines, each ended, as the API has always given

        append(log, "ee\nfour\n");
        LogTail.Piece after = LogTail.after(log, tail.next(), 1024, false);
        assertThat(after.text()).isEqualTo("three\nfour\n");
        assertThat(after.next()).isEqualTo(Files.size(log));
        assertThat(LogTail.after(log, after.next(), 1024, false).text()).isEmpty();
    }

    @Test
    void followingFromTheTailGathersEveryLineOnceEvenPastTheTailsLength() throws IOException {
        Path log = write("log", lines(1, 10));
        LogTail.Piece piece = LogTail.tail(log, 5, false);
        StringBuilder page = new StringBuilder(piece.text());
        append(log, lines(11, 500));
        do {
            piece = LogTail.after(log, piece.next(), 1000, false); // small pieces: a burst arrives over several polls
            page.append(piece.text());
        } while (!piece.text().isEmpty());
        assertThat(page.toString()).isEqualTo(lines(6, 500));
    }

    @Test
    void coloursAreStrippedAndAnEscapeIsNeverCutBetweenPieces() throws IOException {
        Path log = write("log", "\u001b[32mgreen\u001b[0m\n\u001b[31mre");
        LogTail.Piece tail = LogTail.tail(log, 10, false);
        assertThat(tail.text()).isEqualTo("green\n");
        append(log, "d\u001b[0m\n");
        assertThat(LogTail.after(log, tail.next(), 1024, false).text()).isEqualTo("red\n");
    }

    @Test
    void aLineLongerThanAPieceIsCutAtACharactersStart() throws IOException {
        Path log = write("log", "ab中文");  // a 2 ASCII bytes, then two 3-byte characters
        LogTail.Piece first = LogTail.after(log, 0, 4, false);
        assertThat(first.text()).isEqualTo("ab");
        assertThat(first.next()).isEqualTo(2);
        LogTail.Piece second = LogTail.after(log, first.next(), 4, false);
        assertThat(second.text()).isEqualTo("中");
        assertThat(LogTail.after(log, second.next(), 4, true).text()).isEqualTo("文");
    }

    @Test
    void aLogShorterThanTheOffsetWasReplacedAndIsReadFromItsStart() throws IOException {
        Path log = write("log", lines(1, 100));
        long offset = Files.size(log);
        Files.writeString(log, "new\n");
        LogTail.Piece piece = LogTail.after(log, offset, 1024, false);
        assertThat(piece.restarted()).isTrue();
        assertThat(piece.text()).isEqualTo("new\n");
        assertThat(piece.next()).isEqualTo(4);
    }

    @Test
    void lastLinesOfAnEndedLogKeepsItsLastLineWithoutNewline() throws IOException {
        assertThat(LogTail.lastLines(write("log", "a\nb\nc"), 2)).isEqualTo("b\nc\n");
        assertThat(LogTail.lastLines(write("empty", ""), 2)).isEmpty();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static void append(Path log, String text) throws IOException {
        Files.writeString(log, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private static String lines(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "line-" + i + "\n").collect(Collectors.joining());
    }
}
