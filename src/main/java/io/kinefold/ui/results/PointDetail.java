package io.kinefold.ui.results;

import io.kinefold.data.ModelId;
import io.kinefold.experiment.TrialResult;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The selected grid point fold by fold: its per-fold table and its learning curves, of every fold
 * or of the one chosen. Depends on the grid point's trials only; the view model owns it, exposes
 * its properties and changes it on the FX thread. Touches no control.
 */
final class PointDetail {
    private final ObservableList<FoldRow> folds = FXCollections.observableArrayList();
    private final ObjectProperty<Integer> curveFold;
    private final ReadOnlyObjectWrapper<LearningCurves> curves;
    private final ReadOnlyStringWrapper title;

    private int gridPoint;
    private List<TrialResult> trials = List.of();

    /** @param bean the view model the properties belong to */
    PointDetail(Object bean) {
        curveFold = new SimpleObjectProperty<>(bean, "curveFold");
        curves = new ReadOnlyObjectWrapper<>(bean, "curves", LearningCurves.empty(LearningCurves.NOTHING_SELECTED));
        title = new ReadOnlyStringWrapper(bean, "pointTitle", "");
        curveFold.addListener((obs, old, fold) -> drawCurves());
    }

    /** Shows the folds of {@code row} among {@code all} the run's trials; a null row empties it. */
    void show(ModelId model, GridPointRow row, List<TrialResult> all) {
        curveFold.set(null);
        if (model == null || row == null) {
            trials = List.of();
            folds.clear();
            title.set("");
            curves.set(LearningCurves.empty(LearningCurves.NOTHING_SELECTED));
            return;
        }
        gridPoint = row.gridPoint();
        trials = all.stream().filter(t -> t.trial().model().equals(model) && t.trial().gridPoint() == row.gridPoint())
                .sorted(Comparator.comparingInt(t -> t.trial().fold())).toList();
        folds.setAll(trials.stream().map(FoldRow::of).toList());
        title.set(model + ", " + row.label() + ": " + trials.size() + (trials.size() == 1 ? " fold" : " folds"));
        drawCurves();
    }

    private void drawCurves() {
        curves.set(LearningCurves.of(gridPoint, trials, curveFold.get()));
    }

    ObservableList<FoldRow> folds() { return folds; }
    ObjectProperty<Integer> curveFold() { return curveFold; }
    ReadOnlyObjectWrapper<LearningCurves> curves() { return curves; }
    ReadOnlyStringWrapper title() { return title; }
}
