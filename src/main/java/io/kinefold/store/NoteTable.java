package io.kinefold.store;

import static io.kinefold.store.Database.json;
import static io.kinefold.store.Database.read;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code run_notes} table: a run's display name, tags and note. Apart from {@link RunTables}
 * because the user edits it at any time, while a run's own rows change only as it runs.
 * {@link Store} documents each operation.
 */
final class NoteTable {
    private final Database db;

    NoteTable(Database db) {
        this.db = db;
    }

    RunNote saveNote(RunNote note) {
        long now = System.currentTimeMillis();
        int saved = db.transaction("save the note of run " + note.runId(), c -> {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM runs WHERE id = ?")) {
                exists.setLong(1, note.runId());
                try (ResultSet rs = exists.executeQuery()) {
                    if (!rs.next()) {
                        return 0;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO run_notes (run_id, name, tags_json, note, updated_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (run_id) DO UPDATE SET name = excluded.name, tags_json = excluded.tags_json,
                        note = excluded.note, updated_at = excluded.updated_at""")) {
                ps.setLong(1, note.runId());
                ps.setString(2, note.name());
                ps.setString(3, json(note.tags()));
                ps.setString(4, note.note());
                ps.setLong(5, now);
                return ps.executeUpdate();
            }
        });
        if (saved == 0) {
            throw new IllegalArgumentException(db.file() + ": no run " + note.runId());
        }
        return new RunNote(note.runId(), note.name(), note.tags(), note.note(), Instant.ofEpochMilli(now));
    }

    RunNote note(long runId) {
        return db.query("read the note of run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT run_id, name, tags_json, note, updated_at FROM run_notes WHERE run_id = ?")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? note(rs) : RunNote.none(runId);
                }
            }
        });
    }

    Map<Long, RunNote> notes() {
        return db.query("read the notes of every run", c -> {
            try (Statement statement = c.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT run_id, name, tags_json, note, updated_at FROM run_notes")) {
                Map<Long, RunNote> notes = new HashMap<>();
                while (rs.next()) {
                    RunNote note = note(rs);
                    notes.put(note.runId(), note);
                }
                return notes;
            }
        });
    }

    private static RunNote note(ResultSet rs) throws SQLException {
        return new RunNote(rs.getLong("run_id"), rs.getString("name"),
                read(rs.getString("tags_json"), new TypeReference<List<String>>() {}), rs.getString("note"),
                Instant.ofEpochMilli(rs.getLong("updated_at")));
    }
}
