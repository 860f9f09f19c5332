package io.kinefold.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinefold.data.DatasetSnapshot;
import io.kinefold.data.FrameRange;
import io.kinefold.data.ModelId;
import io.kinefold.data.Rep;
import io.kinefold.experiment.Trial;
import io.kinefold.experiment.TrialResult;
import io.kinefold.kind.RepKind;
import io.kinefold.model.LearningCurve;
import io.kinefold.model.Metrics;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every message survives the trip through one line of JSON; a line that is no message decodes to nothing. */
class ProtocolTest {
    private static final Trial TRIAL = new Trial(RepKind.id("squat"), 12, params(), 3);

    private static Map<String, Double> params() {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("lstmUnits", 32.0);
        p.put("learningRate", 0.005);
        p.put("epochs", 30.0);
        return p;
    }

    private static DatasetSnapshot snapshot() {
        var recording = new DatasetSnapshot.RecordingSnapshot("s01_squat_1", "s01", "squat",
                List.of(new FrameRange(0, 4)), List.of(new Rep(new FrameRange(5, 30), true), new Rep(new FrameRange(31, 60), false)),
                new int[] {0, 1, 3}, new float[][] {{0.1f, -1.5e-7f, 3.4e38f}, {Float.MIN_VALUE, 0f, -0f}, {1f, 2f, 3f}},
                new boolean[][] {{true, false}, {false, true}, {true, true}}, 1,
                new float[][] {{640.5f, 1e-9f}, {0f, Float.MAX_VALUE}, {-3f, 12.25f}}, 187.3125000000001);
        return new DatasetSnapshot("synthetic", "/data/synthetic", 30.0, List.of(recording));
    }

    /** Field by field, arrays by content, numbers exactly (AssertJ would allow 1e-15, and NaN would differ from itself). */
    private static void assertSameContent(WorkerMessage actual, WorkerMessage expected) {
        assertThat(actual).usingRecursiveComparison().withStrictTypeChecking()
                .withComparatorForType(Double::compare, Double.class)
                .withComparatorForType(Float::compare, Float.class)
                .isEqualTo(expected);
    }

    static Stream<WorkerMessage> everyKindOfMessage() {
        LearningCurve stopped = new LearningCurve(new double[] {0.69, 0.1 + 0.2, 1e-300, Double.MIN_VALUE},
                new double[] {0.7, 0.41, 0.40000000000000002, 0.52}, 3);
        Metrics metrics = new Metrics(0.8125, 0.79, new int[][] {{5, 1}, {2, 8}}, 1.25, 4, 120, 16, stopped);
        LearningCurve unvalidated = new LearningCurve(new double[] {Math.PI}, new double[] {Double.NaN}, 1);
        return Stream.of(
                new WorkerMessage.Init("{\"format\":\"kinefold-experiment/1\",\n \"name\":\"two lines\"}", 123_456, "ab12"),
                new WorkerMessage.RunTrial(TRIAL),
                new WorkerMessage.Shutdown(),
                new WorkerMessage.Ready(4242, 512L << 20, 1.5),
                new WorkerMessage.Started(TRIAL.key()),
                new WorkerMessage.Finished(TrialResult.succeeded(TRIAL, metrics, "w2", 2.5), 600L << 20, 90L << 20),
                new WorkerMessage.Finished(TrialResult.failed(TRIAL, "OutOfMemoryError: Java heap space", "w1", 0.5), 700L << 20, 0L),
                new WorkerMessage.Finished(TrialResult.succeeded(TRIAL,
                        new Metrics(Double.NaN, Double.NaN, new int[][] {{0, 0}, {0, 0}}, 0.1, 1, 10, 0, unvalidated), "w3", 0.2), 1, 1),
                new WorkerMessage.Finished(TrialResult.succeeded(TRIAL,
                        new Metrics(0.5, 0.5, new int[][] {{1, 1}, {1, 1}}, 0.1, 1, 10, 4), "w4", 0.2), 1, 1),
                new WorkerMessage.Heartbeat(),
                new WorkerMessage.Fatal("cannot take the dataset:\nline two"));
    }

    @ParameterizedTest
    @MethodSource("everyKindOfMessage")
    void roundTripsEveryMessage(WorkerMessage message) {
        Optional<WorkerMessage> decoded = Protocol.decode(Protocol.encode(message));

        assertThat(decoded).isPresent();
        assertThat(decoded.get()).isInstanceOf(message.getClass());
        assertSameContent(decoded.get(), message);
    }

    @Test
    void carriesATrialsLearningCurveBitForBitNaNIncluded() {
        LearningCurve curve = new LearningCurve(new double[] {0.1 + 0.2, 0.25}, new double[] {Double.NaN, Double.NaN}, 2);
        var finished = new WorkerMessage.Finished(TrialResult.succeeded(TRIAL,
                new Metrics(0.5, 0.5, new int[][] {{1, 1}, {1, 1}}, 0.1, 2, 10, 4, curve), "w1", 0.2), 1, 1);

        var decoded = (WorkerMessage.Finished) Protocol.decode(Protocol.encode(finished)).orElseThrow();

        assertThat(decoded.result().metrics().curve()).isEqualTo(curve);
        assertThat(decoded.result().metrics().curve().trainLoss(1)).isEqualTo(0.1 + 0.2);
        assertThat(decoded.result().metrics().curve().validationLoss(2)).isNaN();
    }

    @Test
    void sendsTheDatasetAsBytesThatReadBackToTheSameSnapshot() throws IOException {
        DatasetSnapshot snapshot = snapshot();
        DatasetSnapshot back = DatasetSnapshot.fromBytes(snapshot.toBytes());

        assertThat(back).usingRecursiveComparison().withStrictTypeChecking()
                .withComparatorForType(Float::compare, Float.class)
                .isEqualTo(snapshot);
    }

    @Test
    void refusesDatasetBytesCutShortOrWithSomethingAfterThem() {
        byte[] bytes = snapshot().toBytes();

        assertThatThrownBy(() -> DatasetSnapshot.fromBytes(Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(IOException.class).hasMessageContaining("cut short");
        assertThatThrownBy(() -> DatasetSnapshot.fromBytes(Arrays.copyOf(bytes, bytes.length + 1)))
                .isInstanceOf(IOException.class).hasMessageContaining("after the last recording");
        assertThatThrownBy(() -> DatasetSnapshot.fromBytes("{\"type\":\"init\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class).hasMessageContaining("not a dataset snapshot");
    }

    @Test
    void readsLinesAndTheBlockAfterAnInitLineFromOneStream() throws IOException {
        byte[] dataset = snapshot().toBytes();
        String init = Protocol.encode(new WorkerMessage.Init("{}", dataset.length, "ab12"));
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.write(("noise from a library\n" + init + "\n").getBytes(StandardCharsets.UTF_8));
        stream.write(dataset);
        stream.write((Protocol.encode(new WorkerMessage.RunTrial(TRIAL)) + "\n" + "x".repeat(MessageInput.MAX_LINE_BYTES + 10)
                + "\nlast, without a newline").getBytes(StandardCharsets.UTF_8));

        MessageInput in = new MessageInput(new ByteArrayInputStream(stream.toByteArray()));
        assertThat(in.readLine()).isEqualTo("noise from a library");
        WorkerMessage.Init decoded = (WorkerMessage.Init) Protocol.decode(in.readLine()).orElseThrow();
        assertThat(DatasetSnapshot.fromBytes(in.readBlock(decoded.datasetBytes())).recordings()).hasSize(1);
        assertThat(Protocol.decode(in.readLine())).contains(new WorkerMessage.RunTrial(TRIAL));
        assertThat(in.readLine()).as("a line too long to be a message").isEmpty();
        assertThat(in.readLine()).isEqualTo("last, without a newline");
        assertThat(in.readLine()).isNull();
        assertThatThrownBy(() -> in.readBlock(1)).isInstanceOf(java.io.EOFException.class);
    }

    @ParameterizedTest
    @MethodSource("everyKindOfMessage")
    void encodesEveryMessageOnOneLine(WorkerMessage message) {
        assertThat(Protocol.encode(message)).doesNotContain("\n", "\r").startsWith("{").endsWith("}");
    }

    @ParameterizedTest
    @MethodSource("everyKindOfMessage")
    void decodesAMessageWithSpaceAroundIt(WorkerMessage message) {
        Optional<WorkerMessage> decoded = Protocol.decode("  " + Protocol.encode(message) + " \r");

        assertThat(decoded).isPresent();
        assertSameContent(decoded.get(), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "   ", "not json", "{broken", "{\"type\":\"nonsense\"}", "{}", "[1,2,3]", "null",
        "{\"type\":\"ready\",\"pid\":\"not a number\"}", "{\"type\":\"run\",\"trial\":{\"model\":\"jump:squat\"}}",
        "12:00:01 [main] WARN org.nd4j - {\"type\":\"shutdown\"}"
    })
    void decodesALineThatIsNoMessageToNothing(String line) {
        assertThat(Protocol.decode(line)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"type\":\"started\",\"key\":\"pose/g0/f1\",\"extra\":true}", "{\"key\":\"pose/g0/f1\",\"type\":\"started\"}"})
    void toleratesUnknownFieldsAndAnyFieldOrder(String line) {
        assertThat(Protocol.decode(line)).contains(new WorkerMessage.Started("pose/g0/f1"));
    }
}
