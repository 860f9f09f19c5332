package io.kinefold.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinefold.kind.KindSpec;
import io.kinefold.kind.Kinds;
import io.kinefold.model.ParamDef;
import io.kinefold.monitor.AppInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes experiment specs as JSON. Reading checks the shape of the document and names
 * the field that is wrong; {@link SpecValidator} then checks the values against a dataset.
 *
 * <pre>{@code
 * { "format": "kinefold-experiment/1", "name": "quick", "dataset": "datasets/demo",
 *   "folds": 3, "seed": 7, "earlyStopping": { "patience": 3, "validationFraction": 0.2 },
 *   "models": [ { "model": "pose", "grid": { "units": [32, 64], "epochs": [20] } },
 *               { "model": "rep:*", "grid": { "lstmUnits": [16, 32], "centring": ["neck", "hip"] } } ] }
 * }</pre>
 *
 * <p>A hyperparameter that picks one of named choices ({@link ParamDef#choices}) takes the name or
 * its number; a name that is no choice is refused with the closest one. Written specs use the names.
 */
public final class SpecIo {
    /** The project's one JSON mapper for specs and results: records in, records out. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private SpecIo() {}

    /** Where the presets lie in a checkout, relative to {@link AppInfo#home()}; they are resources in the jar. */
    static final String PRESETS_FOLDER = "resources/presets";

    /** Keys of a spec, of its {@code earlyStopping} and of each of its models: any other is refused. */
    static final List<String> KEYS = List.of("format", "name", "dataset", "folds", "seed", "earlyStopping", "models");
    static final List<String> EARLY_STOPPING_KEYS = List.of("patience", "validationFraction");
    static final List<String> MODEL_KEYS = List.of("model", "grid");

    /** Reads a spec file; a relative {@code dataset} in it is taken from the file's folder. */
    public static ExperimentSpec read(Path file) throws SpecException {
        String json;
        try {
            json = Files.readString(file);
        } catch (IOException e) {
            throw new SpecException(file + ": cannot be read: " + e.getMessage());
        }
        return resolved(parse(json, file.toString()), file.toAbsolutePath().getParent());
    }

    /** The spec with a relative dataset path resolved against {@code base}. */
    static ExperimentSpec resolved(ExperimentSpec spec, Path base) {
        if (spec.dataset() == null || base == null) {
            return spec;
        }
        try {
            Path dataset = Path.of(spec.dataset());
            return dataset.isAbsolute() ? spec : spec.withDataset(base.resolve(dataset).normalize().toString());
        } catch (java.nio.file.InvalidPathException e) {
            return spec; // the planner names a dataset that cannot be a path
        }
    }

    public static ExperimentSpec readResource(String name) throws SpecException {
        try (InputStream in = SpecIo.class.getResourceAsStream("/presets/" + name + ".json")) {
            if (in == null) {
                throw new SpecException("no preset named '" + name + "'");
            }
            // Taken from where the preset files lie in the checkout, as if read from there: the
            // relative dataset then names the bundled one the same way, read as a file or as a resource.
            return resolved(parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), "preset " + name),
                    AppInfo.home().resolve(PRESETS_FOLDER));
        } catch (IOException e) {
            throw new SpecException("preset " + name + ": " + e.getMessage());
        }
    }

    public static ExperimentSpec parse(String json, String source) throws SpecException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new SpecException(source + ": not valid JSON"
                    + (loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")")
                    + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new SpecException(source + ": not a JSON object");
        }
        List<String> unknown = new ArrayList<>();
        unknownKeys(root, KEYS, "", unknown);
        String format = root.path("format").asText(ExperimentSpec.FORMAT);
        if (!ExperimentSpec.FORMAT.equals(format)) {
            throw new SpecException(source + ": format: expected '" + ExperimentSpec.FORMAT + "' but found '" + format + "'");
        }
        String name = root.path("name").asText("experiment");
        String dataset = root.hasNonNull("dataset") ? root.get("dataset").asText() : null;
        int folds = integer(root, "folds", 5, source);
        long seed = root.has("seed") ? longValue(root, "seed", source) : 1L;
        EarlyStopping earlyStopping = null;
        JsonNode es = root.get("earlyStopping");
        if (es != null && !es.isNull() && !(es.isBoolean() && !es.asBoolean())) {
            if (!es.isObject()) {
                throw new SpecException(source + ": earlyStopping: expected an object like {\"patience\": 3, \"validationFraction\": 0.2}");
            }
            unknownKeys(es, EARLY_STOPPING_KEYS, "earlyStopping.", unknown);
            try {
                earlyStopping = new EarlyStopping(integer(es, "patience", 3, source), es.path("validationFraction").asDouble(0.2));
            } catch (IllegalArgumentException e) {
                throw new SpecException(source + ": " + e.getMessage());
            }
        }
        JsonNode modelsNode = root.get("models");
        if (modelsNode == null || !modelsNode.isArray()) {
            throw new SpecException(source + ": models: missing or not an array of {\"model\": ..., \"grid\": {...}}");
        }
        List<ModelGrid> models = new ArrayList<>();
        for (int i = 0; i < modelsNode.size(); i++) {
            JsonNode m = modelsNode.get(i);
            String at = "models[" + i + "]";
            if (!m.isObject() || !m.hasNonNull("model")) {
                throw new SpecException(source + ": " + at + ".model: missing");
            }
            unknownKeys(m, MODEL_KEYS, at + ".", unknown);
            Map<String, List<Double>> grid = new LinkedHashMap<>();
            JsonNode g = m.get("grid");
            if (g != null && !g.isNull()) {
                if (!g.isObject()) {
                    throw new SpecException(source + ": " + at + ".grid: expected an object of value lists");
                }
                Iterator<Map.Entry<String, JsonNode>> fields = g.fields();
                while (fields.hasNext()) {
                    var field = fields.next();
                    String where = source + ": " + at + ".grid." + field.getKey();
                    Optional<ParamDef> def = def(m.get("model").asText(), field.getKey());
                    JsonNode values = field.getValue();
                    List<Double> list = new ArrayList<>();
                    if (values.isNumber() || values.isTextual()) {
                        list.add(value(values, def, where));
                    } else if (values.isArray()) {
                        for (JsonNode v : values) {
                            list.add(value(v, def, where));
                        }
                    } else {
                        throw new SpecException(where + ": expected a list of "
                                + (def.map(ParamDef::hasChoices).orElse(false) ? "choices, " + names(def.get()) : "numbers"));
                    }
                    grid.put(field.getKey(), list);
                }
            }
            models.add(new ModelGrid(m.get("model").asText(), grid));
        }
        if (!unknown.isEmpty()) {
            throw new SpecException(unknown.stream().map(u -> source + ": " + u).toList());
        }
        return new ExperimentSpec(ExperimentSpec.FORMAT, name, dataset, folds, seed, earlyStopping, models);
    }

    public static String toJson(ExperimentSpec spec) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", ExperimentSpec.FORMAT);
        root.put("name", spec.name());
        if (spec.dataset() != null) {
            root.put("dataset", spec.dataset());
        }
        root.put("folds", spec.folds());
        root.put("seed", spec.seed());
        if (spec.earlyStopping() != null) {
            ObjectNode es = root.putObject("earlyStopping");
            es.put("patience", spec.earlyStopping().patience());
            es.put("validationFraction", spec.earlyStopping().validationFraction());
        }
        ArrayNode models = root.putArray("models");
        for (ModelGrid m : spec.models()) {
            ObjectNode node = models.addObject();
            node.put("model", m.model());
            ObjectNode grid = node.putObject("grid");
            m.grid().forEach((k, values) -> {
                ArrayNode a = grid.putArray(k);
                Optional<ParamDef> def = def(m.model(), k).filter(ParamDef::hasChoices);
                for (double v : values) {
                    if (def.isPresent() && def.get().check(v) == null) {
                        a.add(def.get().text(v));
                    } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                        a.add((long) v);
                    } else {
                        a.add(v);
                    }
                }
            });
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The declaration of a grid key for a spec's model, when the model names a known kind: what
     * says whether a name is one of its choices. The planner refuses unknown models and keys.
     */
    private static Optional<ParamDef> def(String model, String name) {
        String m = model.strip();
        Optional<KindSpec> kind = Kinds.wildcard(m);
        if (kind.isEmpty()) {
            try {
                kind = Optional.of(Kinds.of(Kinds.parse(m)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return kind.get().params().stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /** One grid value: a number, or the name of one of the hyperparameter's choices. */
    private static double value(JsonNode v, Optional<ParamDef> def, String where) throws SpecException {
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isTextual() && def.isPresent() && def.get().hasChoices()) {
            ParamDef d = def.get();
            Double value = d.valueOf(v.asText());
            if (value == null) {
                throw new SpecException(where + ": '" + v.asText() + "' is not a choice; "
                        + Suggest.closest(v.asText(), d.choices()).map(c -> "did you mean '" + c + "'? ").orElse("")
                        + "choices: " + names(d));
            }
            return value;
        }
        throw new SpecException(where + ": '" + v.asText() + "' is not a number");
    }

    private static String names(ParamDef def) {
        return String.join(", ", def.choices()) + " (or " + def.choiceList() + ")";
    }

    /** Adds a problem for every key of the object that is not one of {@code known}, with the closest known one. */
    private static void unknownKeys(JsonNode node, List<String> known, String at, List<String> problems) {
        node.fieldNames().forEachRemaining(key -> {
            if (!known.contains(key)) {
                problems.add(at + key + ": unknown key; " + Suggest.hint(key, known));
            }
        });
    }

    private static int integer(JsonNode node, String field, int fallback, String source) throws SpecException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new SpecException(source + ": " + field + ": '" + v.asText() + "' is not a whole number");
        }
        return v.asInt();
    }

    private static long longValue(JsonNode node, String field, String source) throws SpecException {
        JsonNode v = node.get(field);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new SpecException(source + ": " + field + ": '" + v.asText() + "' is not a whole number");
        }
        return v.asLong();
    }
}
