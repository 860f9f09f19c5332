package io.kinefold.experiment;

import io.kinefold.data.Dataset;
import io.kinefold.data.ModelId;
import io.kinefold.kind.KindSpec;
import io.kinefold.kind.Kinds;
import io.kinefold.kind.ModelSamples;
import io.kinefold.model.Hyperparameters;
import io.kinefold.model.ParamDef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a spec against a dataset and expands it into a {@link Plan}. Every problem is collected
 * and reported at once, each naming its field.
 */
public final class Planner {
    private Planner() {}

    public static Plan plan(ExperimentSpec spec, Dataset dataset) throws SpecException {
        List<String> problems = new ArrayList<>();
        if (spec.folds() < 2) {
            problems.add("folds: must be at least 2, was " + spec.folds());
        }
        if (spec.models().isEmpty()) {
            problems.add("models: no model chosen");
        }
        List<String> exercises = dataset.exercises();
        Map<ModelId, ModelPlan> plans = new LinkedHashMap<>();
        Set<ModelId> seen = new HashSet<>();
        for (int i = 0; i < spec.models().size(); i++) {
            ModelGrid grid = spec.models().get(i);
            String at = "models[" + i + "] (" + grid.model() + ")";
            List<ModelId> ids = new ArrayList<>();
            String name = grid.model().strip();
            Optional<KindSpec> everyExercise = Kinds.wildcard(name);
            if (everyExercise.isPresent()) {
                if (exercises.isEmpty()) {
                    problems.add(at + ".model: the dataset has no labelled exercises");
                }
                exercises.forEach(e -> ids.add(new ModelId(everyExercise.get().kind(), e)));
            } else {
                try {
                    ModelId id = Kinds.parse(name);
                    if (id.exercise() != null && !exercises.contains(id.exercise())) {
                        problems.add(at + ".model: unknown exercise '" + id.exercise() + "'; the dataset has " + exercises);
                        continue;
                    }
                    String refusal = Kinds.of(id).refusal(exercises);
                    if (refusal != null) {
                        problems.add(at + ".model: " + refusal);
                        continue;
                    }
                    ids.add(id);
                } catch (IllegalArgumentException e) {
                    problems.add(at + ".model: " + e.getMessage());
                    continue;
                }
            }
            if (ids.isEmpty()) {
                continue;
            }
            KindSpec kind = Kinds.of(ids.get(0));
            List<Hyperparameters> points = points(kind, grid, at, problems);
            for (ModelId id : ids) {
                if (!seen.add(id)) {
                    problems.add(at + ".model: " + id + " is already in the spec");
                    continue;
                }
                if (points != null) {
                    plans.put(id, new ModelPlan(id, points));
                }
                if (spec.folds() >= 2) {
                    checkFolds(id, dataset, spec.folds(), at, problems);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new SpecException(problems);
        }
        return new Plan(spec, List.copyOf(plans.values()));
    }

    /**
     * The plan of a stored run without its dataset: the given models (as planned when the run was
     * created, wildcards already expanded) with the grids their spec gives them. The spec was
     * checked then; a model no grid of the spec names is a {@link SpecException}.
     */
    public static Plan replan(ExperimentSpec spec, List<ModelId> models) throws SpecException {
        List<ModelPlan> plans = new ArrayList<>();
        for (ModelId id : models) {
            ModelGrid grid = spec.models().stream()
                    .filter(g -> g.model().strip().equals(id.toString())).findFirst()
                    .or(() -> spec.models().stream()
                            .filter(g -> g.model().strip().equals(id.kind().name() + ":*")).findFirst())
                    .orElseThrow(() -> new SpecException("models: no grid for " + id + " in the stored spec"));
            List<String> problems = new ArrayList<>();
            List<Hyperparameters> points = points(Kinds.of(id), grid, "models (" + id + ")", problems);
            if (points == null) {
                throw new SpecException(problems);
            }
            plans.add(new ModelPlan(id, points));
        }
        return new Plan(spec, plans);
    }

    private static List<Hyperparameters> points(KindSpec kind, ModelGrid grid, String at, List<String> problems) {
        List<ParamDef> defs = kind.params();
        int before = problems.size();
        for (var entry : grid.grid().entrySet()) {
            String field = at + ".grid." + entry.getKey();
            ParamDef def = defs.stream().filter(d -> d.name().equals(entry.getKey())).findFirst().orElse(null);
            if (def == null) {
                problems.add(field + ": unknown hyperparameter for " + kind.kind().name() + " models; known: "
                        + defs.stream().map(ParamDef::name).toList());
                continue;
            }
            if (entry.getValue().isEmpty()) {
                problems.add(field + ": empty value list");
                continue;
            }
            for (double v : entry.getValue()) {
                String problem = def.check(v);
                if (problem != null) {
                    problems.add(at + ".grid." + problem);
                }
            }
            if (new HashSet<>(entry.getValue()).size() != entry.getValue().size()) {
                problems.add(field + ": a value is listed twice");
            }
        }
        if (problems.size() > before) {
            return null;
        }
        List<Hyperparameters> points = new ArrayList<>();
        for (Map<String, Double> point : Grid.expand(grid.grid())) {
            points.add(kind.hyperparameters(point));
        }
        return points;
    }

    /** Every class must be present in at least {@code folds} subjects, or a fold would lack it. */
    private static void checkFolds(ModelId id, Dataset dataset, int folds, String at, List<String> problems) {
        ModelSamples samples = Kinds.of(id).samples(dataset, id);
        int[] labels = samples.labels();
        String[] groups = samples.groups();
        List<String> classes = samples.classes();
        for (int c = 0; c < classes.size(); c++) {
            Set<String> subjects = new TreeSet<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == c) {
                    subjects.add(groups[i]);
                }
            }
            if (subjects.size() < folds) {
                problems.add("folds: " + folds + " is more than the " + subjects.size() + " subject"
                        + (subjects.size() == 1 ? "" : "s") + " with class '" + classes.get(c) + "' in " + id + " (" + at + ")");
            }
        }
    }
}
