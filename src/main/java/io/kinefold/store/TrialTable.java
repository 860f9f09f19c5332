package io.kinefold.store;

import static io.kinefold.store.Database.json;
import static io.kinefold.store.Database.read;
import static io.kinefold.store.Database.real;

import com.fasterxml.jackson.core.type.TypeReference;
import io.kinefold.data.ModelId;
import io.kinefold.model.LearningCurve;
import io.kinefold.model.Metrics;
import io.kinefold.experiment.Status;
import io.kinefold.experiment.Trial;
import io.kinefold.experiment.TrialResult;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code trials} table (one row per network trial of a run) and the {@code baseline_trials}
 * table (the same columns, one row per baseline trial), each row upserted every time a result of
 * it is recorded. The baselines are apart so that {@code trials} holds only networks trained, as
 * timings and outside readers take it. Apart from the run tables because it is the one written per trial, from the
 * executor's callback thread, and read back whole for results, resumes and exports; its row
 * mapping (metrics, confusion matrix, learning curve, NaN as NULL) concerns nothing else. {@link Store}
 * documents each operation.
 */
final class TrialTable {
    private static final TypeReference<LinkedHashMap<String, Double>> PARAMS = new TypeReference<>() {};

    private final Database db;

    /** Where a trial's row lives; reads go over both, networks first. */
    private static final List<String> TABLES = List.of("trials", "baseline_trials");

    TrialTable(Database db) {
        this.db = db;
    }

    private static String table(Trial trial) {
        return trial.baseline() == null ? TABLES.get(0) : TABLES.get(1);
    }

    void recordTrial(long runId, long sessionId, TrialResult result) {
        Trial trial = result.trial();
        Metrics m = result.metrics();
        String paramsJson = json(trial.params());
        String confusionJson = m == null || m.confusion() == null ? null : json(m.confusion());
        String curveJson = m == null || m.curve().epochs() == 0 ? null : json(m.curve());
        String table = table(trial);
        db.query("record trial " + trial.key() + " of run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO %s (run_id, trial_key, model, grid_point, fold, params_json, status,
                                        accuracy, macro_f1, confusion_json, train_seconds, epochs, train_samples,
                                        test_samples, error, worker, wall_seconds, session_id, completions, finished_at,
                                        curve_json)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
                    ON CONFLICT (run_id, trial_key) DO UPDATE SET
                        model = excluded.model, grid_point = excluded.grid_point, fold = excluded.fold,
                        params_json = excluded.params_json, status = excluded.status,
                        accuracy = excluded.accuracy, macro_f1 = excluded.macro_f1,
                        confusion_json = excluded.confusion_json, train_seconds = excluded.train_seconds,
                        epochs = excluded.epochs, train_samples = excluded.train_samples,
                        test_samples = excluded.test_samples, error = excluded.error, worker = excluded.worker,
                        wall_seconds = excluded.wall_seconds, session_id = excluded.session_id,
                        completions = %s.completions + 1, finished_at = excluded.finished_at,
                        curve_json = excluded.curve_json""".formatted(table, table))) {
                ps.setLong(1, runId);
                ps.setString(2, trial.key());
                ps.setString(3, trial.model().toString());
                ps.setInt(4, trial.gridPoint());
                ps.setInt(5, trial.fold());
                ps.setString(6, paramsJson);
                ps.setString(7, result.status().name());
                if (m == null) {
                    for (int metricColumn = 8; metricColumn <= 14; metricColumn++) {
                        ps.setNull(metricColumn, Types.NULL);
                    }
                } else {
                    ps.setDouble(8, m.accuracy());
                    ps.setDouble(9, m.macroF1());
                    ps.setString(10, confusionJson);
                    ps.setDouble(11, m.trainSeconds());
                    ps.setInt(12, m.epochs());
                    ps.setInt(13, m.trainSamples());
                    ps.setInt(14, m.testSamples());
                }
                ps.setString(15, result.error());
                ps.setString(16, result.worker());
                ps.setDouble(17, result.wallSeconds());
                ps.setLong(18, sessionId);
                ps.setLong(19, System.currentTimeMillis());
                ps.setString(20, curveJson);
                return ps.executeUpdate();
            }
        });
    }

    /** Per model, the best mean accuracy of its grid points, or of its baselines. */
    Map<ModelId, Double> bestMeanAccuracies(long runId, boolean baselines) {
        return db.query("read the best accuracies of run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT model, MAX(mean) FROM (
                        SELECT model, grid_point, AVG(accuracy) AS mean FROM %s
                        WHERE run_id = ? AND status = ? GROUP BY model, grid_point)
                    GROUP BY model ORDER BY model""".formatted(TABLES.get(baselines ? 1 : 0)))) {
                ps.setLong(1, runId);
                ps.setString(2, Status.SUCCEEDED.name());
                Map<ModelId, Double> best = new LinkedHashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        best.put(ModelId.parse(rs.getString(1)), rs.getDouble(2));
                    }
                }
                return best;
            }
        });
    }

    Set<String> succeededTrialKeys(long runId) {
        return db.query("read succeeded trials of run " + runId, c -> {
            Set<String> keys = new LinkedHashSet<>();
            for (String table : TABLES) {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT trial_key FROM " + table + " WHERE run_id = ? AND status = ? ORDER BY rowid")) {
                    ps.setLong(1, runId);
                    ps.setString(2, Status.SUCCEEDED.name());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            keys.add(rs.getString(1));
                        }
                    }
                }
            }
            return keys;
        });
    }

    List<TrialResult> trialResults(long runId) {
        return db.query("read trials of run " + runId, c -> {
            // rowid order is insertion order: an upsert updates the row in place, and rows of
            // a table without INTEGER PRIMARY KEY are renumbered only by VACUUM, which this
            // store never runs.
            List<TrialResult> results = new ArrayList<>();
            for (String table : TABLES) {
                try (PreparedStatement ps = c.prepareStatement("""
                        SELECT model, grid_point, fold, params_json, status, accuracy, macro_f1, confusion_json,
                               train_seconds, epochs, train_samples, test_samples, error, worker, wall_seconds, curve_json
                          FROM %s WHERE run_id = ? ORDER BY rowid""".formatted(table))) {
                    ps.setLong(1, runId);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            results.add(trialResult(rs));
                        }
                    }
                }
            }
            return results;
        });
    }

    private static TrialResult trialResult(ResultSet rs) throws SQLException {
        Trial trial = new Trial(ModelId.parse(rs.getString("model")), rs.getInt("grid_point"),
                read(rs.getString("params_json"), PARAMS), rs.getInt("fold"));
        Metrics metrics = null;
        rs.getInt("epochs");
        if (!rs.wasNull()) {
            String confusion = rs.getString("confusion_json");
            String curve = rs.getString("curve_json");
            metrics = new Metrics(real(rs, "accuracy"), real(rs, "macro_f1"),
                    confusion == null ? null : read(confusion, new TypeReference<int[][]>() {}),
                    real(rs, "train_seconds"), rs.getInt("epochs"), rs.getInt("train_samples"), rs.getInt("test_samples"),
                    curve == null ? LearningCurve.NONE : read(curve, new TypeReference<LearningCurve>() {}));
        }
        return new TrialResult(trial, Status.valueOf(rs.getString("status")), metrics, rs.getString("error"),
                rs.getString("worker"), real(rs, "wall_seconds"));
    }

    List<TrialTime> trialTimes(long runId) {
        return db.query("read trial times of run " + runId, c -> {
            List<TrialTime> times = new ArrayList<>();
            for (String table : TABLES) {
                try (PreparedStatement ps = c.prepareStatement("""
                        SELECT trial_key, model, worker, status, finished_at, wall_seconds FROM %s
                         WHERE run_id = ? AND finished_at IS NOT NULL ORDER BY finished_at, rowid""".formatted(table))) {
                    ps.setLong(1, runId);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            times.add(new TrialTime(rs.getString(1), ModelId.parse(rs.getString(2)), rs.getString(3),
                                    Status.valueOf(rs.getString(4)), rs.getLong(5), real(rs, "wall_seconds")));
                        }
                    }
                }
            }
            times.sort(java.util.Comparator.comparingLong(TrialTime::startedAtMillis));
            return times;
        });
    }

    Map<String, Integer> completions(long runId) {
        return db.query("read completions of run " + runId, c -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (String table : TABLES) {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT trial_key, completions FROM " + table + " WHERE run_id = ? ORDER BY rowid")) {
                    ps.setLong(1, runId);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            counts.put(rs.getString(1), rs.getInt(2));
                        }
                    }
                }
            }
            return counts;
        });
    }
}
