package org.threelists.ledger.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Statements sent to PostgreSQL in one round trip: pgjdbc sends a string of statements separated by semicolons
 * together and waits once, while the server runs them in order, each seeing what the ones before it wrote (the
 * transaction's). On a busy machine each round trip of a delivery's transaction waits for a core
 * (bench/README.md, "Ledger: the delivery's hop, pipelined"). Parameters are numbered across the statements in
 * their order; an {@code Object[]} is bound as a text array, an {@link #array} as an array of its type.
 */
public final class Pipeline {

    /** An array parameter of a given SQL element type. */
    public record Array(String type, Object[] values) {
    }

    /** Reads a statement's result set. */
    public interface Reader {
        void read(ResultSet rs) throws SQLException;
    }

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();
    /** Per statement, in order: what reads its result set (null: an update count, or rows nobody reads). */
    private final List<Reader> readers = new ArrayList<>();

    public static Array array(String type, Object[] values) {
        return new Array(type, values);
    }

    /** Adds a statement (without a trailing semicolon) and its parameters. */
    public Pipeline add(String statement, List<?> statementParams) {
        return add(statement, statementParams, null);
    }

    /** Adds a statement whose result set {@code reader} reads when the pipeline runs. */
    public Pipeline add(String statement, List<?> statementParams, Reader reader) {
        if (!sql.isEmpty()) {
            sql.append("; ");
        }
        sql.append(statement);
        params.addAll(statementParams);
        readers.add(reader);
        return this;
    }

    /** Runs the statements added, in one round trip; nothing when none was added. */
    public void execute(Connection c) throws SQLException {
        if (sql.isEmpty()) {
            return;
        }
        try (PreparedStatement q = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                if (params.get(i) instanceof Object[] texts) {
                    q.setArray(i + 1, c.createArrayOf("text", texts));
                } else if (params.get(i) instanceof Array array) {
                    q.setArray(i + 1, c.createArrayOf(array.type(), array.values()));
                } else {
                    q.setObject(i + 1, params.get(i));
                }
            }
            // one result per statement, in order: a result set or an update count
            boolean rows = q.execute();
            for (Reader reader : readers) {
                if (rows && reader != null) {
                    try (ResultSet rs = q.getResultSet()) {
                        reader.read(rs);
                    }
                }
                rows = q.getMoreResults();
            }
        }
    }

    /** The statements, for a failure's message. */
    @Override
    public String toString() {
        return sql.length() > 300 ? sql.substring(0, 300) + "…" : sql.toString();
    }
}
