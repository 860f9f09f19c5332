package io.kinefold.experiment;

import io.kinefold.data.Dataset;
import io.kinefold.data.ModelId;
import io.kinefold.data.Recording;
import io.kinefold.data.Skeleton;
import io.kinefold.kind.KindSpec;
import io.kinefold.kind.Kinds;
import io.kinefold.kind.ModelSamples;
import io.kinefold.model.DataBlock;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The data side of a run: each model's samples and folds, derived once from the dataset and
 * the spec and cut into training, validation and test blocks for a trial. Thread-safe.
 */
public final class Workload {
    private final Dataset dataset;
    private final ExperimentSpec spec;
    private final Map<ModelId, ModelData> models = new ConcurrentHashMap<>();
    /** Hashed once: the dataset does not change under a workload, and each run and worker asks. */
    private volatile String fingerprint;
    private volatile Map<String, String> recordingFingerprints;

    /** The kind, samples and folds of one model. */
    private record ModelData(KindSpec kind, ModelSamples samples, List<Fold> folds) {
        List<String> classes() {
            return samples.classes();
        }

        int[] labels() {
            return samples.labels();
        }
    }

    /** The blocks one trial trains, stops early and tests on. */
    public record TrialData(DataBlock train, DataBlock validation, DataBlock test, int classes) {}

    public Workload(Dataset dataset, ExperimentSpec spec) {
        this.dataset = dataset;
        this.spec = spec;
    }

    public Dataset dataset() {
        return dataset;
    }

    public ExperimentSpec spec() {
        return spec;
    }

    private ModelData model(ModelId id) {
        return models.computeIfAbsent(id, this::derive);
    }

    private ModelData derive(ModelId id) {
        KindSpec kind = Kinds.of(id);
        ModelSamples s = kind.samples(dataset, id);
        return new ModelData(kind, s, Folds.split(s.labels(), s.groups(), spec.folds(), spec.seed()));
    }

    public List<String> classes(ModelId id) {
        return model(id).classes();
    }

    public List<Fold> folds(ModelId id) {
        return model(id).folds();
    }

    public int samples(ModelId id) {
        return model(id).labels().length;
    }

    /** Share of the most frequent class: what always guessing it would score. */
    public double majorityRate(ModelId id) {
        ModelData m = model(id);
        int[] counts = new int[m.classes().size()];
        for (int label : m.labels()) {
            counts[label]++;
        }
        int max = 0;
        for (int c : counts) {
            max = Math.max(max, c);
        }
        return m.labels().length == 0 ? Double.NaN : (double) max / m.labels().length;
    }

    /** The seed of a trial: the same for every grid point of a model on a fold, so that they compare fairly. */
    public long trialSeed(Trial trial) {
        return seed(trial.model(), trial.fold());
    }

    /** The seed of a refit of a model on all its samples: that of a fold numbered -1, which no trial has. */
    public long refitSeed(ModelId model) {
        return seed(model, -1);
    }

    private long seed(ModelId model, int fold) {
        long h = spec.seed() * 0x9E3779B97F4A7C15L;
        h ^= model.toString().hashCode() * 0xC2B2AE3D27D4EB4FL;
        h ^= (fold + 1) * 0x165667B19E3779F9L;
        return h ^ (h >>> 29);
    }

    /**
     * The blocks a refit of one grid point trains and stops early on: every sample of the model,
     * less, when the spec stops early, a validation split of whole subjects made as a trial makes
     * its own (there is no test fold).
     *
     * @param train the samples trained on
     * @param validation the held-out subjects' samples, or null without early stopping
     * @param classes class names, indexed by label
     * @param seed the refit's seed, for the split, the initial weights and the shuffling
     */
    public record RefitData(DataBlock train, DataBlock validation, List<String> classes, long seed) {}

    public RefitData refitData(ModelId id, Map<String, Double> params) {
        ModelData m = model(id);
        DataBlock all = m.samples().block(m.kind().hyperparameters(params));
        int[] train = new int[all.size()];
        for (int i = 0; i < train.length; i++) {
            train[i] = i;
        }
        long seed = refitSeed(id);
        DataBlock validation = null;
        if (spec.earlyStopping() != null) {
            int[][] split = Folds.validationSplit(train, m.samples().groups(), spec.earlyStopping().validationFraction(), seed);
            train = split[0];
            validation = all.select(split[1]);
        }
        return new RefitData(all.select(train), validation, m.classes(), seed);
    }

    /** A trial's blocks; a baseline's trial has no validation block. */
    public TrialData data(Trial trial) {
        ModelData m = model(trial.model());
        if (trial.fold() < 0 || trial.fold() >= m.folds().size()) {
            throw new IllegalArgumentException(trial.key() + ": no fold " + trial.fold());
        }
        DataBlock all = m.samples().block(m.kind().hyperparameters(trial.params()));
        Fold fold = m.folds().get(trial.fold());
        int[] train = fold.train();
        DataBlock validation = null;
        // A baseline learns from every training sample: it has nothing to stop early.
        if (spec.earlyStopping() != null && trial.baseline() == null) {
            int[][] split = Folds.validationSplit(train, m.samples().groups(), spec.earlyStopping().validationFraction(), trialSeed(trial));
            train = split[0];
            validation = all.select(split[1]);
        }
        return new TrialData(all.select(train), validation, all.select(fold.test()), m.classes().size());
    }

    /** A hash of every normalised feature and label of the dataset, for provenance. */
    public String fingerprint() {
        String known = fingerprint;
        if (known == null) {
            MessageDigest digest = sha256();
            for (var r : dataset.recordings()) {
                feed(digest, r);
            }
            known = hex(digest);
            fingerprint = known;
        }
        return known;
    }

    /**
     * The same hash per recording, by recording id in dataset order: what lets a resume say which
     * recordings changed, not only that the dataset did.
     */
    public Map<String, String> recordingFingerprints() {
        Map<String, String> known = recordingFingerprints;
        if (known == null) {
            Map<String, String> prints = new LinkedHashMap<>();
            for (var r : dataset.recordings()) {
                MessageDigest digest = sha256();
                feed(digest, r);
                prints.put(r.id(), hex(digest));
            }
            known = java.util.Collections.unmodifiableMap(prints);
            recordingFingerprints = known;
        }
        return known;
    }

    private static void feed(MessageDigest digest, Recording r) {
        // Of the default features only: the others are computed from the same data, and a
        // dataset's fingerprint must not change when features are added.
        ByteBuffer buffer = ByteBuffer.allocate(Skeleton.FEATURES * 4 + 8);
        digest.update((r.id() + "|" + r.subject() + "|" + r.exercise() + "|" + r.startFrames() + "|" + r.reps())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (int i = 0; i < r.normalized().size(); i++) {
            buffer.clear();
            buffer.putInt(r.normalized().frameNumbers()[i]);
            for (float f : r.normalized().features()[i]) {
                buffer.putFloat(f);
            }
            digest.update(buffer.array(), 0, buffer.position());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }
}
