package org.brainj.api.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.brainj.api.expr.Exprs;
import org.brainj.api.expr.Interpreter;
import org.junit.jupiter.api.Test;

/** The outputs' currents against their formulas, written out here. */
class SynapticOutputTest {

    static double current(SynapticOutput out, double g, double v) {
        return Interpreter.eval(out.current(Exprs.var("g"), Exprs.var("V")), Map.of("g", g, "V", v));
    }

    @Test
    void cubaAndCoba() {
        assertEquals(0.7, current(SynapticOutput.cuba(), 0.7, -60), 0);
        assertEquals(0.5 * (-80 - -60), current(SynapticOutput.coba(-80), 0.5, -60), 1e-12);
    }

    /**
     * Jahr and Stevens (1990) as the reference writes it: I = g (E - V) / (1 + cc_Mg / beta
     * exp(-alpha V)) with E = 0, cc_Mg = 1.2, alpha = 0.062, beta = 3.57.
     */
    @Test
    void mgBlock() {
        for (double v : new double[] {-80, -60, -20, 0, 20}) {
            double expected = 2.0 * (0 - v) / (1 + 1.2 / 3.57 * Math.exp(-0.062 * v));
            assertEquals(expected, current(SynapticOutput.mgBlock(), 2.0, v), 1e-12, "V = " + v);
        }
    }

    /** Spec files name synapses and outputs as the reference does; unknown names list the known ones. */
    @Test
    void byName() {
        assertEquals(new Synapse.Exponential(5), Synapse.of("Exponential", Map.of("tau", 5.0)));
        assertEquals(new Synapse.DualExponential(8, 2), Synapse.of("DualExponential", Map.of("tau_decay", 8.0, "tau_rise", 2.0)));
        assertEquals(new SynapticOutput.COBA(-80), SynapticOutput.of("COBA", Map.of("E", -80.0)));
        assertEquals(SynapticOutput.mgBlock(), SynapticOutput.of("MgBlock", Map.of()));
        org.brainj.api.UnknownNameException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.brainj.api.UnknownNameException.class, () -> Synapse.of("Expon", Map.of()));
        assertEquals(java.util.List.of("Alpha", "Delta", "DualExponential", "Exponential"), e.known());
        SimulationException missing = org.junit.jupiter.api.Assertions.assertThrows(SimulationException.class,
                () -> Synapse.of("Alpha", Map.of("tau_decay", 1.0)));
        assertEquals("synapse Alpha needs parameter 'tau'; given [tau_decay]", missing.getMessage());
    }
}
