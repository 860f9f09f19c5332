package io.kinefold.exec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A saved model's sidecar, {@code model.json}: everything about it but its weights, enough to
 * rebuild its network, to cut the samples it takes, and to say where it came from.
 *
 * @param format always {@value ModelFile#FORMAT}; a reader refuses any other
 * @param kinefoldVersion the Kinefold that wrote it
 * @param created when, ISO-8601
 * @param model the model id, e.g. {@code rep:squat}
 * @param runId the run whose results chose the grid point
 * @param experiment the run's spec's name
 * @param gridPoint the grid point's index within the model's grid
 * @param cvAccuracy the grid point's mean accuracy over the run's folds
 * @param cvAccuracySd its standard deviation over folds, or null with fewer than two
 * @param cvMacroF1 the grid point's mean macro-F1 over the folds
 * @param cvFolds the folds that succeeded
 * @param hyperparameters every hyperparameter of the grid point by name, feature options included
 * @param classes class names, indexed like the network's outputs
 * @param features values per frame the network takes
 * @param timeSteps frames per sample (T) for a sequence model, 0 for one frame
 * @param parameters the network's parameter count
 * @param parametersFile the zip entry holding them, {@value ModelFile#PARAMS_ENTRY}
 * @param parametersEncoding how they are written there
 * @param parametersSha256 SHA-256 of that entry, hex
 * @param dataset the dataset folder trained on
 * @param datasetFingerprint its fingerprint (the run's provenance's, checked equal before training)
 * @param seed the refit's seed: split, initial weights and shuffling
 * @param trainSamples samples trained on
 * @param validationSamples samples held out for early stopping (0 without it)
 * @param epochs epochs trained (fewer than the grid point's with early stopping)
 * @param trainAccuracy share of the training samples the saved network classifies correctly
 * @param spec the run's experiment spec as stored
 */
public record ModelInfo(String format, String kinefoldVersion, String created, String model, long runId, String experiment,
                        int gridPoint, Double cvAccuracy, Double cvAccuracySd, Double cvMacroF1, int cvFolds,
                        Map<String, Double> hyperparameters, List<String> classes, int features, int timeSteps,
                        long parameters, String parametersFile, String parametersEncoding, String parametersSha256,
                        String dataset, String datasetFingerprint, long seed, int trainSamples, int validationSamples,
                        int epochs, Double trainAccuracy, JsonNode spec) {}
