package io.kinefold.ui.results;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.util.StringConverter;

/**
 * The slice charts tab of {@link ResultsView}: accuracy by each hyperparameter, coloured by the
 * others or by one chosen.
 */
final class SliceChartsTab {
    private final ResultsViewModel model;
    private final Label slicesNoteLabel;
    private final Label colourByLabel;
    private final ComboBox<ParamColumn> colourByBox;
    private final GridPane sliceGrid;

    SliceChartsTab(ResultsViewModel model, Label slicesNoteLabel, Label colourByLabel,
            ComboBox<ParamColumn> colourByBox, GridPane sliceGrid) {
        this.model = model;
        this.slicesNoteLabel = slicesNoteLabel;
        this.colourByLabel = colourByLabel;
        this.colourByBox = colourByBox;
        this.sliceGrid = sliceGrid;
    }

    void init() {
        slicesNoteLabel.textProperty().bind(model.slicesNoteProperty());
        colourByLabel.setLabelFor(colourByBox);
        ObservableList<ParamColumn> choices = FXCollections.observableArrayList();
        colourByBox.setItems(choices);
        colourByBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(ParamColumn p) {
                return p == null ? OTHER_PARAMETERS : p.label();
            }

            @Override
            public ParamColumn fromString(String text) {
                return null;
            }
        });
        // The first choice, null, colours by every other varying hyperparameter together.
        model.colourChoices().addListener((ListChangeListener<ParamColumn>) c -> {
            List<ParamColumn> all = new ArrayList<>();
            all.add(null);
            all.addAll(model.colourChoices());
            choices.setAll(model.colourChoices().isEmpty() ? List.of() : all);
        });
        colourByBox.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(ParamColumn item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty && choices.isEmpty() ? null : item == null ? OTHER_PARAMETERS : item.label());
            }
        });
        colourByBox.visibleProperty().bind(Bindings.isNotEmpty(choices));
        colourByBox.managedProperty().bind(colourByBox.visibleProperty());
        colourByLabel.visibleProperty().bind(colourByBox.visibleProperty());
        colourByLabel.managedProperty().bind(colourByBox.visibleProperty());
        colourByBox.valueProperty().addListener((obs, old, p) -> model.colourByProperty().set(p));
        model.colourByProperty().addListener((obs, old, p) -> {
            if (colourByBox.getValue() != p) {
                colourByBox.setValue(p);
            }
        });
        model.slices().addListener((ListChangeListener<SliceChart>) c -> showSlices());
        showSlices();
    }

    private static final String OTHER_PARAMETERS = "the other parameters";

    /** One chart a hyperparameter, two abreast: at 1280 × 800 each keeps room for its legend. */
    private void showSlices() {
        sliceGrid.getChildren().clear();
        sliceGrid.getColumnConstraints().clear();
        int columns = model.slices().size() == 1 ? 1 : 2;
        for (int i = 0; i < columns; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / columns);
            sliceGrid.getColumnConstraints().add(c);
        }
        int i = 0;
        for (SliceChart slice : model.slices()) {
            sliceGrid.add(sliceChart(slice), i % columns, i / columns);
            i++;
        }
    }

    private static MarkedChart sliceChart(SliceChart slice) {
        // Ticks every half: a NumberAxis counts its ticks from the lower bound, so the values (whole
        // numbers) get the labelled ones and the halves between them unlabelled ones.
        NumberAxis x = new NumberAxis(-0.5, slice.values().size() - 0.5, 0.5);
        x.setAutoRanging(false);
        x.setMinorTickVisible(false);
        x.setLabel(slice.param().label());
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                double v = n.doubleValue();
                int i = (int) Math.rint(v);
                return Math.abs(v - i) < 1e-9 && i >= 0 && i < slice.values().size() ? slice.values().get(i) : "";
            }

            @Override
            public Number fromString(String s) {
                return slice.values().indexOf(s);
            }
        });
        double[] range = slice.accuracyRange();
        NumberAxis y = new NumberAxis(range[0], range[1], range[2]);
        y.setAutoRanging(false);
        y.setLabel("accuracy, mean ± sd");
        MarkedChart chart = new MarkedChart(x, y);
        chart.getStyleClass().add("slice-chart");
        chart.setTitle(slice.title());
        chart.setPrefHeight(320);
        chart.setMinHeight(260);
        chart.setMinWidth(0);
        List<XYChart.Series<Number, Number>> series = new ArrayList<>();
        XYChart.Data<Number, Number> best = null;
        for (SliceChart.Group g : slice.groups()) {
            List<XYChart.Data<Number, Number>> points = new ArrayList<>();
            for (SliceChart.Point p : g.points()) {
                XYChart.Data<Number, Number> d = new XYChart.Data<>(p.x(), p.mean(), p.sd());
                points.add(d);
                if (p.equals(slice.best())) {
                    best = d;
                }
            }
            series.add(new XYChart.Series<>(g.name(), FXCollections.observableArrayList(points)));
        }
        List<MarkedChart.Mark> baselines = slice.baselines().stream()
                .map(b -> new MarkedChart.Mark(b.accuracy(), b.label(), "baseline-line")).toList();
        chart.show(series, baselines, List.of(), best,
                slice.best() == null ? null : "best " + slice.best().label() + " " + ResultsViewModel.fixed(slice.best().mean(), 3));
        return chart;
    }
}
