package io.kinefold.exec;

import io.kinefold.data.Dataset;
import io.kinefold.data.DatasetException;
import io.kinefold.data.DatasetLoader;
import io.kinefold.data.ModelId;
import io.kinefold.kind.KindSpec;
import io.kinefold.kind.Kinds;
import io.kinefold.kind.ModelSamples;
import io.kinefold.kind.SampleOrigin;
import io.kinefold.model.DataBlock;
import io.kinefold.model.Hyperparameters;
import io.kinefold.model.Net;
import io.kinefold.model.Trainer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a saved model says about a dataset, for the command line and the GUI alike: the samples
 * its kind cuts from the dataset (for {@code rep:E} E's repetitions resampled to the model's T,
 * for {@code pose} the start-position frames, for {@code start:E} the frames of E's recordings),
 * each with the class the model predicts, its probability and the dataset's own label.
 */
public final class Predict {
    private Predict() {}

    /**
     * One sample's prediction.
     *
     * @param recording the recording's id, or null when the kind does not say
     * @param firstFrame the sample's frame, or the first of its repetition; -1 when unknown
     * @param lastFrame the same frame, or the last of the repetition
     * @param predicted the class the model gives the highest probability
     * @param probability that probability
     * @param actual the dataset's label of the sample, or null when it has none
     */
    public record Prediction(String recording, int firstFrame, int lastFrame, String predicted, double probability, String actual) {
        public boolean correct() {
            return predicted.equals(actual);
        }
    }

    /**
     * Every prediction of a model on a dataset.
     *
     * @param file the model file
     * @param model its sidecar
     * @param dataset the dataset folder
     * @param predictions in the order the kind cuts the samples
     * @param labelled predictions with a label in the dataset
     * @param accuracy share of the labelled ones predicted right, NaN with none
     */
    public record Predictions(Path file, ModelInfo model, Path dataset, List<Prediction> predictions, int labelled, double accuracy) {}

    /**
     * Loads the model and the dataset and predicts every sample the model's kind cuts from it.
     *
     * @throws ModelFileException the file is not a model this version reads, or the dataset's
     *     samples do not fit it (another feature count), or the dataset has none for it
     * @throws DatasetException the dataset cannot be read
     */
    public static Predictions run(Path file, Path datasetDir) throws ModelFileException, DatasetException {
        ModelFile saved = ModelFile.read(file);
        ModelInfo info = saved.info();
        ModelId id;
        KindSpec kind;
        Hyperparameters params;
        try {
            id = Kinds.parse(info.model());
            kind = Kinds.of(id);
            params = kind.hyperparameters(info.hyperparameters());
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file + ": a model this Kinefold cannot rebuild: " + e.getMessage(), e);
        }
        Dataset dataset = DatasetLoader.load(datasetDir);
        ModelSamples samples = kind.samples(dataset, id);
        if (samples.size() == 0) {
            throw new ModelFileException(datasetDir + ": no samples for " + id + " (" + kind.description(id) + ")"
                    + (dataset.labelled() ? "" : "; its samples are cut from a manifest's labels, and this folder has no "
                    + DatasetLoader.MANIFEST));
        }
        DataBlock block = samples.block(params);
        if (block.features() != info.features() || block.timeSteps() != info.timeSteps()) {
            throw new ModelFileException(file + ": the model takes " + shape(info.features(), info.timeSteps()) + "; "
                    + datasetDir + " gives " + shape(block.features(), block.timeSteps()) + " for " + id);
        }
        List<SampleOrigin> origins = kind.origins(dataset, id);
        if (origins.size() != samples.size()
                || !Arrays.equals(origins.stream().mapToInt(SampleOrigin::label).toArray(), samples.labels())) {
            throw new IllegalStateException(id + ": the kind's sample origins are out of step with its samples");
        }
        float[][] probabilities;
        float[] noWeights = new float[info.classes().size()];
        Arrays.fill(noWeights, 1f);
        try (Net net = kind.network(params, block.features(), info.classes().size(), noWeights)) {
            if (net.paramCount() != info.parameters()) {
                throw new ModelFileException(file + ": the sidecar's hyperparameters make a network of " + net.paramCount()
                        + " parameters; the file holds " + info.parameters());
            }
            try {
                net.readParams(new ByteArrayInputStream(saved.params()));
            } catch (IOException e) {
                throw new ModelFileException(file + ": damaged: " + e.getMessage(), e);
            }
            probabilities = net.predict(block);
        }
        List<Prediction> predictions = new ArrayList<>(probabilities.length);
        int labelled = 0;
        int right = 0;
        for (int i = 0; i < probabilities.length; i++) {
            int best = Trainer.argMax(probabilities[i]);
            int label = samples.labels()[i];
            String actual = label < 0 ? null : samples.classes().get(label);
            SampleOrigin origin = origins.get(i);
            Prediction p = new Prediction(origin.recording(), origin.firstFrame(), origin.lastFrame(), info.classes().get(best),
                    probabilities[i][best], actual);
            predictions.add(p);
            if (actual != null) {
                labelled++;
                right += p.correct() ? 1 : 0;
            }
        }
        return new Predictions(file, info, datasetDir, predictions, labelled, labelled == 0 ? Double.NaN : (double) right / labelled);
    }

    private static String shape(int features, int timeSteps) {
        return features + " features per frame" + (timeSteps > 0 ? " over " + timeSteps + " frames" : "");
    }
}
