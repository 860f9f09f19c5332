package io.kinefold.ui.experiment;

import io.kinefold.data.ModelId;
import io.kinefold.data.ModelKind;
import io.kinefold.kind.Kinds;
import io.kinefold.model.ParamDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/** One model of the open dataset in the form: whether it runs, and its grid, one field per hyperparameter. */
public final class ModelEntry {
    /** The count text of an enabled model with a field that has a problem. */
    public static final String INVALID = "invalid";
    /** The count text of a model the open dataset cannot have. */
    public static final String UNAVAILABLE = "not on this dataset";
    private final ModelId id;
    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled", true);
    private final List<GridField> fields = new ArrayList<>();
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");
    private final String refusal;

    ModelEntry(ModelId id) {
        this(id, null);
    }

    /** @param refusal why the open dataset cannot have this model, or null when it can: such a model stays off */
    ModelEntry(ModelId id, String refusal) {
        this.id = id;
        this.refusal = refusal;
        if (refusal != null) {
            enabled.set(false);
        }
        for (ParamDef def : Kinds.of(id).params()) {
            fields.add(new GridField(def));
        }
    }

    public ModelId id() {
        return id;
    }

    public ModelKind kind() {
        return id.kind();
    }

    /** As in specs: {@code pose}, {@code start:squat}. */
    public String title() {
        return id.toString();
    }

    /** What the model learns, in words. */
    public String description() {
        return Kinds.of(id).description(id);
    }

    /** The heading of the kind in the model list. */
    public static String kindTitle(ModelKind kind) {
        return Kinds.of(kind).title();
    }

    /**
     * Why the open dataset cannot have this model (pose on a dataset of one exercise), or null. The
     * engine skips such a model ({@code Plan.skipped()}); the form shows it off, with this reason.
     */
    public String refusal() {
        return refusal;
    }

    /** Whether the open dataset can have this model at all. */
    public boolean available() {
        return refusal == null;
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public List<GridField> fields() {
        return List.copyOf(fields);
    }

    public Optional<GridField> field(String name) {
        return fields.stream().filter(f -> f.def().name().equals(name)).findFirst();
    }

    /** The first problem of its fields, or null. */
    public String firstError() {
        return fields.stream().map(f -> f.errorProperty().get()).filter(e -> e != null).findFirst().orElse(null);
    }

    /** Grid points: the product of the list sizes; 0 while a field has a problem. */
    public int gridPoints() {
        int n = 1;
        for (GridField f : fields) {
            n *= f.values().size();
        }
        return n;
    }

    /** The grid as a spec holds it, every hyperparameter listed; only valid when no field has a problem. */
    Map<String, List<Double>> grid() {
        Map<String, List<Double>> grid = new LinkedHashMap<>();
        fields.forEach(f -> grid.put(f.def().name(), f.values()));
        return grid;
    }

    /** E.g. {@code 2 points · 6 trials}, or why there are none; kept current by the view model. */
    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    void setCountText(String text) {
        countText.set(text);
    }

    @Override
    public String toString() {
        return title();
    }
}
