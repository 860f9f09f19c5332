package io.kinefold.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats a run can be exported to, each named on the command line by its file extension. */
public enum ExportFormat {
    CSV("csv", "CSV"),
    MARKDOWN("md", "Markdown"),
    LATEX("tex", "LaTeX"),
    JSON("json", "JSON"),
    HTML("html", "HTML");

    private final String extension;
    private final String label;

    ExportFormat(String extension, String label) {
        this.extension = extension;
        this.label = label;
    }

    /** The format's name for people: menus, dialogs, messages. */
    public String label() {
        return label;
    }

    /** The file extension without the dot, which is also the name {@link #parse} takes. */
    public String extension() {
        return extension;
    }

    /**
     * The format named by its extension ({@code csv}, {@code md}, {@code tex}, {@code json},
     * {@code html}) or its constant name, in any case.
     *
     * @throws IllegalArgumentException naming the allowed values when the name is none of them
     */
    public static ExportFormat parse(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (ExportFormat f : values()) {
            if (f.extension.equals(n) || f.name().toLowerCase(Locale.ROOT).equals(n)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown export format '" + name + "': expected one of "
                + Arrays.stream(values()).map(ExportFormat::extension).collect(Collectors.joining(", ")));
    }
}
