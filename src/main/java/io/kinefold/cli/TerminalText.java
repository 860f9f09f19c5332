package io.kinefold.cli;

import io.kinefold.report.VisibleText;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Makes text from a dataset, a spec or a store safe to print on a terminal. Recording ids,
 * subjects, exercises, file names and problem messages come from files anyone may have written; an
 * ESC or CSI in them would be obeyed by the terminal (recolour, move the cursor, retitle the
 * window, rewrite what was printed before). Every control character is shown as a visible escape
 * instead, <code>&#92;u001b</code> for ESC: C0 except tab and line feed, DEL, C1, and the bidirectional
 * overrides and isolates that reorder what is shown ({@code U+202A}–{@code U+202E},
 * {@code U+2066}–{@code U+2069}). A carriage return is kept only as part of a line separator.
 *
 * <p>The command line's two streams are wrapped by {@link #writer} once, in
 * {@link KinefoldCommand#commandLine}, so that every command's output, human or JSON, passes through
 * here without each printed value having to be wrapped. JSON stays valid: Jackson has already
 * escaped C0 inside strings, and the <code>&#92;uXXXX</code> form given to the rest is JSON's own.
 */
final class TerminalText {
    private TerminalText() {}

    /** Control characters as {@link VisibleText} sees them, and a carriage return (kept only before a line feed). */
    static boolean isUnsafe(char c) {
        return c == '\r' || VisibleText.isControl(c);
    }

    private static void appendEscaped(StringBuilder b, char c) {
        VisibleText.appendEscape(b, c);
    }

    /** A print writer that escapes everything written through it before it reaches {@code target}. */
    static PrintWriter writer(PrintWriter target) {
        return new PrintWriter(new Escaping(target), true);
    }

    /** Escapes as it goes; a carriage return waits for the next character to tell a line separator from an overprint. */
    private static final class Escaping extends FilterWriter {
        private boolean pendingReturn;

        Escaping(Writer out) {
            super(out);
        }

        @Override
        public void write(int c) throws IOException {
            StringBuilder b = new StringBuilder(8);
            accept((char) c, b);
            out.write(b.toString());
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            StringBuilder b = new StringBuilder(length + 16);
            for (int i = offset; i < offset + length; i++) {
                accept(chars[i], b);
            }
            out.write(b.toString());
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
            StringBuilder b = new StringBuilder(length + 16);
            for (int i = offset; i < offset + length; i++) {
                accept(text.charAt(i), b);
            }
            out.write(b.toString());
        }

        private void accept(char c, StringBuilder b) {
            if (pendingReturn) {
                pendingReturn = false;
                if (c == '\n') {
                    b.append('\r').append('\n');
                    return;
                }
                appendEscaped(b, '\r');
            }
            if (c == '\r') {
                pendingReturn = true;
            } else if (isUnsafe(c)) {
                appendEscaped(b, c);
            } else {
                b.append(c);
            }
        }

        @Override
        public void flush() throws IOException {
            // A lone carriage return at a flush stays pending: the line separator's \n may follow in the next write.
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (pendingReturn) {
                pendingReturn = false;
                out.write("\\u000d");
            }
            out.close();
        }
    }
}
