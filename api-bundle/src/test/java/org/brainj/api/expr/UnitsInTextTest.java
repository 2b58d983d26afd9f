package org.brainj.api.expr;

import static org.brainj.api.expr.EquationsTest.units;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.measure.Unit;
import org.brainj.api.units.PhysicalUnits;
import org.junit.jupiter.api.Test;

/** Unit names, pi and e inside equation text, resolved by Brian2's namespace rule; and the literal 0. */
class UnitsInTextTest {
    /** BrainPy's COBA network neuron (reversal potentials 0 mV and -80 mV), Brian2 style with units in the text. */
    static final String COBA = """
            dV/dt = (ge*(0*mV - V) + gi*(-80*mV - V) - (V - El) + I) / taum : volt (unless refractory)
            dge/dt = -ge / (5*ms) : 1
            dgi/dt = -gi / (10*ms) : 1
            I = 20*mV : volt
            """;

    @Test
    void cobaWithUnitsInTheTextEvaluatesInTheCoherentSystem() {
        Equations eqs = Equations.parse(COBA).checkUnits(units("El", "mV", "taum", "ms"));
        assertEquals(Set.of("El", "taum"), eqs.externals());
        Map<String, Double> env = Map.of("V", -55.0, "ge", 0.3, "gi", 0.2, "El", -60.0, "taum", 20.0);
        // by hand in ms and mV, as the runtime computes: 0*mV = 0, -80*mV = -80, 5*ms = 5
        double dV = (0.3 * (0 - -55.0) + 0.2 * (-80.0 - -55.0) - (-55.0 - -60.0) + 20.0) / 20.0;
        assertEquals(dV, Interpreter.eval(eqs.derivative("V"), env), 1e-12);
        assertEquals(-0.3 / 5, Interpreter.eval(eqs.derivative("ge"), env), 1e-12);
        assertEquals(-0.2 / 10, Interpreter.eval(eqs.derivative("gi"), env), 1e-12);
        // the unit names are gone: what integrators and code generators see reads only variables and numbers
        assertEquals(Set.of("V", "ge", "gi", "El", "taum"), FreeVars.of(eqs.derivative("V")));
        assertEquals(20.0, Interpreter.eval(eqs.statement("I").rhs(), Map.of()), 1e-12);
    }

    @Test
    void lifWithUnitsInsideFunctionsAndRates() {
        Equations eqs = Equations.parse("""
                dV/dt = (-V + 10 * mV) / tau + a*exp(-V / (20*mV)) : volt
                da/dt = -a * (1/ms) + 2*nA/pF * Hz : volt/second
                """).checkUnits(units("tau", "ms"));
        Map<String, Double> env = Map.of("V", -30.0, "a", 0.5, "tau", 10.0);
        // by hand in ms, mV, nA: 1/ms = 1; nA/pF = 1e-9 A / 1e-12 F = 1000 V/s = 1000 mV/ms; Hz = 0.001/ms
        assertEquals((30.0 + 10) / 10 + 0.5 * Math.exp(30.0 / 20), Interpreter.eval(eqs.derivative("V"), env), 1e-12);
        assertEquals(-0.5 + 2 * 1000 * 0.001, Interpreter.eval(eqs.derivative("a"), env), 1e-12);
    }

    @Test
    void fullNamesWithPrefixesPowersAndPi() {
        Equations eqs = Equations.parse("""
                dx/dt = msecond * umetre2 * x / (Mohm * nsiemens * cmetre2) / second**2 + sin(2*pi*t/(50*ms))/second : 1
                """).checkUnits(Map.of());
        // by hand: 1e-3 s * 1e-12 m^2 / (1e6 ohm * 1e-9 S * 1e-4 m^2) / s^2 = 1e-8 / s = 1e-11 / ms; 1/second = 0.001/ms
        Map<String, Double> env = Map.of("x", 3.0, "t", 12.5);
        double expected = 1e-11 * 3.0 + Math.sin(2 * Math.PI * 12.5 / 50) * 0.001;
        assertThrows(UnitMismatchException.class, () -> Equations.parse("dx/dt = umetre2 : 1").checkUnits(Map.of()));
        assertEquals(expected, Interpreter.eval(eqs.derivative("x"), env), 1e-9 * Math.abs(expected));
    }

    @Test
    void declaredNamesAndParametersShadowUnits() {
        // a parameter called mV is the parameter, not the millivolt
        Map<String, Unit<?>> params = new HashMap<>(units("tau", "ms", "mV", "volt/second"));
        Equations eqs = Equations.parse("dV/dt = -V/tau + mV : volt").checkUnits(params);
        assertTrue(FreeVars.of(eqs.derivative("V")).contains("mV"));
        assertEquals(-1 / 0.01 + 7.0, Interpreter.eval(eqs.derivative("V"), Map.of("V", 1.0, "tau", 0.01, "mV", 7.0)), 1e-12);
        // a state variable called ms is the state variable
        eqs = Equations.parse("dms/dt = -ms/tau : 1").checkUnits(units("tau", "second"));
        assertEquals(-4.0, Interpreter.eval(eqs.derivative("ms"), Map.of("ms", 2.0, "tau", 0.5)), 0);
        // C and g are parameters: never coulomb or gram, so missing ones are undefined, not units
        Equations.parse("dV/dt = g*(E - V)/C : volt").checkUnits(units("g", "nS", "E", "mV", "C", "pF"));
        UndefinedSymbolException e = assertThrows(UndefinedSymbolException.class,
                () -> Equations.parse("dV/dt = g*(E - V)/C : volt").checkUnits(units("g", "nS", "E", "mV")));
        assertEquals("C", e.symbol());
        assertEquals(19, e.column());
        // e is Euler's number unless a parameter is called e
        assertEquals(Math.E, Interpreter.eval(Equations.parse("dx/dt = e : 1").checkUnitless(Set.of()).derivative("x"),
                Map.of()), 0);
        assertEquals(3.0, Interpreter.eval(Equations.parse("dx/dt = e : 1").checkUnitless(Set.of("e")).derivative("x"),
                Map.of("e", 3.0)), 0);
    }

    @Test
    void unitMismatchInsideTextShowsBothUnitsWhereItIs() {
        UnitMismatchException e = assertThrows(UnitMismatchException.class, () -> Equations.parse("""
                I : amp
                dV/dt = (-V + 10*ms) / tau : volt
                """).checkUnits(units("tau", "ms")));
        assertEquals(2, e.line());
        assertEquals(13, e.column()); // the '+'
        assertTrue(e.leftUnit().startsWith("V") && e.rightUnit().startsWith("s"), e.getMessage());
        e = assertThrows(UnitMismatchException.class,
                () -> Equations.parse("dV/dt = exp(-V/(20*ms)) * mV/ms : volt").checkUnits(Map.of()));
        assertEquals(15, e.column()); // the argument of exp, at its top operator /
        assertTrue(e.getMessage().contains("argument of exp") && e.leftUnit().startsWith("V/s"), e.getMessage());
    }

    @Test
    void checkedEquationsCheckAgain() {
        Map<String, Unit<?>> params = units("El", "mV", "taum", "ms");
        Equations once = Equations.parse(COBA).checkUnits(params);
        Equations twice = once.checkUnits(params);
        assertEquals(once, twice);
        // the constant that replaced 20*mV keeps its unit: the same right-hand side declared in amp is refused
        Statement i = Equations.parse("I = 20*mV : volt").checkUnits(Map.of()).statement("I");
        Statement inAmp = new Statement(i.kind(), i.variable(), i.rhs(), PhysicalUnits.parse("amp"), i.flags(), i.line(),
                i.column(), i.positions());
        UnitMismatchException e = assertThrows(UnitMismatchException.class,
                () -> new Equations(List.of(inAmp)).checkUnits(Map.of()));
        assertTrue(e.leftUnit().startsWith("A") && e.rightUnit().startsWith("V"), e.getMessage());
    }

    @Test
    void unitlessEquationsRefuseUnitNames() {
        UnitInUnitlessEquationsException e = assertThrows(UnitInUnitlessEquationsException.class,
                () -> Equations.parse("dV/dt = (-V + 10*mV) / tau : 1").checkUnitless(Set.of("tau")));
        assertEquals("mV", e.unit());
        assertEquals(1, e.line());
        assertEquals(18, e.column());
        assertTrue(e.getMessage().contains("unitless"), e.getMessage());
        // a parameter of that name is fine, and pi is pi: time in ms, period 50 ms
        Equations eqs = Equations.parse("dV/dt = (-V + mV) / tau + sin(2*pi*t/50) : 1").checkUnitless(Set.of("tau", "mV"));
        double expected = (-1 + 4) / 10.0 + Math.sin(2 * Math.PI * 12.5 / 50);
        assertEquals(expected, Interpreter.eval(eqs.derivative("V"), Map.of("V", 1.0, "mV", 4.0, "tau", 10.0, "t", 12.5)),
                1e-15);
    }

    @Test
    void literalZeroAgreesWithAnyUnitButNoOtherNumberDoes() {
        Map<String, Unit<?>> params = units("tau", "ms", "E", "mV");
        Equations.parse("dV/dt = where(V > 0, -V, 0) / tau : volt").checkUnits(params);
        Equations.parse("dV/dt = (V - 0) / tau + (0 - E) / tau : volt").checkUnits(params);
        Equations.parse("dV/dt = max(V, 0) / tau * (V >= -0) : volt").checkUnits(params);
        Equations.parse("dV/dt = 0 : volt").checkUnits(params);
        UnitMismatchException e = assertThrows(UnitMismatchException.class,
                () -> Equations.parse("dV/dt = where(V > 1, -V, 0) / tau : volt").checkUnits(params));
        assertEquals(17, e.column()); // the '>'
        assertTrue(e.leftUnit().startsWith("V") && e.rightUnit().startsWith("1"), e.getMessage());
        assertThrows(UnitMismatchException.class, () -> Equations.parse("dV/dt = (V + 0.5) / tau : volt").checkUnits(params));
        assertThrows(UnitMismatchException.class, () -> Equations.parse("dV/dt = 1 : volt").checkUnits(params));
        // 0*mV is a quantity, and 0 times a unit is no literal zero of another unit
        assertThrows(UnitMismatchException.class, () -> Equations.parse("dV/dt = (V - 0*ms)/tau : volt").checkUnits(params));
        assertFalse(Namespace.isConstant("V"));
    }
}
