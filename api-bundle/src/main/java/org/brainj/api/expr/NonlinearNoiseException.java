package org.brainj.api.expr;

/**
 * A noise term {@code xi} that enters a differential equation nonlinearly; SDE methods need
 * {@code dX/dt = f + g * xi}, so each {@code xi} may only be added, or multiplied and divided by
 * expressions free of noise.
 */
public class NonlinearNoiseException extends EquationException {
    private static final long serialVersionUID = 1L;

    public NonlinearNoiseException(int line, int column, String variable, String term) {
        super(line, column, "the noise in d" + variable + "/dt must be linear in each xi (f + g*xi), but it enters "
                + "nonlinearly in '" + term + "'; move the noise out of functions, powers, divisors and conditions");
    }
}
