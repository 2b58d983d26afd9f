package org.brainj.api.expr;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Where each node of a parsed tree came from in the equation text, so a fault found later (an
 * undefined symbol, a unit mismatch) can name its line and column. Nodes are keyed by identity:
 * two equal subtrees at different places keep their own positions. Positions are where, not
 * what, so they take no part in equality.
 */
public final class Positions {
    private final Map<Expr, Integer> columns;
    private final int line;
    private final int fallbackColumn;

    Positions(int line, int fallbackColumn, Map<Expr, Integer> columns) {
        this.line = line;
        this.fallbackColumn = fallbackColumn;
        this.columns = new IdentityHashMap<>(columns);
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
