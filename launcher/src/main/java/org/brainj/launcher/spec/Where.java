package org.brainj.launcher.spec;

/**
 * A place in a spec file: the file as the user named it, the line (from 1), the column (from 1;
 * 0 when only the line is known) and the key path ({@code populations.P.size}; empty for the
 * whole document).
 */
public record Where(String file, int line, int column, String key) {
    public Where(String file, int line, String key) {
        this(file, line, 0, key);
    }

    /** The place of a key below this one. */
    Where child(String name, int childLine) {
        return new Where(file, childLine, key.isEmpty() ? name : key + "." + name);
    }

    /** This key at another line and column, e.g. inside its text. */
    Where at(int atLine, int atColumn) {
        return new Where(file, atLine, atColumn, key);
    }

    @Override
    public String toString() {
        return file + ":" + line + (column > 0 ? ":" + column : "") + (key.isEmpty() ? "" : ": " + key);
    }
}
