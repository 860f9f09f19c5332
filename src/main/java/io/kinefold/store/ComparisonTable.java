package io.kinefold.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code comparisons} table: the outcome of comparing a single-process run with a pool run,
 * stored as the JSON the comparer wrote. Apart because it refers to two runs at once and only
 * the compare commands and the results view use it. {@link Store} documents each operation.
 */
final class ComparisonTable {
    private final Database db;

    ComparisonTable(Database db) {
        this.db = db;
    }

    long recordComparison(long singleRun, long poolRun, String resultJson) {
        return db.transaction("record the comparison of runs " + singleRun + " and " + poolRun, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO comparisons (single_run, pool_run, created_at, result_json) VALUES (?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, singleRun);
                ps.setLong(2, poolRun);
                ps.setLong(3, System.currentTimeMillis());
                ps.setString(4, resultJson);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    Optional<String> comparisonOf(long runId) {
        return db.query("read the comparison of run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT result_json FROM comparisons WHERE single_run = ? OR pool_run = ? ORDER BY id DESC LIMIT 1")) {
                ps.setLong(1, runId);
                ps.setLong(2, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    Map<Long, Long> comparisonPartners() {
        return db.query("read the runs compared", c -> {
            try (Statement statement = c.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT single_run, pool_run FROM comparisons ORDER BY id")) {
                Map<Long, Long> partners = new HashMap<>();
                while (rs.next()) {
                    // In id order, so that a run compared twice keeps its newest partner, as comparisonOf does.
                    partners.put(rs.getLong(1), rs.getLong(2));
                    partners.put(rs.getLong(2), rs.getLong(1));
                }
                return partners;
            }
        });
    }
}
