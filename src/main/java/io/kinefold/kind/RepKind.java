package io.kinefold.kind;

import io.kinefold.data.Dataset;
import io.kinefold.data.FrameRange;
import io.kinefold.data.ModelId;
import io.kinefold.data.ModelKind;
import io.kinefold.data.NormalizedTrack;
import io.kinefold.data.Recording;
import io.kinefold.data.Rep;
import io.kinefold.data.RepSamples;
import io.kinefold.model.Hyperparameters;
import io.kinefold.model.LstmNet;
import io.kinefold.model.Net;
import io.kinefold.model.ParamDef;
import io.kinefold.model.RecurrentParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** {@code rep:E}: whether one repetition of E, resampled to T frames, was done correctly; LSTM, binary. */
public final class RepKind extends KindSpec {
    public static final ModelKind KIND = new ModelKind("rep");
    public static final List<String> CLASSES = List.of("incorrect", "correct");
    /** 0.155 s per trial over 3300 units, measured as {@code exec.RunEstimate} describes. */
    public static final double SECONDS_PER_UNIT = 0.155 / 3300.0;
    /** Milliseconds of fixed overhead of one DL4J step, against per-sample work. */
    private static final double STEP_OVERHEAD = 40;

    public RepKind() {
        super(KIND, true, "Repetition", "#d97706", SECONDS_PER_UNIT);
    }

    /** The model of this kind for one exercise. */
    public static ModelId id(String exercise) {
        return new ModelId(KIND, exercise);
    }

    @Override
    public String description(ModelId id) {
        return "Was this " + id.exercise() + " repetition done correctly · LSTM over T frames, binary";
    }

    @Override
    public List<ParamDef> params() {
        return RecurrentParams.DEFS;
    }

    @Override
    public Hyperparameters hyperparameters(Map<String, Double> values) {
        return RecurrentParams.of(values);
    }

    @Override
    public ModelSamples samples(Dataset dataset, ModelId id) {
        return ModelSamples.sequences(reps(dataset, id), p -> ((RecurrentParams) p).sequenceLength());
    }

    /** E's repetitions, labelled by {@code correct}. */
    public static RepSamples reps(Dataset dataset, ModelId id) {
        List<NormalizedTrack> tracks = new ArrayList<>();
        List<FrameRange> ranges = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        List<String> g = new ArrayList<>();
        forEachRep(dataset, id, (r, rep) -> {
            tracks.add(r.normalized());
            ranges.add(rep.frames());
            y.add(label(rep));
            g.add(r.subject());
        });
        return new RepSamples(id, tracks, ranges, y.stream().mapToInt(Integer::intValue).toArray(),
                g.toArray(String[]::new), CLASSES);
    }

    @Override
    public List<SampleOrigin> origins(Dataset dataset, ModelId id) {
        List<SampleOrigin> origins = new ArrayList<>();
        forEachRep(dataset, id, (r, rep) -> origins.add(new SampleOrigin(r.id(), rep.frames().start(), rep.frames().end(), label(rep))));
        return origins;
    }

    /** E's repetitions in dataset order: the one walk that both the samples and their origins take. */
    private static void forEachRep(Dataset dataset, ModelId id, BiConsumer<Recording, Rep> each) {
        for (Recording r : dataset.recordings()) {
            if (!id.exercise().equals(r.exercise())) {
                continue;
            }
            for (Rep rep : r.reps()) {
                each.accept(r, rep);
            }
        }
    }

    private static int label(Rep rep) {
        return rep.correct() ? 1 : 0;
    }

    @Override
    public Net network(Hyperparameters params, int features, int classes, float[] classWeights) {
        return new LstmNet((RecurrentParams) params, features, classes, classWeights);
    }

    /** Batch steps times the work of one, which grows with layers, T, and batch × units. */
    @Override
    public double cost(Hyperparameters params, int trainSamples) {
        RecurrentParams p = (RecurrentParams) params;
        double steps = Math.ceil((double) trainSamples / p.batchSize()) * p.epochs();
        double perStep = STEP_OVERHEAD * p.lstmLayers() * p.sequenceLength() / 24.0
                * (1 + p.batchSize() * p.lstmUnits() / 2048.0);
        return steps * perStep;
    }
}
