package io.kinefold.ui.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinefold.data.Dataset;
import io.kinefold.data.DatasetException;
import io.kinefold.data.DatasetLoader;
import io.kinefold.monitor.AppInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Datasets the experiment tests make from the bundled one. */
final class ExperimentFixtures {
    private ExperimentFixtures() {}

    /** The bundled recordings of one exercise, as a dataset named {@code <exercise>s}: pose cannot be had on it. */
    static Dataset oneExercise(Path folder, String exercise) throws IOException, DatasetException {
        Path bundled = Path.of(AppInfo.BUNDLED_DATASET);
        ObjectMapper json = new ObjectMapper();
        ObjectNode manifest = (ObjectNode) json.readTree(bundled.resolve(DatasetLoader.MANIFEST).toFile());
        ArrayNode kept = json.createArrayNode();
        for (var recording : manifest.get("recordings")) {
            if (recording.get("exercise").asText().equals(exercise)) {
                Path source = folder.resolve(recording.get("source").asText());
                Files.createDirectories(source.getParent());
                Files.copy(bundled.resolve(recording.get("source").asText()), source);
                kept.add(recording);
            }
        }
        manifest.put("name", exercise + "s");
        manifest.set("recordings", kept);
        json.writeValue(folder.resolve(DatasetLoader.MANIFEST).toFile(), manifest);
        return DatasetLoader.load(folder);
    }
}
