package io.kinefold.ui.run;

import io.kinefold.kind.KindSpec;
import io.kinefold.kind.Kinds;
import io.kinefold.ui.common.WholeRunChart;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.value.ObservableDoubleValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Which trial ran on which worker, when: one lane per worker, one bar per trial, coloured by
 * model kind, failed trials red, running ones open to the right. Redrawn when a bar changes, when
 * the clock advances and when resized; hovering a bar names its trial.
 */
public final class TimelineChart extends Region {
    static final Color FAILED = Color.web("#b91c1c");
    private static final double LANE_LABEL = 84;
    private static final double AXIS = 18;
    private static final double TOP = 20;
    private static final double LANE = 18;
    private static final double MIN_LANE = 12;

    private final Canvas canvas = new Canvas();
    private final ObservableList<TimelineBar> bars;
    private final ObservableDoubleValue now;
    private final Tooltip tooltip = new Tooltip();
    private int laneCount;

    public TimelineChart(ObservableList<TimelineBar> bars, ObservableDoubleValue now) {
        this.bars = bars;
        this.now = now;
        getChildren().add(canvas);
        getStyleClass().add("timeline-chart");
        bars.addListener((ListChangeListener<TimelineBar>) c -> {
            int lanes = lanes().size();
            if (lanes != laneCount) {
                laneCount = lanes;
                // Room for every lane: the parent lays out again with the new height.
                requestLayout();
            }
            draw();
        });
        now.addListener((obs, old, t) -> draw());
        widthProperty().addListener((obs, old, w) -> draw());
        heightProperty().addListener((obs, old, h) -> draw());
        canvas.setOnMouseMoved(e -> hover(e.getX(), e.getY(), e.getScreenX(), e.getScreenY()));
        canvas.setOnMouseExited(e -> tooltip.hide());
    }

    /**
     * Every lane and the time axis, the lanes squeezed to {@link #MIN_LANE}: where the pane below the
     * charts is short, a comparison's three lanes are drawn narrower rather than its axis cut off.
     */
    @Override
    protected double computeMinHeight(double width) {
        return TOP + AXIS + 8 + Math.max(2, laneCount) * MIN_LANE;
    }

    /** Every lane at full height, at least two lanes' worth. */
    @Override
    protected double computePrefHeight(double width) {
        return TOP + AXIS + 8 + Math.max(2, laneCount) * LANE;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    /** The lanes in the order their first trial started. */
    List<String> lanes() {
        List<String> lanes = new ArrayList<>();
        for (TimelineBar bar : bars) {
            if (!lanes.contains(bar.lane())) {
                lanes.add(bar.lane());
            }
        }
        return lanes;
    }

    private double span() {
        double end = Math.max(1, now.get());
        for (TimelineBar bar : bars) {
            end = Math.max(end, bar.running() ? bar.start() : bar.end());
        }
        return end;
    }

    private double laneHeight(int lanes) {
        return lanes == 0 ? 0 : Math.min(LANE + 4, (getHeight() - TOP - AXIS - 8) / lanes);
    }

    private void draw() {
        double w = getWidth();
        double h = getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        g.setFont(Font.font(11));
        g.setTextBaseline(VPos.CENTER);
        List<String> lanes = lanes();
        g.setFill(Color.web("#374151"));
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("Trials by worker", 0, TOP / 2);
        legend(g, w);
        g.setTextAlign(TextAlignment.LEFT);
        if (lanes.isEmpty()) {
            g.setFill(Color.web("#6b7280"));
            g.fillText("Each trial appears here on the worker that runs it", LANE_LABEL, TOP + 14);
            return;
        }
        double span = span();
        double plot = Math.max(1, w - LANE_LABEL - 8);
        double lane = laneHeight(lanes.size());
        for (int i = 0; i < lanes.size(); i++) {
            double y = TOP + i * lane;
            g.setFill(i % 2 == 0 ? Color.web("#f3f4f6") : Color.web("#fafafa"));
            g.fillRect(LANE_LABEL, y, plot, lane);
            g.setFill(Color.web("#374151"));
            g.fillText(lanes.get(i), 0, y + lane / 2);
        }
        for (TimelineBar bar : bars) {
            int i = lanes.indexOf(bar.lane());
            double x0 = LANE_LABEL + bar.start() / span * plot;
            double x1 = LANE_LABEL + (bar.running() ? Math.max(bar.start(), now.get()) : bar.end()) / span * plot;
            double y = TOP + i * lane + 2;
            Color c = bar.failed() ? FAILED : WholeRunChart.kindColour(bar.kind());
            g.setFill(bar.running() ? c.deriveColor(0, 0.6, 1.2, 0.6) : c);
            g.fillRect(x0, y, Math.max(1.5, x1 - x0 - 1), Math.max(2, lane - 4));
        }
        double axisY = TOP + lanes.size() * lane + 4;
        g.setFill(Color.web("#6b7280"));
        g.setTextBaseline(VPos.TOP);
        for (double t : ticks(span, plot)) {
            double x = LANE_LABEL + t / span * plot;
            g.setTextAlign(t == 0 ? TextAlignment.LEFT : TextAlignment.CENTER);
            g.fillText(tickLabel(t), x, axisY);
        }
    }

    /**
     * The seconds the time axis labels over {@code span} seconds in {@code plot} pixels, one label
     * per 80 pixels or so, in whole seconds: a run of a few seconds had half-second steps labelled
     * "0 s, 1 s, 1 s, 2 s, 2 s".
     */
    static List<Double> ticks(double span, double plot) {
        double step = WholeRunChart.niceStep(Math.max(1, span / Math.max(1, plot / 80)));
        List<Double> ticks = new ArrayList<>();
        for (int i = 0; i * step <= span + 1e-9; i++) {
            ticks.add(i * step);
        }
        return ticks;
    }

    static String tickLabel(double seconds) {
        return String.format(Locale.ROOT, "%.0f s", seconds);
    }

    private void legend(GraphicsContext g, double w) {
        List<KindSpec> kinds = Kinds.all();
        String[] names = new String[kinds.size() + 1];
        Color[] colors = new Color[kinds.size() + 1];
        for (int k = 0; k < kinds.size(); k++) {
            names[k] = kinds.get(k).kind().name();
            colors[k] = Color.web(kinds.get(k).colour());
        }
        names[kinds.size()] = "failed";
        colors[kinds.size()] = FAILED;
        double x = w - 4;
        g.setTextAlign(TextAlignment.RIGHT);
        for (int k = names.length - 1; k >= 0; k--) {
            g.setFill(Color.web("#374151"));
            g.fillText(names[k], x, TOP / 2);
            x -= names[k].length() * 6.5 + 4;
            g.setFill(colors[k]);
            g.fillRect(x - 10, TOP / 2 - 5, 10, 10);
            x -= 22;
        }
    }

    private void hover(double x, double y, double screenX, double screenY) {
        List<String> lanes = lanes();
        double lane = laneHeight(lanes.size());
        int i = lane <= 0 ? -1 : (int) Math.floor((y - TOP) / lane);
        if (i < 0 || i >= lanes.size() || x < LANE_LABEL) {
            tooltip.hide();
            return;
        }
        double t = (x - LANE_LABEL) / Math.max(1, getWidth() - LANE_LABEL - 8) * span();
        for (TimelineBar bar : bars) {
            double end = bar.running() ? now.get() : bar.end();
            if (bar.lane().equals(lanes.get(i)) && t >= bar.start() && t <= end) {
                tooltip.setText(String.format(Locale.ROOT, "%s on %s: %s", bar.trial(), bar.lane(),
                        bar.running() ? "running" : (bar.failed() ? "failed after " : "") + String.format(Locale.ROOT, "%.1f s", end - bar.start())));
                tooltip.show(canvas, screenX + 12, screenY + 12);
                return;
            }
        }
        tooltip.hide();
    }
}
