package org.brainj.api.expr;

/** Two sides of an equation or operation whose physical dimensions disagree. */
public class UnitMismatchException extends EquationException {
    private static final long serialVersionUID = 1L;
    private final String leftUnit;
    private final String rightUnit;

    /**
     * @param what      what disagrees, e.g. "the two sides of dV/dt" or "the operands of +"
     * @param leftUnit  the unit of the first side, as text
     * @param rightUnit the unit of the second side, as text
     */
    public UnitMismatchException(int line, int column, String what, String leftUnit, String rightUnit) {
        super(line, column, "unit mismatch in " + what + ": " + leftUnit + " vs " + rightUnit
                + "; both must have the same dimension, check the units declared for the names involved");
        this.leftUnit = leftUnit;
        this.rightUnit = rightUnit;
    }

    public String leftUnit() {
        return leftUnit;
    }

    public String rightUnit() {
        return rightUnit;
    }
}
