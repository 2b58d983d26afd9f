package org.brainj.api.model;

import org.brainj.api.BrainJException;

/**
 * A fault in a model's text or its parameters, saying which part of the model it is in
 * ({@code equations}, {@code threshold}, {@code reset}, {@code refractory}, {@code parameters})
 * and, for text, the user's line and column, so that a spec file can point at its own key.
 */
public class ModelTextException extends BrainJException {
    private static final long serialVersionUID = 1L;
    private final String part;
    private final String key;
    private final int line;
    private final int column;
    private final String problem;

    /**
     * @param part    the part of the model at fault
     * @param key     the parameter or variable at fault within the part, or null
     * @param line    the line in the user's text, or 0 when the fault is not in text
     * @param column  the column there, or 0
     * @param problem what is wrong and how to fix it
     */
    public ModelTextException(String part, String key, int line, int column, String problem, Throwable cause) {
        super(part + (key == null ? "" : " " + key) + (line > 0 ? ", line " + line + ", column " + column : "") + ": "
                + problem, cause);
        this.part = part;
        this.key = key;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public String part() {
        return part;
    }

    /** The parameter or variable at fault, or null. */
    public String key() {
        return key;
    }

    /** The line in the user's text, or 0 when the fault is not in text. */
    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** What is wrong, without the place. */
    public String problem() {
        return problem;
    }

    /**
     * Runs {@code f}, a step of a model's compilation, turning a fault of the equations into one
     * of {@code part} at the user's line and column, and any other BrainJ fault into one of
     * {@code part} without a place.
     */
    static <T> T inPart(String part, java.util.function.Supplier<T> f) {
        try {
            return f.get();
        } catch (org.brainj.api.expr.EquationException e) {
            throw new ModelTextException(part, null, e.line(), e.column(), e.problem()
                    .replace("(threshold)", "the threshold").replace("(refractory)", "the refractory condition"), e);
        } catch (ModelTextException e) {
            throw e;
        } catch (org.brainj.api.BrainJException e) {
            throw new ModelTextException(part, null, 0, 0, e.getMessage(), e);
        }
    }
}
