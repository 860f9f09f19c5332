package io.kinefold.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kinefold.report.VisibleText;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names, labels and problem messages from a dataset reach the terminal with their control characters escaped. */
class TerminalTextTest {
    private static final String ESC = "\u001b";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return KinefoldCommand.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    }

    private static String printed(String text) {
        StringWriter target = new StringWriter();
        try (PrintWriter w = TerminalText.writer(new PrintWriter(target))) {
            w.print(text);
        }
        return target.toString();
    }

    private static void assertNoControlCharacters(String text) {
        assertThat(text.chars().filter(c -> c == '\r' || VisibleText.isControl((char) c)))
                .as("control characters in %s", text.replace(ESC, "<ESC>")).isEmpty();
    }

    private void hostileDataset() throws Exception {
        Path frames = Files.createDirectories(dir.resolve("rec"));
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < 18; k++) {
            b.append(k == 0 ? "" : ",").append(100 + k).append(',').append(40 + 15 * k).append(",0.8");
        }
        for (int f = 0; f < 12; f++) {
            Files.writeString(frames.resolve(String.format(Locale.ROOT, "v_%012d_keypoints.json", f)),
                    "{\"people\":[{\"pose_keypoints_2d\":[" + b + "]}]}");
        }
        Files.writeString(frames.resolve("red" + ESC + "[31m.json"), "{}");
        Files.writeString(dir.resolve("dataset.json"), """
                {"format":"kinefold-dataset/1","name":"t\\u001b]0;owned\\u0007","exercises":["squat\\u001b[2J"],"recordings":[
                 {"id":"a\\u001b[31m","source":"rec","subject":"s\\u009b1m","exercise":"squat\\u001b[2J"},
                 {"id":"b\\u001b[H","source":"gone\\u001b[1m"}]}""");
    }

    @Test
    void inspectEscapesNamesLabelsAndProblems() throws Exception {
        hostileDataset();
        assertThat(run("dataset", "inspect", dir.toString())).isZero();
        String text = out.toString() + err;
        assertNoControlCharacters(text);
        assertThat(text).contains("squat\\u001b[2J").contains("t\\u001b]0;owned\\u0007")
                .contains("red\\u001b[31m.json").contains("gone\\u001b[1m");
    }

    @Test
    void inspectJsonStaysValidAndKeepsTheNamesAsTheyAre() throws Exception {
        hostileDataset();
        assertThat(run("dataset", "inspect", dir.toString(), "--json")).isZero();
        assertNoControlCharacters(out.toString());
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("name").asText()).isEqualTo("t" + ESC + "]0;owned\u0007");
        assertThat(json.get("exercises").fieldNames().next()).isEqualTo("squat" + ESC + "[2J");
    }

    @Test
    void aDatasetErrorIsEscapedToo() throws Exception {
        Files.writeString(dir.resolve("dataset.json"), """
                {"format":"kinefold-dataset/1","recordings":[{"id":"x\\u001b[31m","source":"no\\u001b[5m"}]}""");
        assertThat(run("dataset", "inspect", dir.toString())).isEqualTo(KinefoldCommand.BAD_INPUT);
        assertNoControlCharacters(err.toString());
        assertThat(err.toString()).contains("x\\u001b[31m");
    }

    @Test
    void keepsTabsAndLineSeparatorsAndEscapesAnOverprintingReturn() {
        assertThat(printed("a\tb\nc\r\nd")).isEqualTo("a\tb\nc\r\nd");
        assertThat(printed("done\rFAKE")).isEqualTo("done\\u000dFAKE");
        assertThat(printed("x\u007f\u0085\u202e\u2069y")).isEqualTo("x\\u007f\\u0085\\u202e\\u2069y");
        assertThat(printed("plain ünïcode ✓ 名前")).isEqualTo("plain ünïcode ✓ 名前");
    }

    @Test
    void aReturnAndItsLineFeedMayArriveInTwoWrites() {
        StringWriter target = new StringWriter();
        PrintWriter w = TerminalText.writer(new PrintWriter(target));
        w.print("line\r");
        w.flush();
        w.print("\nnext\r");
        w.print("X");
        w.flush();
        assertThat(target.toString()).isEqualTo("line\r\nnext\\u000dX");
    }
}
