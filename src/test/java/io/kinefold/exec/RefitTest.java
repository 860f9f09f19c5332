package io.kinefold.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinefold.data.DatasetLoader;
import io.kinefold.data.ModelId;
import io.kinefold.data.synth.DatasetGenerator;
import io.kinefold.experiment.ExperimentSpec;
import io.kinefold.experiment.SpecIo;
import io.kinefold.experiment.Workload;
import io.kinefold.kind.KindSpec;
import io.kinefold.kind.Kinds;
import io.kinefold.kind.RepKind;
import io.kinefold.kind.StartKind;
import io.kinefold.model.DataBlock;
import io.kinefold.model.Hyperparameters;
import io.kinefold.model.Trainer;
import io.kinefold.report.ModelFileOutput;
import io.kinefold.store.Store;
import io.kinefold.store.StoreException;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The best grid point of a run trained on all its model's data, saved, and read back to predict. */
@Tag("slow")
class RefitTest {
    @TempDir
    static Path shared;
    static Path dataset;
    static ExperimentSpec spec;

    @TempDir
    Path dir;

    private static final ModelId START = StartKind.id("squat");
    private static final ModelId REP = RepKind.id("squat");

    @BeforeAll
    static void smallDatasetAndSpec() throws Exception {
        Trainer.useOneNativeThread();
        dataset = shared.resolve("ds");
        DatasetGenerator.generate(dataset, new DatasetGenerator.Options(4, 3, 3, 15));
        spec = SpecIo.parse("""
                {"format":"kinefold-experiment/1","name":"refit-test","folds":3,"seed":5,
                 "earlyStopping":{"patience":2,"validationFraction":0.25},
                 "models":[{"model":"start:squat","grid":{"units":[8,16],"epochs":[4],"batchSize":[64]}},
                           {"model":"rep:squat","grid":{"lstmUnits":[8],"sequenceLength":[24],"epochs":[2],"batchSize":[16]}}]}""",
                "test");
    }

    /** A stored run of the spec on the dataset whose trials all report at once (grid point 1 failing): g0 is the best. */
    private static long run(Store store, Path data) throws Exception {
        RunService service = new RunService(store);
        RunService.Prepared prepared = RunService.prepare(spec, data, Path.of("."));
        long run = service.createRun(prepared, "single", 1);
        service.execute(run, prepared, w -> new InstantExecutor(true, null), RunListener.NONE);
        return run;
    }

    private static ModelFile refit(Store store, long run, ModelId model) throws Exception {
        return new Refit(new RunService(store)).run(run, model, text -> {}, () -> false);
    }

    @Test
    void writesAZipAndItsSidecarWithWhereTheModelCameFrom() throws Exception {
        try (Store store = Store.open(dir.resolve("k.db"))) {
            long run = run(store, dataset);
            Path zip = dir.resolve("best.zip");

            Path sidecar = ModelFileOutput.write(refit(store, run, START), zip);

            assertThat(sidecar).isEqualTo(dir.resolve("best.json").toAbsolutePath());
            try (ZipFile z = new ZipFile(zip.toFile())) {
                assertThat(z.stream().map(ZipEntry::getName)).containsExactly("model.json", "params.f32");
                assertThat(z.getInputStream(z.getEntry("model.json")).readAllBytes()).isEqualTo(Files.readAllBytes(sidecar));
            }
            JsonNode info = new ObjectMapper().readTree(sidecar.toFile());
            assertThat(info.get("format").asText()).isEqualTo("kinefold-model/1");
            assertThat(info.get("model").asText()).isEqualTo("start:squat");
            assertThat(info.get("runId").asLong()).isEqualTo(run);
            assertThat(info.get("gridPoint").asInt()).isZero();
            assertThat(info.get("cvAccuracy").asDouble()).isEqualTo(0.5);
            assertThat(info.get("cvFolds").asInt()).isEqualTo(3);
            assertThat(info.get("hyperparameters").get("units").asDouble()).isEqualTo(8);
            assertThat(info.get("classes")).extracting(JsonNode::asText).containsExactly("other", "start");
            assertThat(info.get("features").asInt()).isEqualTo(28);
            assertThat(info.get("datasetFingerprint").asText()).isEqualTo(store.provenance(run).datasetFingerprint());
            assertThat(info.get("kinefoldVersion").asText()).isNotBlank();
            assertThat(info.get("epochs").asInt()).isBetween(1, 4);
            assertThat(info.get("validationSamples").asInt()).as("early stopping holds subjects out").isPositive();
            assertThat(info.get("trainSamples").asInt() + info.get("validationSamples").asInt())
                    .isEqualTo(new Workload(DatasetLoader.load(dataset), spec).samples(START));
            assertThat(info.get("spec").get("name").asText()).isEqualTo("refit-test");
            assertThat(Files.size(zip)).isPositive();
        }
    }

    @Test
    void predictGivesWhatTheNetTrainedInMemoryGivesOnTheSameSamples() throws Exception {
        for (ModelId model : new ModelId[] {START, REP}) {
            try (Store store = Store.open(dir.resolve(model.kind().name() + ".db"))) {
                long run = run(store, dataset);
                ModelFile saved = refit(store, run, model);
                Path zip = dir.resolve(model.kind().name() + ".zip");
                ModelFileOutput.write(saved, zip);

                Workload workload = new Workload(DatasetLoader.load(dataset), spec.withDataset(dataset.toString()));
                Map<String, Double> params = saved.info().hyperparameters();
                KindSpec kind = Kinds.of(model);
                Hyperparameters hp = kind.hyperparameters(params);
                Workload.RefitData data = workload.refitData(model, params);
                float[][] expected;
                try (Trainer.Trained trained = Trainer.train((f, c, w) -> kind.network(hp, f, c, w), hp, data.classes().size(),
                        data.train(), data.validation(), spec.earlyStopping().patience(), data.seed(), () -> false)) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    trained.net().writeParams(bytes);
                    assertThat(bytes.toByteArray()).as(model + ": the saved parameters are the trained ones").isEqualTo(saved.params());
                    DataBlock all = kind.samples(workload.dataset(), model).block(hp);
                    expected = trained.net().predict(all);
                }

                Predict.Predictions predictions = Predict.run(zip, dataset);

                assertThat(predictions.predictions()).hasSize(expected.length);
                for (int i = 0; i < expected.length; i++) {
                    int best = 0;
                    for (int c = 1; c < expected[i].length; c++) {
                        best = expected[i][c] > expected[i][best] ? c : best;
                    }
                    Predict.Prediction p = predictions.predictions().get(i);
                    assertThat(p.predicted()).as(model + " sample " + i).isEqualTo(saved.info().classes().get(best));
                    assertThat(p.probability()).as(model + " sample " + i).isEqualTo(expected[i][best]);
                    assertThat(p.recording()).isNotNull();
                    assertThat(p.actual()).isIn(saved.info().classes());
                }
                assertThat(predictions.labelled()).isEqualTo(expected.length);
                long right = predictions.predictions().stream().filter(Predict.Prediction::correct).count();
                assertThat(predictions.accuracy()).isEqualTo((double) right / expected.length);
            }
        }
    }

    @Test
    void twoRefitsGiveTheSameParameters() throws Exception {
        try (Store store = Store.open(dir.resolve("k.db"))) {
            long run = run(store, dataset);
            for (ModelId model : new ModelId[] {START, REP}) {
                ModelFile first = refit(store, run, model);
                ModelFile second = refit(store, run, model);

                assertThat(second.params()).as(model.toString()).isEqualTo(first.params());
                assertThat(second.info().epochs()).isEqualTo(first.info().epochs());
                assertThat(second.info().seed()).isEqualTo(first.info().seed());
            }
        }
    }

    @Test
    void refusesAnUnknownRunAModelNotInTheRunAndAModelWithNoSucceededGridPoint() throws Exception {
        try (Store store = Store.open(dir.resolve("k.db"))) {
            long run = run(store, dataset);
            RunService service = new RunService(store);
            long notRun = service.createRun(RunService.prepare(spec, dataset, Path.of(".")), "single", 1);

            assertThatThrownBy(() -> refit(store, 99, START)).isInstanceOf(StoreException.class).hasMessageContaining("no run 99");
            assertThatThrownBy(() -> refit(store, run, StartKind.id("lunge"))).isInstanceOf(RefitRefusedException.class)
                    .hasMessageContaining("run " + run + " has no model start:lunge").hasMessageContaining("start:squat, rep:squat");
            assertThatThrownBy(() -> refit(store, notRun, START)).isInstanceOf(RefitRefusedException.class)
                    .hasMessageContaining("run " + notRun + ": model start:squat has no grid point with a succeeded fold");
        }
    }

    @Test
    void refusesARunWhoseDatasetChangedNamingTheRecordings() throws Exception {
        Path copy = dir.resolve("copy");
        try (Stream<Path> files = Files.walk(dataset)) {
            for (Path from : files.toList()) {
                Files.copy(from, copy.resolve(dataset.relativize(from).toString()));
            }
        }
        try (Store store = Store.open(dir.resolve("k.db"))) {
            long run = run(store, copy);
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode manifest = (ObjectNode) mapper.readTree(copy.resolve("dataset.json").toFile());
            ObjectNode changed = (ObjectNode) ((ArrayNode) manifest.get("recordings")).get(0);
            ObjectNode rep = (ObjectNode) changed.get("reps").get(0);
            rep.put("correct", !rep.get("correct").asBoolean());
            mapper.writeValue(copy.resolve("dataset.json").toFile(), manifest);

            assertThatThrownBy(() -> refit(store, run, START)).isInstanceOf(RefitRefusedException.class)
                    .hasMessageContaining("run " + run + ", model start:squat")
                    .hasMessageContaining("changed: " + changed.get("id").asText())
                    .hasMessageContaining("refit refused");
        }
    }

    @Test
    void predictRefusesAFileThatIsNoModelAFormatItCannotReadAndAnotherFeatureCount() throws Exception {
        Path notZip = Files.writeString(dir.resolve("notes.zip"), "not a zip");
        assertThatThrownBy(() -> Predict.run(notZip, dataset)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining(notZip.toString()).hasMessageContaining("not a Kinefold model file");

        Path good = dir.resolve("good.zip");
        try (Store store = Store.open(dir.resolve("k.db"))) {
            ModelFileOutput.write(refit(store, run(store, dataset), START), good);
        }
        Path future = rewrite(good, "future.zip", info -> info.put("format", "kinefold-model/99"));
        assertThatThrownBy(() -> Predict.run(future, dataset)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining(future.toString()).hasMessageContaining("kinefold-model/99")
                .hasMessageContaining("reads only kinefold-model/1");

        Path wider = rewrite(good, "wider.zip", info -> info.put("features", 30));
        assertThatThrownBy(() -> Predict.run(wider, dataset)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining(wider.toString()).hasMessageContaining("takes 30 features per frame")
                .hasMessageContaining("gives 28 features per frame");

        Path cut = rewrite(good, "cut.zip", info -> info.put("parameters", info.get("parameters").asLong() + 1));
        assertThatThrownBy(() -> Predict.run(cut, dataset)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining(cut.toString()).hasMessageContaining("damaged");
    }

    /** A copy of a model file with its sidecar edited. */
    private Path rewrite(Path zip, String name, java.util.function.Consumer<ObjectNode> edit) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        Path out = dir.resolve(name);
        try (ZipFile in = new ZipFile(zip.toFile()); OutputStream file = Files.newOutputStream(out);
             ZipOutputStream z = new ZipOutputStream(file)) {
            ObjectNode info = (ObjectNode) mapper.readTree(in.getInputStream(in.getEntry("model.json")));
            edit.accept(info);
            z.putNextEntry(new ZipEntry("model.json"));
            z.write(mapper.writeValueAsBytes(info));
            z.putNextEntry(new ZipEntry("params.f32"));
            z.write(in.getInputStream(in.getEntry("params.f32")).readAllBytes());
        }
        return out;
    }
}
