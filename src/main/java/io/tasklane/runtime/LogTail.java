package io.tasklane.runtime;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/** The end of a replica's log file, as the API and the console show it: terminal escapes stripped (Ray colours its logs). */
public final class LogTail {

    private LogTail() {
    }

    /** The last {@code lines} lines of the file. Reads backwards, so a tail of a large log costs what the tail is, not the file. */
    public static String lastLines(Path file, int lines) throws IOException {
        try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
            long position = log.length();
            Deque<byte[]> chunks = new ArrayDeque<>();
            int newlines = 0;
            long size = 0;
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
            String text = new String(all, StandardCharsets.UTF_8);
            String[] split = text.split("\n", -1);
            int end = text.endsWith("\n") ? split.length - 1 : split.length;
            int start = Math.max(0, end - lines);
            return AnsiText.strip(String.join("\n", Arrays.copyOfRange(split, start, end)) + (end > start ? "\n" : ""));
        }
    }
}
