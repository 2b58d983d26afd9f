package org.brainj.api.expr;

/**
 * Model text with the place it was written, so that errors point at the user's own line and
 * column: a spec file's block of equations starts on the line after its key and is indented, a
 * threshold given inline starts after {@code threshold: }.
 *
 * @param text   the text
 * @param line   the line (from 1) of the text's first line where the user wrote it
 * @param column the column (from 1) where each of its lines starts there: the indentation of a
 *               block, or the column of an inline value
 */
public record Source(String text, int line, int column) {
    public Source {
        if (text == null) {
            throw new IllegalArgumentException("no text");
        }
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column count from 1, got " + line + ", " + column);
        }
    }

    /** Text that stands alone: its first character is line 1, column 1. */
    public static Source of(String text) {
        return new Source(text, 1, 1);
    }
}
