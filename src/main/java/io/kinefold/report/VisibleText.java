package io.kinefold.report;

/**
 * Control characters in text from data (recording ids, subjects, exercises, model and class names,
 * problem messages) shown as visible escapes such as <code>&#92;u001b</code>, so that a report or a
 * terminal shows them rather than obeying them: C0 except tab, line feed and carriage return, DEL,
 * C1, and the bidirectional overrides and isolates that reorder what is shown.
 */
public final class VisibleText {
    private VisibleText() {}

    /** Whether the character is one that a terminal or a viewer would act on rather than show. */
    public static boolean isControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }

    /** Appends the character as a Java-and-JSON-style escape, backslash, u and four hex digits. */
    public static void appendEscape(StringBuilder b, char c) {
        b.append('\\').append('u').append(String.format(java.util.Locale.ROOT, "%04x", (int) c));
    }

    /** The text with every {@link #isControl} character escaped; tab and line breaks kept. */
    public static String of(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c)) {
                if (b == null) {
                    b = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                appendEscape(b, c);
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? text : b.toString();
    }
}
