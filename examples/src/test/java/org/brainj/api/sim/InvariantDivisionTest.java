package org.brainj.api.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.brainj.api.expr.ExpressionParser;
import org.junit.jupiter.api.Test;

/**
 * A group's step divides by a parameter the whole group shares as a multiplication by its
 * reciprocal, and by a per-neuron parameter as a division: one Euler step of dx/dt = -x / tau
 * against the same operations written out in plain Java.
 */
class InvariantDivisionTest {
    private static final double DT = 0.1;
    private static final double[] X0 = {-65, -30.39, -15.59, 0.7, 18.45, 40.65};
    private static final double TAU = 3;

    private static double[] oneStep(boolean perNeuronTau) {
        NeuronModel decay = NeuronModel.builder("Decay")
                .derivative("x", ExpressionParser.parse("-x / tau")).parameter("tau", TAU).build();
        NeuronGroup g = new NeuronGroup("g", X0.length, decay).init("x", Initializer.values(X0));
        if (perNeuronTau) {
            g.set("tau", Initializer.constant(TAU));
        }
        new Network(TestBackend.get()).dt(DT).add(g).run(DT);
        return g.variable("x").toDoubleArray();
    }

    @Test
    void sharedDivisorIsAReciprocalProductAndPerNeuronOneADivision() {
        double[] product = new double[X0.length];
        double[] quotient = new double[X0.length];
        boolean differ = false;
        for (int i = 0; i < X0.length; i++) {
            product[i] = X0[i] + DT * (-X0[i] * (1 / TAU)); // plain Java: forward Euler, reciprocal product
            quotient[i] = X0[i] + DT * (-X0[i] / TAU);
            differ |= product[i] != quotient[i];
        }
        assertTrue(differ, "the values tell the two forms apart in at least one last bit");
        assertArrayEquals(product, oneStep(false), 0, "shared tau");
        assertArrayEquals(quotient, oneStep(true), 0, "per-neuron tau");
    }
}
