package io.kinefold.ui.dataset;

import io.kinefold.data.FrameRange;
import io.kinefold.data.PoseTrack;
import io.kinefold.data.Rep;
import io.kinefold.data.Skeleton;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;

/** Draws a frame of a pose track as a stick figure, and the labels of a recording as a strip. */
final class SkeletonPainter {
    static final Color BACKGROUND = Color.web("#f8fafc");
    private static final Color BONE = Color.web("#1f2937");
    private static final Color RIGHT = Color.web("#2563eb");
    private static final Color LEFT = Color.web("#ea580c");
    private static final Color START = Color.web("#93c5fd");
    private static final Color CORRECT = Color.web("#16a34a");
    private static final Color INCORRECT = Color.web("#dc2626");
    private static final double MARGIN = 16;

    private SkeletonPainter() {}

    /** The box around every detected keypoint of every frame, so the figure does not jump. */
    static Rectangle2D bounds(PoseTrack track) {
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (int f = 0; f < track.frameCount(); f++) {
            float[] p = track.points()[f];
            for (int k = 0; k < Skeleton.KEYPOINT_COUNT; k++) {
                if (track.present(f, k)) {
                    minX = Math.min(minX, p[k * PoseTrack.STRIDE]);
                    maxX = Math.max(maxX, p[k * PoseTrack.STRIDE]);
                    minY = Math.min(minY, p[k * PoseTrack.STRIDE + 1]);
                    maxY = Math.max(maxY, p[k * PoseTrack.STRIDE + 1]);
                }
            }
        }
        if (minX > maxX) {
            return new Rectangle2D(0, 0, 1, 1);
        }
        return new Rectangle2D(minX, minY, Math.max(maxX - minX, 1e-6), Math.max(maxY - minY, 1e-6));
    }

    static void clear(Canvas canvas) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
    }

    /** Draws frame {@code index} scaled uniformly into the canvas; y grows downwards as in images. */
    static void drawFrame(Canvas canvas, PoseTrack track, Rectangle2D box, int index) {
        clear(canvas);
        if (index < 0 || index >= track.frameCount()) {
            return;
        }
        double w = canvas.getWidth() - 2 * MARGIN, h = canvas.getHeight() - 2 * MARGIN;
        if (w <= 0 || h <= 0) {
            return;
        }
        double scale = Math.min(w / box.getWidth(), h / box.getHeight());
        double offX = MARGIN + (w - box.getWidth() * scale) / 2 - box.getMinX() * scale;
        double offY = MARGIN + (h - box.getHeight() * scale) / 2 - box.getMinY() * scale;
        float[] p = track.points()[index];
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineWidth(Math.max(2, Math.min(w, h) / 90));
        for (int[] bone : Skeleton.BONES) {
            if (track.present(index, bone[0]) && track.present(index, bone[1])) {
                g.setStroke(side(bone[1]));
                g.strokeLine(offX + p[bone[0] * 3] * scale, offY + p[bone[0] * 3 + 1] * scale,
                        offX + p[bone[1] * 3] * scale, offY + p[bone[1] * 3 + 1] * scale);
            }
        }
        double r = Math.max(3, Math.min(w, h) / 70);
        for (int k = 0; k < Skeleton.KEYPOINT_COUNT; k++) {
            if (track.present(index, k)) {
                g.setFill(k == Skeleton.HEAD ? BONE : side(k));
                double x = offX + p[k * 3] * scale, y = offY + p[k * 3 + 1] * scale;
                double rr = k == Skeleton.HEAD ? r * 1.8 : r;
                g.fillOval(x - rr, y - rr, 2 * rr, 2 * rr);
            }
        }
    }

    private static Color side(int keypoint) {
        if (keypoint >= 2 && keypoint <= 4 || keypoint >= 8 && keypoint <= 10) {
            return RIGHT;
        }
        if (keypoint >= 5 && keypoint <= 7 || keypoint >= 11 && keypoint <= 13) {
            return LEFT;
        }
        return BONE;
    }

    /** Start-position ranges on the top half, reps on the bottom half, current frame as a line. */
    static void drawStrip(Canvas canvas, int firstFrame, int lastFrame, List<FrameRange> starts, List<Rep> reps, int current) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth(), h = canvas.getHeight();
        g.setFill(Color.web("#e5e7eb"));
        g.fillRect(0, 0, w, h);
        if (lastFrame < firstFrame || firstFrame < 0) {
            return;
        }
        double span = Math.max(1, lastFrame - firstFrame + 1);
        g.setFill(START);
        for (FrameRange range : starts) {
            g.fillRect(x(range.start(), firstFrame, span, w), 0, width(range, span, w), h / 2);
        }
        for (Rep rep : reps) {
            g.setFill(rep.correct() ? CORRECT : INCORRECT);
            g.fillRect(x(rep.frames().start(), firstFrame, span, w) + 0.5, h / 2 + 1, Math.max(1, width(rep.frames(), span, w) - 1), h / 2 - 1);
        }
        if (current >= 0) {
            double cx = x(current, firstFrame, span, w) + w / span / 2;
            g.setStroke(Color.BLACK);
            g.setLineWidth(2);
            g.strokeLine(cx, 0, cx, h);
        }
    }

    private static double x(int frame, int first, double span, double w) {
        return (frame - first) / span * w;
    }

    private static double width(FrameRange range, double span, double w) {
        return Math.max(1, range.length() / span * w);
    }
}
