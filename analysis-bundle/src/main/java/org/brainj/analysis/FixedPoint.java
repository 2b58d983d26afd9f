package org.brainj.analysis;

import java.util.List;

/**
 * An equilibrium of the target variables: {@code values[i]} of {@code variables.get(i)}, its
 * stability type and the eigenvalues of the Jacobian there.
 */
public record FixedPoint(List<String> variables, double[] values, StabilityType type, double[] eigenReal,
                         double[] eigenImaginary) {
    public FixedPoint {
        variables = List.copyOf(variables);
    }

    static FixedPoint at(Subsystem system, double[] x) {
        Stability.Result s = Stability.classify(system.jacobian(x));
        return new FixedPoint(system.targets(), x.clone(), s.type(), s.eigenReal(), s.eigenImaginary());
    }

    public double value(String variable) {
        int i = variables.indexOf(variable);
        if (i < 0) {
            throw new AnalysisException("'" + variable + "' is not a variable of this fixed point; variables: " + variables);
        }
        return values[i];
    }

    /** The determinant of the Jacobian, the product of its eigenvalues (real: complex ones come in pairs). */
    public double determinant() {
        double re = 1;
        double im = 0;
        for (int i = 0; i < eigenReal.length; i++) {
            double r = re * eigenReal[i] - im * eigenImaginary[i];
            im = re * eigenImaginary[i] + im * eigenReal[i];
            re = r;
        }
        return re;
    }

    /** The largest real part among the complex eigenvalues, NaN when all are real: its zero is a Hopf point. */
    public double oscillatoryGrowth() {
        double m = Double.NaN;
        for (int i = 0; i < eigenReal.length; i++) {
            if (eigenImaginary[i] != 0) {
                m = Double.isNaN(m) ? eigenReal[i] : Math.max(m, eigenReal[i]);
            }
        }
        return m;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("fixed point at ");
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ", ").append(variables.get(i)).append('=').append(values[i]);
        }
        return s.append(" is a ").append(type.label()).toString();
    }
}
