package io.kinefold.kind;

import io.kinefold.data.Dataset;
import io.kinefold.data.ModelId;
import io.kinefold.data.ModelKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The registry of model kinds, in the order forms, lists and reports show them. Adding a kind is
 * a {@link KindSpec} class and a line in {@link #BUILT_IN}.
 */
public final class Kinds {
    private static final List<KindSpec> BUILT_IN = List.of(
            new PoseKind(),
            new StartKind(),
            new RepKind());
    private static final List<KindSpec> ALL = new CopyOnWriteArrayList<>(BUILT_IN);
    /** Registry order; a kind no longer registered (of a stored run) after the others, by name. */
    public static final Comparator<ModelKind> ORDER = Comparator.comparingInt(Kinds::rank).thenComparing(ModelKind::name);

    private Kinds() {}

    /** Every kind, in display order. */
    public static List<KindSpec> all() {
        return List.copyOf(ALL);
    }

    public static Optional<KindSpec> find(ModelKind kind) {
        return ALL.stream().filter(k -> k.kind().equals(kind)).findFirst();
    }

    /** The kind of that name; an unknown one is refused. */
    public static KindSpec of(ModelKind kind) {
        return find(kind).orElseThrow(() -> new IllegalArgumentException("unknown model kind '" + kind + "'; known: "
                + ALL.stream().map(k -> k.kind().name()).toList()));
    }

    private static int rank(ModelKind kind) {
        for (int i = 0; i < ALL.size(); i++) {
            if (ALL.get(i).kind().equals(kind)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    public static KindSpec of(ModelId id) {
        return of(id.kind());
    }

    /** Parses a model as specs write it, and checks that its kind exists and takes an exercise exactly when it should. */
    public static ModelId parse(String text) {
        ModelId id;
        try {
            id = ModelId.parse(text);
        } catch (IllegalArgumentException e) {
            throw unknown(text);
        }
        KindSpec kind = find(id.kind()).orElseThrow(() -> unknown(text));
        String name = kind.kind().name();
        if (!kind.perExercise() && id.exercise() != null) {
            throw new IllegalArgumentException(name + " takes no exercise");
        }
        if (kind.perExercise() && id.exercise() == null) {
            throw new IllegalArgumentException(name + " needs an exercise, as in " + name + ":squat");
        }
        return id;
    }

    private static IllegalArgumentException unknown(String text) {
        List<String> forms = ALL.stream().map(k -> k.kind().name() + (k.perExercise() ? ":<exercise>" : "")).toList();
        String expected = forms.size() == 1 ? forms.get(0)
                : String.join(", ", forms.subList(0, forms.size() - 1)) + " or " + forms.get(forms.size() - 1);
        return new IllegalArgumentException("unknown model '" + text + "': expected " + expected);
    }

    /** The kind a spec's {@code <kind>:*} names (one model per exercise of the dataset), if {@code model} is one. */
    public static Optional<KindSpec> wildcard(String model) {
        return ALL.stream().filter(k -> k.perExercise() && model.equals(k.kind().name() + ":*")).findFirst();
    }

    /** The models a dataset has samples for, kind by kind: one, or one per exercise; none without exercises. */
    public static List<ModelId> models(Dataset dataset) {
        List<String> exercises = dataset.exercises();
        List<ModelId> ids = new ArrayList<>();
        if (exercises.isEmpty()) {
            return ids;
        }
        for (KindSpec kind : ALL) {
            if (kind.perExercise()) {
                exercises.forEach(e -> ids.add(new ModelId(kind.kind(), e)));
            } else {
                ids.add(new ModelId(kind.kind(), null));
            }
        }
        return List.copyOf(ids);
    }

    /** Sample count of every model the dataset has, in {@link #models} order. */
    public static Map<ModelId, Integer> sampleCounts(Dataset dataset) {
        Map<ModelId, Integer> counts = new LinkedHashMap<>();
        for (ModelId id : models(dataset)) {
            counts.put(id, of(id).samples(dataset, id).size());
        }
        return counts;
    }

    /**
     * Adds a kind after the built-in ones until the registration is closed: how a test proves
     * that a kind needs nothing but its class. Refuses a name already taken.
     */
    public static Registration register(KindSpec kind) {
        synchronized (ALL) {
            if (find(kind.kind()).isPresent()) {
                throw new IllegalArgumentException("model kind '" + kind.kind() + "' is already registered");
            }
            ALL.add(kind);
        }
        return () -> ALL.remove(kind);
    }

    /** Undoes a {@link #register}. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
