package org.brainj.api.expr;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Where each node of a parsed tree came from in the equation text, so a fault found later (an
 * undefined symbol, a unit mismatch) can name its line and column. Nodes are keyed by identity:
 * two equal subtrees at different places keep their own positions. A constant that stands for a
 * name written in the text ({@code mV}, {@code pi}) also keeps that name, so its unit is known
 * when the equations are checked again. Positions are where, not what, so they take no part in
 * equality.
 */
public final class Positions {
    private final Map<Expr, Integer> columns;
    private final Map<Expr, String> written;
    private final int line;
    private final int fallbackColumn;

    Positions(int line, int fallbackColumn, Map<Expr, Integer> columns) {
        this(line, fallbackColumn, columns, Map.of());
    }

    private Positions(int line, int fallbackColumn, Map<Expr, Integer> columns, Map<Expr, String> written) {
        this.line = line;
        this.fallbackColumn = fallbackColumn;
        this.columns = new IdentityHashMap<>(columns);
        this.written = new IdentityHashMap<>(written);
    }

    /** No positions: every node is reported at line {@code line}, column {@code column}. */
    public static Positions none(int line, int column) {
        return new Positions(line, column, Map.of());
    }

    public int line() {
        return line;
    }

    /** The column where the statement's right-hand side starts. */
    public int start() {
        return fallbackColumn;
    }

    /** The column where {@code node} starts, or the statement's column for a node not parsed from text. */
    public int column(Expr node) {
        return columns.getOrDefault(node, fallbackColumn);
    }

    /** The name written in the text for a constant that replaced it, or null for any other node. */
    String writtenAs(Expr node) {
        return written.get(node);
    }

    /**
     * The positions of a tree rebuilt from this one's: {@code origin} maps each new node to the
     * node it was made from, {@code names} each new constant to the name it replaced.
     */
    Positions rebuilt(Map<Expr, Expr> origin, Map<Expr, String> names) {
        Map<Expr, Integer> newColumns = new IdentityHashMap<>();
        Map<Expr, String> newWritten = new IdentityHashMap<>(names);
        origin.forEach((made, from) -> {
            Integer column = columns.get(from);
            if (column != null) {
                newColumns.put(made, column);
            }
            String name = written.get(from);
            if (name != null) {
                newWritten.put(made, name);
            }
        });
        return new Positions(line, fallbackColumn, newColumns, newWritten);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Positions;
    }

    @Override
    public int hashCode() {
        return 0;
    }

    @Override
    public String toString() {
        return "line " + line + ", from column " + fallbackColumn;
    }
}
