package io.kinefold.ui.common;

import static io.kinefold.ui.common.WholeRunChart.CORE;
import static io.kinefold.ui.common.WholeRunChart.FAILED;
import static io.kinefold.ui.common.WholeRunChart.LEFT;
import static io.kinefold.ui.common.WholeRunChart.MACHINE;
import static io.kinefold.ui.common.WholeRunChart.MEMORY;
import static io.kinefold.ui.common.WholeRunChart.RIGHT;
import static io.kinefold.ui.common.WholeRunChart.WORKERS;
import static io.kinefold.ui.common.WholeRunChart.kindColour;
import static io.kinefold.ui.common.WholeRunChart.niceStep;
import static io.kinefold.ui.common.WholeRunChart.time;

import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** The plots: four panels of lines and the trial lanes, on the view's time axis. */
final class WholeRunPlot extends Pane {
    private static final double AXIS = 34;
    private static final double LANE = 14;

    private final WholeRunChart chart;
    private final Label readout;
    private final CheckBox coresBox;
    private final Canvas canvas = new Canvas();
    private double dragX = Double.NaN;

    WholeRunPlot(WholeRunChart chart, Label readout, CheckBox coresBox) {
        this.chart = chart;
        this.readout = readout;
        this.coresBox = coresBox;
        getChildren().add(canvas);
        canvas.setId("wholeRunCanvas");
        setMinSize(200, 160);
        setPrefSize(800, 420);
        canvas.setOnScroll(this::wheel);
        canvas.setOnMousePressed(e -> {
            dragX = e.getX();
            chart.requestFocus();
        });
        canvas.setOnMouseDragged(e -> {
            double dx = e.getX() - dragX;
            dragX = e.getX();
            chart.scroll(-dx / plotWidth() * (viewEnd() - viewStart()));
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

    private double viewStart() {
        return chart.viewStartProperty().get();
    }

    private double viewEnd() {
        return chart.viewEndProperty().get();
    }

    private double plotWidth() {
        return Math.max(1, getWidth() - LEFT - RIGHT);
    }

    private double timeAt(double x) {
        return viewStart() + (x - LEFT) / plotWidth() * (viewEnd() - viewStart());
    }

    private double xAt(double t) {
        return LEFT + (t - viewStart()) / (viewEnd() - viewStart()) * plotWidth();
    }

    private void wheel(ScrollEvent e) {
        if (e.getDeltaY() == 0) {
            return;
        }
        chart.zoom(Math.pow(1.25, -e.getDeltaY() / 40), timeAt(e.getX()));
        e.consume();
    }

    private void readout(double t) {
        WholeRunData d = chart.getData();
        if (t < viewStart() || t > viewEnd() || d.isEmpty()) {
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
        WholeRunData d = chart.getData();
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
            // A short panel labels its top only: the three labels would be written over each other.
            if (k == 2 || plotHeight > 24 && k == 1 || plotHeight > 14 && k == 0) {
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
        double start = viewStart();
        double end = viewEnd();
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
            if (end < viewStart() || t.start() > viewEnd()) {
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

    /**
     * The step between the time axis's labels over {@code seconds} in {@code width} pixels, one per
     * 90 pixels or so: whole seconds at least, for the labels are ({@link WholeRunChart#time}) and
     * a view zoomed in to a few seconds read "1 s, 1 s, 2 s, 2 s" with half-second steps.
     */
    static double axisStep(double seconds, double width) {
        return niceStep(Math.max(1, seconds / Math.max(1, width / 90)));
    }

    private void axis(GraphicsContext g, double y) {
        double start = viewStart();
        double end = viewEnd();
        g.setStroke(Color.web("#9ca3af"));
        g.strokeLine(LEFT, y, LEFT + plotWidth(), y);
        g.setFill(Color.web("#6b7280"));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        double step = axisStep(end - start, plotWidth());
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
