package io.kinefold.data.synth;

import java.util.List;

/**
 * Writes {@code dataset.json}. By hand rather than through Jackson, so that a reader can take in
 * one recording per few lines (frame ranges on one line, one repetition per line) and the
 * field order is fixed.
 */
final class ManifestJson {

    static final String FORMAT = "kinefold-dataset/1";
    static final String TOOL = "kinefold dataset generate";

    private ManifestJson() {
    }

    static String encode(DatasetGenerator.Options options, List<Take.Written> recordings) {
        StringBuilder out = new StringBuilder(1024 + 512 * recordings.size());
        out.append("{\n");
        out.append("  \"format\": ").append(quote(FORMAT)).append(",\n");
        out.append("  \"name\": ").append(quote(options.name())).append(",\n");
        out.append("  \"fps\": ").append(options.fps()).append(",\n");
        out.append("  \"generator\": { \"tool\": ").append(quote(TOOL))
                .append(", \"subjects\": ").append(options.subjects())
                .append(", \"seed\": ").append(options.seed()).append(" },\n");
        out.append("  \"recordings\": [\n");
        for (int r = 0; r < recordings.size(); r++) {
            Take.Written recording = recordings.get(r);
            out.append("    { \"id\": ").append(quote(recording.id()))
                    .append(", \"source\": ").append(quote(recording.source()))
                    .append(", \"subject\": ").append(quote(recording.subject()))
                    .append(", \"exercise\": ").append(quote(recording.exercise().id)).append(",\n");
            out.append("      \"startFrames\": [");
            List<int[]> holds = recording.startFrames();
            for (int h = 0; h < holds.size(); h++) {
                out.append(h > 0 ? ", " : "").append('[').append(holds.get(h)[0]).append(", ")
                        .append(holds.get(h)[1]).append(']');
            }
            out.append("],\n");
            out.append("      \"reps\": [\n");
            List<Take.Rep> reps = recording.reps();
            for (int i = 0; i < reps.size(); i++) {
                Take.Rep rep = reps.get(i);
                out.append("        { \"start\": ").append(rep.start())
                        .append(", \"end\": ").append(rep.end())
                        .append(", \"correct\": ").append(rep.correct());
                if (!rep.correct()) {
                    out.append(", \"fault\": ").append(quote(rep.fault().id));
                }
                out.append(" }").append(i < reps.size() - 1 ? ",\n" : "\n");
            }
            out.append("      ] }").append(r < recordings.size() - 1 ? ",\n" : "\n");
        }
        out.append("  ]\n}\n");
        return out.toString();
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
