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
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
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
    private static final double LEFT = 64;
    private static final double RIGHT = 10;
    private static final double AXIS = 34;
    private static final double LANE = 14;

    private final ObjectProperty<WholeRunData> data = new SimpleObjectProperty<>(this, "data", WholeRunData.empty());
    private final ReadOnlyDoubleWrapper viewStart = new ReadOnlyDoubleWrapper(this, "viewStart", 0);
    private final ReadOnlyDoubleWrapper viewEnd = new ReadOnlyDoubleWrapper(this, "viewEnd", 1);
    private final Plot plot = new Plot();
    private final RangeSlider slider = new RangeSlider(0, 1, 0, 1);
    private final Label rangeLabel = new Label();
    private final Label readout = new Label();
    private final CheckBox coresBox = new CheckBox("Cores");
    private final FlowPane legend = new FlowPane(12, 4);
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

    static Color kindColour(ModelKind kind) {
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

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
        double pow = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * pow >= raw) {
                return m * pow;
            }
        }
        return 10 * pow;
    }

    /** The plots: four panels of lines and the trial lanes, on the view's time axis. */
    private final class Plot extends Pane {
        private final Canvas canvas = new Canvas();
        private double dragX = Double.NaN;

        Plot() {
            getChildren().add(canvas);
            canvas.setId("wholeRunCanvas");
            setMinSize(200, 160);
            setPrefSize(800, 420);
            canvas.setOnScroll(this::wheel);
            canvas.setOnMousePressed(e -> {
                dragX = e.getX();
                WholeRunChart.this.requestFocus();
            });
            canvas.setOnMouseDragged(e -> {
                double dx = e.getX() - dragX;
                dragX = e.getX();
                scroll(-dx / plotWidth() * (viewEnd.get() - viewStart.get()));
            });
            canvas.setOnMouseMoved(e -> readout(timeAt(e.getX())));
            canvas.setOnMouseExited(e -> readout.setText(""));
        }

        @Override
        protected void layoutChildren() {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            draw();
        }

        private double plotWidth() {
            return Math.max(1, getWidth() - LEFT - RIGHT);
        }

        private double timeAt(double x) {
            return viewStart.get() + (x - LEFT) / plotWidth() * (viewEnd.get() - viewStart.get());
        }

        private double xAt(double t) {
            return LEFT + (t - viewStart.get()) / (viewEnd.get() - viewStart.get()) * plotWidth();
        }

        private void wheel(ScrollEvent e) {
            if (e.getDeltaY() == 0) {
                return;
            }
            zoom(Math.pow(1.25, -e.getDeltaY() / 40), timeAt(e.getX()));
            e.consume();
        }

        private void readout(double t) {
            WholeRunData d = data.get();
            if (t < viewStart.get() || t > viewEnd.get() || d.isEmpty()) {
                readout.setText("");
                return;
            }
            StringBuilder text = new StringBuilder(time(t));
            append(text, "machine", d.machineCpu().valueAt(t), "%.0f %%");
            append(text, "memory", d.memoryUsed().valueAt(t), "%.0f MB");
            for (int i = 0; i < d.workerCpu().size(); i++) {
                append(text, d.workerCpu().get(i).name(), d.workerCpu().get(i).valueAt(t), "%.0f %%");
            }
            readout.setText(text.toString());
        }

        private void append(StringBuilder text, String name, double v, String format) {
            if (!Double.isNaN(v)) {
                text.append(" · ").append(name).append(' ').append(String.format(Locale.ROOT, format, v));
            }
        }

        void draw() {
            double w = getWidth();
            double h = getHeight();
            GraphicsContext g = canvas.getGraphicsContext2D();
            g.clearRect(0, 0, w, h);
            if (w <= LEFT + RIGHT || h <= AXIS) {
                return;
            }
            WholeRunData d = data.get();
            g.setFont(Font.font(11));
            List<String> lanes = d.lanes();
            double avail = h - AXIS;
            double lanesHeight = Math.min(Math.max(2, lanes.size()) * LANE + 16, avail * 0.3);
            double panel = (avail - lanesHeight) / 4;
            List<String> workers = d.workers();

            double top = 0;
            double cpuMax = 100;
            panel(g, top, panel, "Machine CPU (%)", cpuMax, "%");
            if (coresBox.isSelected()) {
                d.cores().forEach(l -> line(g, l, top, panel, cpuMax, CORE, 0.8));
            }
            line(g, d.machineCpu(), top, panel, cpuMax, MACHINE, 1.8);

            double memTop = panel;
            double memMax = nice(Math.max(d.memoryTotalMb(), d.memoryUsed().max()));
            panel(g, memTop, panel, "Memory used (MB)", memMax, "");
            line(g, d.memoryUsed(), memTop, panel, memMax, MEMORY, 1.5);

            double wcTop = 2 * panel;
            double wcMax = nice(Math.max(100, d.workerCpu().stream().mapToDouble(WholeRunData.Line::max).max().orElse(0)));
            panel(g, wcTop, panel, "Worker CPU (% of one core)", wcMax, "%");
            double wrTop = 3 * panel;
            double wrMax = nice(d.workerRss().stream().mapToDouble(WholeRunData.Line::max).max().orElse(0));
            panel(g, wrTop, panel, "Worker RSS (MB)", wrMax, "");
            for (int i = 0; i < d.workerCpu().size(); i++) {
                Color c = WORKERS[workers.indexOf(d.workerCpu().get(i).name()) % WORKERS.length];
                line(g, d.workerCpu().get(i), wcTop, panel, wcMax, c, 1.2);
                line(g, d.workerRss().get(i), wrTop, panel, wrMax, c, 1.2);
            }

            lanes(g, d, lanes, 4 * panel, lanesHeight);
            axis(g, h - AXIS + 2);
        }

        private double nice(double max) {
            if (max <= 0) {
                return 1;
            }
            double step = niceStep(max / 4);
            return Math.ceil(max / step) * step;
        }

        private void panel(GraphicsContext g, double top, double height, String title, double max, String unit) {
            double plotTop = top + 14;
            double plotHeight = Math.max(1, height - 18);
            g.setFill(Color.web("#fafafa"));
            g.fillRect(LEFT, plotTop, plotWidth(), plotHeight);
            g.setStroke(Color.web("#e5e7eb"));
            g.setLineWidth(1);
            g.setFill(Color.web("#6b7280"));
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.CENTER);
            for (int k = 0; k <= 2; k++) {
                double y = plotTop + plotHeight - k / 2.0 * plotHeight;
                g.strokeLine(LEFT, y, LEFT + plotWidth(), y);
                if (plotHeight > 24 || k != 1) {
                    g.fillText(String.format(Locale.ROOT, "%.0f%s", k / 2.0 * max, unit), LEFT - 4, y);
                }
            }
            g.setFill(Color.web("#374151"));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.fillText(title, LEFT, top);
        }

        /** One line, as one min/max stroke per pixel column where the points are denser than pixels. */
        private void line(GraphicsContext g, WholeRunData.Line line, double top, double height, double max, Color colour,
                          double width) {
            double plotTop = top + 14;
            double plotHeight = Math.max(1, height - 18);
            g.save();
            g.beginPath();
            g.rect(LEFT, plotTop - 1, plotWidth(), plotHeight + 2);
            g.clip();
            g.setStroke(colour);
            g.setLineWidth(width);
            g.beginPath();
            boolean open = false;
            int column = Integer.MIN_VALUE;
            double lo = 0;
            double hi = 0;
            double start = viewStart.get();
            double end = viewEnd.get();
            for (int i = 0; i < line.size(); i++) {
                double t = line.timeAt(i);
                boolean inside = t >= start && t <= end;
                boolean neighbour = (i + 1 < line.size() && line.timeAt(i + 1) >= start && t < start)
                        || (i > 0 && line.timeAt(i - 1) <= end && t > end);
                if (!inside && !neighbour) {
                    continue;
                }
                double v = line.valueAtIndex(i);
                if (Double.isNaN(v)) {
                    open = false;
                    column = Integer.MIN_VALUE;
                    continue;
                }
                double x = xAt(t);
                double y = plotTop + plotHeight - Math.min(1.05, v / max) * plotHeight;
                int col = (int) Math.floor(x);
                if (!open) {
                    g.moveTo(x, y);
                    open = true;
                    column = col;
                    lo = y;
                    hi = y;
                } else if (col == column) {
                    // Denser than pixels: draw the column's range, not every point.
                    if (y < lo || y > hi) {
                        g.lineTo(x, y);
                    }
                    lo = Math.min(lo, y);
                    hi = Math.max(hi, y);
                } else {
                    g.lineTo(x, y);
                    column = col;
                    lo = y;
                    hi = y;
                }
            }
            g.stroke();
            g.restore();
        }

        private void lanes(GraphicsContext g, WholeRunData d, List<String> lanes, double top, double height) {
            g.setFill(Color.web("#374151"));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.fillText("Trials by worker", LEFT, top);
            double laneTop = top + 14;
            if (lanes.isEmpty()) {
                g.setFill(Color.web("#6b7280"));
                g.fillText("No trials yet", LEFT, laneTop + 2);
                return;
            }
            double lane = Math.max(3, Math.min(LANE, (height - 16) / lanes.size()));
            g.setTextBaseline(VPos.CENTER);
            g.setTextAlign(TextAlignment.RIGHT);
            for (int i = 0; i < lanes.size(); i++) {
                double y = laneTop + i * lane;
                g.setFill(i % 2 == 0 ? Color.web("#f3f4f6") : Color.web("#fafafa"));
                g.fillRect(LEFT, y, plotWidth(), lane);
                if (lane >= 9) {
                    g.setFill(Color.web("#374151"));
                    g.fillText(lanes.get(i), LEFT - 4, y + lane / 2);
                }
            }
            g.save();
            g.beginPath();
            g.rect(LEFT, laneTop, plotWidth(), lanes.size() * lane);
            g.clip();
            double now = d.duration();
            for (WholeRunData.TrialSpan t : d.trials()) {
                double end = t.running() ? Math.max(t.start(), now) : t.end();
                if (end < viewStart.get() || t.start() > viewEnd.get()) {
                    continue;
                }
                int i = lanes.indexOf(t.lane());
                double x0 = xAt(t.start());
                double x1 = xAt(end);
                Color c = t.failed() ? FAILED : kindColour(t.kind());
                g.setFill(t.running() ? c.deriveColor(0, 0.6, 1.2, 0.6) : c);
                g.fillRect(x0, laneTop + i * lane + 1, Math.max(1.5, x1 - x0 - 1), Math.max(1, lane - 2));
            }
            g.restore();
        }

        private void axis(GraphicsContext g, double y) {
            double start = viewStart.get();
            double end = viewEnd.get();
            g.setStroke(Color.web("#9ca3af"));
            g.strokeLine(LEFT, y, LEFT + plotWidth(), y);
            g.setFill(Color.web("#6b7280"));
            g.setTextBaseline(VPos.TOP);
            g.setTextAlign(TextAlignment.CENTER);
            double step = niceStep((end - start) / Math.max(1, plotWidth() / 90));
            for (double t = Math.ceil(start / step) * step; t <= end + 1e-9; t += step) {
                double x = xAt(t);
                g.strokeLine(x, y, x, y + 3);
                // the last label inside the chart, not cut at its edge
                g.setTextAlign(x > LEFT + plotWidth() - 24 ? TextAlignment.RIGHT : TextAlignment.CENTER);
                g.fillText(time(t), x, y + 4);
            }
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText("time since the run started", LEFT + plotWidth(), y + 18);
        }
    }
}
