package org.brainj.api.tensor;

/**
 * Elementwise functions of two broadcast operands of one dtype. Arithmetic keeps the dtype
 * (int32 division truncates toward zero, as Java does); comparisons give bool; logical ops take
 * and give bool.
 */
public enum BinaryOp {
    ADD(Kind.ARITHMETIC), SUB(Kind.ARITHMETIC), MUL(Kind.ARITHMETIC), DIV(Kind.ARITHMETIC),
    POW(Kind.ARITHMETIC), MINIMUM(Kind.ARITHMETIC), MAXIMUM(Kind.ARITHMETIC),
    LT(Kind.COMPARISON), LE(Kind.COMPARISON), GT(Kind.COMPARISON), GE(Kind.COMPARISON),
    EQ(Kind.COMPARISON), NE(Kind.COMPARISON),
    AND(Kind.LOGICAL), OR(Kind.LOGICAL), XOR(Kind.LOGICAL);

    /** What an operation takes and gives. */
    public enum Kind { ARITHMETIC, COMPARISON, LOGICAL }

    private final Kind kind;

    BinaryOp(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The dtype of the result for operands of {@code operand}. */
    public DType resultType(DType operand) {
        return kind == Kind.ARITHMETIC ? operand : DType.BOOL;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
