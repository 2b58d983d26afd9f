package org.brainj.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.brainj.api.expr.FreeVars;
import org.brainj.api.expr.Interpreter;
import org.brainj.api.expr.Source;
import org.brainj.api.integrate.Odeint;
import org.brainj.api.integrate.Trajectory;
import org.brainj.api.program.Assign;
import org.brainj.api.sim.NeuronModel;
import org.brainj.api.units.PhysicalUnits;
import org.junit.jupiter.api.Test;

class NeuronTextTest {
    @Test
    void unitConstantsInTheTextAreComputedInTheSameSystemAsTheParameters() {
        CompiledNeuron m = NeuronText.of("dV/dt = (10*mV - V)/tau : volt").parameter("tau", "10 ms").compile("relax");
        assertEquals(Map.of("tau", 10.0), m.parameters());
        assertEquals(Map.of("V", 0.0), Map.of("V", 0.0)); // start from rest
        Trajectory tr = Odeint.of(m.equations(), m.parameters()).method("rk4").integrate(new double[] {0}, 0, 30, 0.01);
        // closed form: V(t) = 10 mV (1 - exp(-t / 10 ms)), in mV at t in ms
        for (int k = 0; k < tr.size(); k += 500) {
            double t = tr.times()[k];
            assertEquals(10 * (1 - Math.exp(-t / 10)), tr.states()[k][0], 1e-9, "t = " + t);
        }
    }

    @Test
    void conductancesCapacitancesAndRatesInTextAgreeWithParametersGivenInOtherUnits() {
        CompiledNeuron m = NeuronText.of("""
                dv/dt = (1*nS*(E - v) + I) / C : volt
                da/dt = -a * 0.5/ms : 1
                """).parameter("E", "0.02 V").parameter("I", "5 pA").parameter("C", "0.2 nF").compile("m");
        Map<String, Double> env = new HashMap<>(m.parameters());
        env.put("v", -60.0);
        env.put("a", 2.0);
        // by hand in SI: (1e-9 S * 0.08 V + 5e-12 A) / 2e-10 F = 0.425 V/s = 0.425 mV/ms
        assertEquals(0.425, Interpreter.eval(m.model().derivatives().get("v"), env), 1e-12);
        assertEquals(-1.0, Interpreter.eval(m.model().derivatives().get("a"), env), 1e-12);
    }

    @Test
    void thresholdResetAndRefractoryAreStatementsOfTheSameGrammar() {
        CompiledNeuron m = NeuronText.of("""
                dv/dt = (El - v + R*I) / tau : volt (unless refractory)  # membrane
                dw/dt = -w / tau_w : amp
                I : amp
                """).threshold("v > -50*mV").reset("v = El; w += 10*pA").refractory("2*ms")
                .parameter("El", "-65 mV").parameter("R", "100 Mohm").parameter("tau", "20 ms")
                .parameter("tau_w", "100 ms").parameter("I", "0.1 nA").compile("adaptive");
        NeuronModel model = m.model();
        assertEquals(2.0, model.parameters().get(NeuronText.REFRACTORY), 1e-12);
        assertEquals(NeuronText.REFRACTORY, model.refractory());
        assertEquals(java.util.Set.of("v"), model.unlessRefractory());
        assertEquals(1.0, Interpreter.eval(model.threshold(), Map.of("v", -49.0)));
        assertEquals(0.0, Interpreter.eval(model.threshold(), Map.of("v", -51.0)));
        List<Assign> reset = model.reset();
        assertEquals(List.of("v", "w"), reset.stream().map(Assign::target).toList());
        assertEquals(-65.0, Interpreter.eval(reset.get(0).value(), m.parameters()), 1e-12);
        // w += 10 pA: 0.01 nA more
        assertEquals(0.51, Interpreter.eval(reset.get(1).value(), Map.of("w", 0.5)), 1e-12);
        assertEquals("v", model.membrane());
    }

    @Test
    void refractoryIsATimeAParameterOrACondition() {
        String eqs = "dv/dt = -v/tau : volt";
        NeuronModel byName = NeuronText.of(eqs).threshold("v > 1*mV").refractory("t_ref").parameter("tau", "10 ms")
                .parameter("t_ref", "0.004 s").compile("m").model();
        assertEquals("t_ref", byName.refractory());
        assertEquals(4.0, byName.parameters().get("t_ref"), 1e-12);
        NeuronModel byTime = NeuronText.of(eqs).threshold("v > 1*mV").refractory("3 ms").parameter("tau", "10 ms")
                .compile("m").model();
        assertEquals(3.0, byTime.parameters().get(NeuronText.REFRACTORY), 1e-12);
        NeuronModel byCondition = NeuronText.of(eqs).threshold("v > 1*mV").reset("v = 5*mV").refractory("v > 2*mV")
                .parameter("tau", "10 ms").compile("m").model();
        assertNull(byCondition.refractory());
        assertTrue(byCondition.stateVariables().contains(NeuronText.NOT_REFRACTORY));
        // Brian2's rule, before the update: not_refractory = not_refractory or not (v > 2 mV); a spike needs it
        assertEquals(0.0, Interpreter.eval(byCondition.threshold(), Map.of("v", 3.0, NeuronText.NOT_REFRACTORY, 0.0)));
        assertEquals(1.0, Interpreter.eval(byCondition.threshold(), Map.of("v", 3.0, NeuronText.NOT_REFRACTORY, 1.0)));
        org.brainj.api.expr.Expr jump = byCondition.jumps().get(NeuronText.NOT_REFRACTORY);
        assertEquals(0.0, Interpreter.eval(jump, Map.of("v", 3.0, NeuronText.NOT_REFRACTORY, 0.0)), 0); // still refractory
        assertEquals(1.0, Interpreter.eval(jump, Map.of("v", 1.5, NeuronText.NOT_REFRACTORY, 0.0)), 0); // released
        assertEquals(0.0, Interpreter.eval(jump, Map.of("v", 1.5, NeuronText.NOT_REFRACTORY, 1.0)), 0); // stays free
    }

    @Test
    void brainPyTextWithoutUnitsIsUnitlessWithTimeInMs() {
        CompiledNeuron m = NeuronText.of("""
                # BrainPy's LIF
                dV/dt = (-V + V_rest + R * I) / tau
                """).threshold("V > V_th").reset("V = V_reset").refractory("5")
                .parameter("V_rest", 0).parameter("R", 1).parameter("I", 12).parameter("tau", 10)
                .parameter("V_th", 10).parameter("V_reset", 0).compile("LIF");
        assertTrue(m.unitless());
        assertEquals(5.0, m.parameters().get(NeuronText.REFRACTORY), 0);
        Trajectory tr = Odeint.of(m.equations(), m.parameters()).method("rk4").integrate(new double[] {0}, 0, 5, 0.01);
        assertEquals(12 * (1 - Math.exp(-0.5)), tr.last()[0], 1e-9);
        // a unit name makes the text one with units, so the unitless V cannot take 10 mV: refused at the '+'
        ModelTextException e = assertThrows(ModelTextException.class, () -> NeuronText.of("dV/dt = (-V + 10*mV)/tau")
                .parameter("tau", 10).compile("m"));
        assertEquals("equations", e.part());
        assertEquals(1, e.line());
        assertEquals(13, e.column());
        assertTrue(e.problem().startsWith("unit mismatch"), e.problem());
    }

    @Test
    void unitErrorsPointAtTheUsersLineAndColumn() {
        // equations written in a file from line 7, indented by 4: each line's text starts at column 5
        Source eqs = new Source("dv/dt = -v/tau : volt\ndw/dt = (v - w*ms)/tau : volt\n", 7, 5);
        ModelTextException e = assertThrows(ModelTextException.class,
                () -> NeuronText.of(eqs).parameter("tau", "10 ms").compile("m"));
        assertEquals("equations", e.part());
        assertEquals(8, e.line());
        assertEquals(5 + "dw/dt = (v ".length(), e.column()); // the '-'
        assertTrue(e.getMessage().startsWith("equations, line 8, column 16: unit mismatch"), e.getMessage());

        Source threshold = new Source("v > 10*ms", 12, 16);
        e = assertThrows(ModelTextException.class, () -> NeuronText.of(Source.of("dv/dt = -v/tau : volt"))
                .threshold(threshold).parameter("tau", "10 ms").compile("m"));
        assertEquals("threshold", e.part());
        assertEquals(12, e.line());
        assertEquals(18, e.column()); // the '>'

        Source reset = new Source("v = -60*mV\nw = 3*nA", 20, 7);
        e = assertThrows(ModelTextException.class, () -> NeuronText.of("dv/dt = -v/tau : volt\ndw/dt = -w/tau : volt")
                .threshold("v > 0*mV").reset(reset).parameter("tau", "10 ms").compile("m"));
        assertEquals("reset", e.part());
        assertEquals(21, e.line());
        assertTrue(e.problem().contains("reset of w"), e.problem());

        e = assertThrows(ModelTextException.class, () -> NeuronText.of("dv/dt = -v/tau : volt").parameter("tau", "10 mV")
                .compile("m"));
        assertEquals("equations", e.part());
        e = assertThrows(ModelTextException.class, () -> NeuronText.of("dv/dt = -v/tau : volt").compile("m"));
        assertEquals("parameters", e.part());
        assertTrue(e.problem().contains("[tau]"), e.problem());
        e = assertThrows(ModelTextException.class, () -> NeuronText.of("dv/dt = -v/tau : volt").parameter("tau", "1 ms")
                .parameter("tua", "2 ms").compile("m"));
        assertEquals("tua", e.key());
        e = assertThrows(ModelTextException.class, () -> NeuronText.of("dv/dt = -v/tau : volt").parameter("tau", "1 ms")
                .threshold("v > 0*mV").refractory("5").compile("m"));
        assertEquals("refractory", e.part());
        e = assertThrows(ModelTextException.class, () -> NeuronText.of("dv/dt = -v/tau : volt").parameter("tau", "1 ms")
                .threshold("v > 0*mV").reset("u = 0*mV").compile("m"));
        assertEquals("reset", e.part());
        assertTrue(e.problem().contains("not a state variable; assign one of v"), e.problem());
    }

    @Test
    void aConstantPartThatIsInfiniteOrNotANumberIsRefusedAtItsLine() {
        // IEEE 754: 1/0 is +Inf and log(0) is -Inf; either would put Inf into every neuron on the first step
        ModelTextException e = assertThrows(ModelTextException.class, () -> NeuronText.of(
                "dv/dt = -v/tau : volt\ndw/dt = (v - w) / tau * (1/0) : volt").parameter("tau", "1 ms").compile("m"));
        assertEquals("equations", e.part());
        assertEquals(2, e.line());
        assertTrue(e.problem().contains("is Infinity"), e.problem());
        e = assertThrows(ModelTextException.class, () -> NeuronText.of("dv/dt = -v/tau + log(0) : 1")
                .parameter("tau", 1.0).compile("m"));
        assertTrue(e.problem().contains("-Infinity"), e.problem());
        // a constant that is finite, and a division by a parameter that may be 0 only at run time, are fine
        NeuronText.of("dv/dt = -v/tau + 1/2 : 1").parameter("tau", 1.0).compile("m");
    }

    @Test
    void valuesGivenWithUnitsBecomeNumbersOfTheModel() {
        CompiledNeuron m = NeuronText.of("dv/dt = -v/tau : volt").parameter("tau", "10 ms").compile("m");
        assertEquals(-65.0, m.value("v", PhysicalUnits.quantity("-0.065 V")), 1e-12);
        assertThrows(ModelTextException.class, () -> m.value("v", PhysicalUnits.quantity("3 ms")));
        assertThrows(ModelTextException.class, () -> m.value("x", PhysicalUnits.quantity("3 ms")));
        assertTrue(FreeVars.of(m.model().derivatives().get("v")).contains("tau"));
    }

    @Test
    void assignmentsTakeAugmentedOperatorsAndSeparators() {
        List<org.brainj.api.expr.Assignment> a = org.brainj.api.expr.Equations.parseAssignments(
                new Source("x *= 2; y /= 4  # halve\nz -= 1", 3, 9));
        assertEquals(List.of("x", "y", "z"), a.stream().map(org.brainj.api.expr.Assignment::target).toList());
        assertEquals(6.0, Interpreter.eval(a.get(0).value(), Map.of("x", 3.0)), 0);
        assertEquals(0.5, Interpreter.eval(a.get(1).value(), Map.of("y", 2.0)), 0);
        assertEquals(4, a.get(2).line());
        assertEquals(9, a.get(2).column());
        org.brainj.api.expr.EquationException e = assertThrows(org.brainj.api.expr.EquationException.class,
                () -> org.brainj.api.expr.Equations.parseAssignments(new Source("x == 2", 5, 3)));
        assertEquals(5, e.line());
        assertEquals(5, e.column()); // the '=='
        ModelTextException m = assertThrows(ModelTextException.class, () -> NeuronText.of("dv/dt = -v/tau : 1 (unless refractory)")
                .threshold("v > 1").refractory("v > 0.5").parameter("tau", 10).compile("m"));
        assertEquals("refractory", m.part());
    }
}
