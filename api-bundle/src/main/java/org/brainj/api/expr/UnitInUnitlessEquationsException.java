package org.brainj.api.expr;

/** A unit name such as {@code mV} in equations checked without units (BrainPy 1.x style). */
public class UnitInUnitlessEquationsException extends EquationException {
    private static final long serialVersionUID = 1L;
    private final String unit;

    public UnitInUnitlessEquationsException(int line, int column, String unit) {
        super(line, column, "'" + unit + "' is a unit, but these equations are unitless (BrainPy 1.x style, numbers in"
                + " the model's own units such as ms and mV); write the number alone (20, not 20*" + unit + "), check the"
                + " equations with units instead, or give '" + unit + "' as a parameter if it is one");
        this.unit = unit;
    }

    /** The unit name as written. */
    public String unit() {
        return unit;
    }
}
