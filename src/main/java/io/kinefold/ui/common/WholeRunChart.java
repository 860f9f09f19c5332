package io.kinefold.ui.common;

import io.kinefold.data.ModelKind;
import io.kinefold.kind.KindSpec;
import io.kinefold.kind.Kinds;
import io.kinefold.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.controlsfx.control.RangeSlider;

/**
 * A whole run's resources on one time axis, seconds from the run's start: the machine's CPU
 * (total over its cores) and memory, each worker's CPU and RSS, and the trials by worker below
 * them. Zoom with the mouse wheel, {@code +}/{@code −} or the buttons; scroll by dragging, with the
 * arrow keys or the range slider; {@code Fit} (or {@code 0}/Home) shows the whole run again.
 * While the view is fitted it follows a live run as it grows.
 *
 * <p>Drawn on a canvas rather than with {@code LineChart}s: a run of an hour on sixteen cores is
 * tens of thousands of points, which a canvas draws as one min/max stroke per pixel column. The
 * legend is a {@link FlowPane} under the plots, so it wraps instead of vanishing in a small window.
 * Feed it with {@link #setData}; {@link WholeRunData#forStoredRun} and the run view's live data
 * give the same picture of the same run.
 */
public final class WholeRunChart extends VBox {
    /** The machine: near black and heavier, so it never reads as a worker (as in the exported charts). */
    static final Color MACHINE = Color.web("#303030");
    static final Color CORE = Color.web("#c8c8c8");
    /** The machine's memory: the machine's colour, not the first worker's blue. */
    static final Color MEMORY = MACHINE;
    static final Color FAILED = Color.web("#b91c1c");
    /** Workers' lines: the usual ten-colour palette without its grey. */
    static final Color[] WORKERS = {
        Color.web("#1f77b4"), Color.web("#ff7f0e"), Color.web("#2ca02c"), Color.web("#d62728"), Color.web("#9467bd"),
        Color.web("#8c564b"), Color.web("#e377c2"), Color.web("#bcbd22"), Color.web("#17becf")};
    /** The narrowest view: a few samples. */
    static final double MIN_SPAN = 5;
    static final double LEFT = 64;
    static final double RIGHT = 10;

    private final ObjectProperty<WholeRunData> data = new SimpleObjectProperty<>(this, "data", WholeRunData.empty());
    private final ReadOnlyDoubleWrapper viewStart = new ReadOnlyDoubleWrapper(this, "viewStart", 0);
    private final ReadOnlyDoubleWrapper viewEnd = new ReadOnlyDoubleWrapper(this, "viewEnd", 1);
    private final RangeSlider slider = new RangeSlider(0, 1, 0, 1);
    private final Label rangeLabel = new Label();
    private final Label readout = new Label();
    private final CheckBox coresBox = new CheckBox("Cores");
    private final FlowPane legend = new FlowPane(12, 4);
    private final WholeRunPlot plot = new WholeRunPlot(this, readout, coresBox);
    private boolean following = true;
    private boolean syncing;

    public WholeRunChart() {
        getStyleClass().add("whole-run-chart");
        setSpacing(4);
        setPadding(new Insets(4));
        Button fit = new Button("Fit");
        fit.setId("wholeRunFit");
        fit.setTooltip(new Tooltip("Show the whole run (0 or Home)"));
        fit.setOnAction(e -> fit());
        Button in = new Button("+");
        in.setId("wholeRunZoomIn");
        in.setTooltip(new Tooltip("Zoom in (+ or the mouse wheel)"));
        in.setOnAction(e -> zoom(0.5, centre()));
        Button out = new Button("−");
        out.setId("wholeRunZoomOut");
        out.setTooltip(new Tooltip("Zoom out (− or the mouse wheel)"));
        out.setOnAction(e -> zoom(2, centre()));
        coresBox.setSelected(true);
        coresBox.setTooltip(new Tooltip("Each core's load in grey under the machine's"));
        coresBox.selectedProperty().addListener((obs, old, on) -> plot.draw());
        rangeLabel.setId("wholeRunRange");
        rangeLabel.setMinWidth(Region.USE_PREF_SIZE);
        readout.getStyleClass().add("muted");
        readout.setId("wholeRunReadout");
        readout.setMinWidth(0);
        HBox.setHgrow(readout, Priority.ALWAYS);
        HBox bar = new HBox(6, fit, in, out, coresBox, rangeLabel, readout);
        bar.setAlignment(Pos.CENTER_LEFT);

        slider.setId("wholeRunSlider");
        slider.setShowTickLabels(false);
        slider.setPadding(new Insets(0, RIGHT, 0, LEFT - 6));
        slider.lowValueProperty().addListener((obs, old, v) -> fromSlider());
        slider.highValueProperty().addListener((obs, old, v) -> fromSlider());

        legend.setId("wholeRunLegend");
        legend.setPadding(new Insets(0, RIGHT, 0, LEFT));
        legend.prefWrapLengthProperty().bind(widthProperty().subtract(LEFT + RIGHT));

        VBox.setVgrow(plot, Priority.ALWAYS);
        getChildren().addAll(bar, plot, slider, legend);

        data.addListener((obs, old, d) -> {
            if (following) {
                setView(0, Math.max(MIN_SPAN, d.duration()));
            } else {
                setView(viewStart.get(), viewEnd.get());
            }
            legend();
            plot.draw();
        });
        setFocusTraversable(true);
        addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        setOnMouseClicked(e -> requestFocus());
        legend();
        fit();
    }

    /** A chart of a stored run, read from the store now (on the calling thread). */
    public static WholeRunChart forStoredRun(Store store, long runId) {
        WholeRunChart chart = new WholeRunChart();
        chart.setData(WholeRunData.forStoredRun(store, runId));
        return chart;
    }

    public ObjectProperty<WholeRunData> dataProperty() { return data; }
    public WholeRunData getData() { return data.get(); }
    public void setData(WholeRunData d) { data.set(d == null ? WholeRunData.empty() : d); }
    /** The left edge of the view, seconds from the run's start. */
    public ReadOnlyDoubleProperty viewStartProperty() { return viewStart.getReadOnlyProperty(); }
    /** The right edge of the view. */
    public ReadOnlyDoubleProperty viewEndProperty() { return viewEnd.getReadOnlyProperty(); }
    /** The legend's entries, as shown. */
    public List<String> legendEntries() {
        return legend.getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }

    /** The whole run; the view then follows a live run as it grows. */
    public void fit() {
        following = true;
        setView(0, span());
    }

    /**
     * Shows seconds {@code start} to {@code end} of the run (kept within it), and stays there as the
     * data grows: for charts of several runs kept on one view, follow one's
     * {@link #viewStartProperty()} and {@link #viewEndProperty()} and show the same on the others.
     */
    public void show(double start, double end) {
        following = false;
        setView(start, end);
    }

    /** Multiplies the view's width by {@code factor} (below 1 zooms in), keeping {@code at} where it is. */
    public void zoom(double factor, double at) {
        double start = viewStart.get();
        double end = viewEnd.get();
        double width = Math.max(MIN_SPAN, Math.min(span(), (end - start) * factor));
        double share = end > start ? (at - start) / (end - start) : 0.5;
        double newStart = at - share * width;
        following = false;
        setView(newStart, newStart + width);
    }

    /** Moves the view by {@code seconds} (negative: back), keeping its width. */
    public void scroll(double seconds) {
        double width = viewEnd.get() - viewStart.get();
        following = false;
        setView(viewStart.get() + seconds, viewStart.get() + seconds + width);
    }

    private double span() {
        return Math.max(MIN_SPAN, data.get().duration());
    }

    private double centre() {
        return (viewStart.get() + viewEnd.get()) / 2;
    }

    /** Sets the view within the run; a view that reaches the run's end follows it. */
    private void setView(double start, double end) {
        double span = span();
        double width = Math.min(span, Math.max(MIN_SPAN, end - start));
        double s = Math.max(0, Math.min(start, span - width));
        viewStart.set(s);
        viewEnd.set(s + width);
        syncing = true;
        try {
            slider.setMax(span);
            slider.setHighValue(span);
            slider.setLowValue(s);
            slider.setHighValue(s + width);
        } finally {
            syncing = false;
        }
        rangeLabel.setText(String.format(Locale.ROOT, "%s – %s of %s", time(s), time(s + width), time(data.get().duration())));
        plot.draw();
    }

    private void fromSlider() {
        if (syncing) {
            return;
        }
        double low = slider.getLowValue();
        double high = slider.getHighValue();
        following = high >= span() - 1e-6 && low <= 1e-6;
        setView(low, high);
    }

    private void key(KeyEvent e) {
        double width = viewEnd.get() - viewStart.get();
        KeyCode code = e.getCode();
        if (code == KeyCode.PLUS || code == KeyCode.ADD || code == KeyCode.EQUALS) {
            zoom(0.5, centre());
        } else if (code == KeyCode.MINUS || code == KeyCode.SUBTRACT) {
            zoom(2, centre());
        } else if (code == KeyCode.LEFT) {
            scroll(-width / 4);
        } else if (code == KeyCode.RIGHT) {
            scroll(width / 4);
        } else if (code == KeyCode.HOME || code == KeyCode.DIGIT0 || code == KeyCode.NUMPAD0) {
            fit();
        } else {
            return;
        }
        e.consume();
    }

    private void legend() {
        List<Label> items = new ArrayList<>();
        items.add(item("machine", MACHINE));
        items.add(item("cores", CORE));
        items.add(item("memory used", MEMORY));
        List<String> workers = data.get().workers();
        for (int i = 0; i < workers.size(); i++) {
            items.add(item(workers.get(i), WORKERS[i % WORKERS.length]));
        }
        for (KindSpec k : Kinds.all()) {
            if (data.get().trials().stream().anyMatch(t -> t.kind().equals(k.kind()))) {
                items.add(item(k.kind().name() + " trial", Color.web(k.colour())));
            }
        }
        if (data.get().trials().stream().anyMatch(WholeRunData.TrialSpan::failed)) {
            items.add(item("failed trial", FAILED));
        }
        legend.getChildren().setAll(items);
    }

    private static Label item(String text, Color colour) {
        Label l = new Label(text, new Rectangle(10, 10, colour));
        l.getStyleClass().add("whole-run-legend-item");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** A model kind's colour, as every chart of trials draws it. */
    public static Color kindColour(ModelKind kind) {
        return Kinds.find(kind).map(k -> Color.web(k.colour())).orElse(Color.GRAY);
    }

    /** Seconds as {@code 42 s} below ten minutes, else {@code 12:05} or {@code 1:02:03}. */
    static String time(double seconds) {
        long s = Math.round(seconds);
        if (s < 600) {
            return s + " s";
        }
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}: the tick step of every time axis drawn by hand. */
    public static double niceStep(double raw) {
        double pow = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * pow >= raw) {
                return m * pow;
            }
        }
        return 10 * pow;
    }
}
