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
    /** Trials a plan may have unless the caller allows more ({@code --allow-large}). */
    public static final long MAX_TRIALS = 100_000;

    private Planner() {}

    /** Plans the spec, refusing one of more than {@link #MAX_TRIALS} trials. */
    public static Plan plan(ExperimentSpec spec, Dataset dataset) throws SpecException {
        return plan(spec, dataset, MAX_TRIALS);
    }

    /**
     * Plans the spec, refusing one of more than {@code maxTrials} trials before any grid is
     * expanded: a grid of millions of points is refused at once instead of filling the memory.
     */
    public static Plan plan(ExperimentSpec spec, Dataset dataset, long maxTrials) throws SpecException {
        long trials = trialCount(spec, dataset.exercises());
        if (trials > maxTrials) {
            throw new SpecException(String.format(java.util.Locale.ROOT,
                    "models: the grids make %,d trials (grid points × %d folds), more than the limit of %,d; "
                            + "narrow the grids, or allow it with --allow-large on the command line",
                    trials, spec.folds(), maxTrials));
        }
        List<String> problems = new ArrayList<>();
        if (spec.folds() < 2) {
            problems.add("folds: must be at least 2, was " + spec.folds());
        }
        if (spec.models().isEmpty()) {
            problems.add("models: no model chosen");
        }
        List<String> exercises = dataset.exercises();
        Map<ModelId, ModelPlan> plans = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
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
                        skipped.add(id + ": " + refusal);
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
        if (problems.isEmpty() && plans.isEmpty() && !skipped.isEmpty()) {
            problems.add("models: none can be trained on this dataset (" + String.join("; ", skipped) + ")");
        }
        if (!problems.isEmpty()) {
            throw new SpecException(problems);
        }
        return new Plan(spec, List.copyOf(plans.values()), skipped);
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

    /**
     * The trials the spec would make, from the sizes of its value lists alone (saturating at
     * {@link Long#MAX_VALUE}): every model's grid points, times the exercises of a wildcard, times
     * the folds.
     */
    static long trialCount(ExperimentSpec spec, List<String> exercises) {
        long total = 0;
        for (ModelGrid grid : spec.models()) {
            long points = 1;
            for (List<Double> values : grid.grid().values()) {
                points = times(points, Math.max(1, values.size()));
            }
            long models = Kinds.wildcard(grid.model().strip()).isPresent() ? Math.max(1, exercises.size()) : 1;
            total = plus(total, times(times(points, models), Math.max(1, spec.folds())));
        }
        return total;
    }

    private static long times(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        return high != 0 || a * b < 0 ? Long.MAX_VALUE : a * b;
    }

    private static long plus(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private static List<Hyperparameters> points(KindSpec kind, ModelGrid grid, String at, List<String> problems) {
        List<ParamDef> defs = kind.params();
        int before = problems.size();
        for (var entry : grid.grid().entrySet()) {
            String field = at + ".grid." + entry.getKey();
            ParamDef def = defs.stream().filter(d -> d.name().equals(entry.getKey())).findFirst().orElse(null);
            if (def == null) {
                List<String> known = defs.stream().map(ParamDef::name).toList();
                problems.add(field + ": unknown hyperparameter for " + kind.kind().name() + " models; "
                        + Suggest.closest(entry.getKey(), known).map(c -> "did you mean '" + c + "'? ").orElse("")
                        + "known: " + known);
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
