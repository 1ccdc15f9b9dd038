package io.tasklane.runtime;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * A replica's log file as the API and the console show it: its end, or what was written after a byte offset, with
 * terminal escapes stripped (Ray colours its logs). A piece ends after a whole line while the replica may still write,
 * so an escape sequence or a character is never cut in two between pieces.
 */
public final class LogTail {

    private LogTail() {
    }

    /**
     * A piece of a log: its text and the byte offset the next piece starts at. {@code restarted}: the file was
     * shorter than the offset asked for (truncated or replaced), so the text is read from its start again.
     */
    public record Piece(String text, long next, boolean restarted) {
    }

    /** The last {@code lines} lines of the file. Reads backwards, so a tail of a large log costs what the tail is, not the file. */
    public static String lastLines(Path file, int lines) throws IOException {
        return tail(file, lines, true).text();
    }

    /**
     * The last {@code lines} lines of the file and the offset after them, to follow the log from. Unless the log has
     * {@code ended}, a last line still being written (no newline yet) is left to the next piece.
     */
    public static Piece tail(Path file, int lines, boolean ended) throws IOException {
        try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
            long position = log.length();
            Deque<byte[]> chunks = new ArrayDeque<>();
            int newlines = 0;
            long size = 0;
            // One newline more than lines: the line before the kept ones may start before what was read.
            while (position > 0 && newlines <= lines) {
                int length = (int) Math.min(8192, position);
                position -= length;
                byte[] chunk = new byte[length];
                log.seek(position);
                log.readFully(chunk);
                for (byte b : chunk) {
                    if (b == '\n') {
                        newlines++;
                    }
                }
                chunks.addFirst(chunk);
                size += length;
            }
            byte[] all = new byte[(int) size];
            int offset = 0;
            for (byte[] chunk : chunks) {
                System.arraycopy(chunk, 0, all, offset, chunk.length);
                offset += chunk.length;
            }
            int end = ended ? all.length : lastNewline(all, all.length) + 1;
            String text = new String(all, 0, end, StandardCharsets.UTF_8);
            String[] split = text.split("\n", -1);
            int last = text.isEmpty() || text.endsWith("\n") ? split.length - 1 : split.length;
            int first = Math.max(0, last - lines);
            String kept = String.join("\n", Arrays.copyOfRange(split, first, last)) + (last > first ? "\n" : "");
            return new Piece(AnsiText.strip(kept), position + end, false);
        }
    }

    /**
     * What the file holds from byte {@code offset} on, at most {@code maxBytes} of it. Unless the log has {@code ended},
     * only whole lines (a line longer than {@code maxBytes} is cut at a character's start).
     */
    public static Piece after(Path file, long offset, int maxBytes, boolean ended) throws IOException {
        try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
            long length = log.length();
            boolean restarted = offset > length;
            long from = restarted ? 0 : offset;
            int size = (int) Math.min(maxBytes, length - from);
            byte[] bytes = new byte[size];
            log.seek(from);
            log.readFully(bytes);
            int end = size;
            boolean toTheEnd = from + size == length;
            if (!(ended && toTheEnd)) {
                int newline = lastNewline(bytes, size);
                end = newline >= 0 ? newline + 1 : size == maxBytes ? characterStart(bytes, size) : 0;
            }
            return new Piece(AnsiText.strip(new String(bytes, 0, end, StandardCharsets.UTF_8)), from + end, restarted);
        }
    }

    private static int lastNewline(byte[] bytes, int length) {
        for (int i = length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** {@code end}, or less so that the bytes before it do not end inside a UTF-8 character. */
    private static int characterStart(byte[] bytes, int end) {
        int lead = end - 1;
        while (lead > 0 && (bytes[lead] & 0xC0) == 0x80) {
            lead--; // continuation bytes are 10xxxxxx
        }
        if (lead < 0) {
            return end;
        }
        int b = bytes[lead] & 0xFF;
        int length = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
        return lead + length <= end ? end : lead;
    }
}
