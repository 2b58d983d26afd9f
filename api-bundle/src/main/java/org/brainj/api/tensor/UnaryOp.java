package org.brainj.api.tensor;

/**
 * Elementwise functions of one operand. Math functions need a float operand; {@link #NOT} a
 * bool one; {@link #NEG} and {@link #ABS} also accept int32.
 */
public enum UnaryOp {
    NEG, ABS, EXP, LOG, LOG10, SQRT, SIN, COS, TAN, TANH, SINH, COSH, SIGMOID, FLOOR, CEIL, NOT;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
