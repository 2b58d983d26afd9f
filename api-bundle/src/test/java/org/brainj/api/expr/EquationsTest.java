package org.brainj.api.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.measure.Unit;
import org.brainj.api.UnknownNameException;
import org.brainj.api.expr.Statement.Kind;
import org.brainj.api.units.PhysicalUnits;
import org.junit.jupiter.api.Test;

class EquationsTest {
    static final String LIF = """
            # leaky integrate-and-fire (reference: brainpy.state.LIF)
            dV/dt = (-(V - V_rest) + R*I) / tau : volt (unless refractory)

            I : amp
            """;

    static final String COBA = """
            dV/dt = (-(V - V_rest) + R*(I_e + I_i)) / tau : volt (unless refractory)
            I_e = g_e*(E_e - V) : amp
            I_i = g_i*(E_i - V) : amp
            dg_e/dt = -g_e/tau_e : siemens
            dg_i/dt = -g_i/tau_i : siemens
            """;

    /** The reference's Hodgkin-Huxley model (BrainPy 1.x user guide, example 2), unitless, time in ms. */
    static final String HH = """
            alpha_m = 0.1 * (V + 40) / (1 - exp(-(V + 40) / 10)) : 1
            beta_m = 4.0 * exp(-(V + 65) / 18) : 1
            alpha_h = 0.07 * exp(-(V + 65) / 20.) : 1
            beta_h = 1 / (1 + exp(-(V + 35) / 10)) : 1
            alpha_n = 0.01 * (V + 55) / (1 - exp(-(V + 55) / 10)) : 1
            beta_n = 0.125 * exp(-(V + 65) / 80) : 1
            I_Na = (gNa * m ** 3.0 * h) * (V - ENa) : 1
            I_K = (gK * n ** 4.0) * (V - EK) : 1
            I_leak = gL * (V - EL) : 1
            dV/dt = (- I_Na - I_K - I_leak + Iext) / C : 1
            dm/dt = alpha_m * (1 - m) - beta_m * m : 1
            dh/dt = alpha_h * (1 - h) - beta_h * h : 1
            dn/dt = alpha_n * (1 - n) - beta_n * n : 1
            """;

    static Map<String, Unit<?>> units(String... nameUnit) {
        Map<String, Unit<?>> m = new HashMap<>();
        for (int i = 0; i < nameUnit.length; i += 2) {
            m.put(nameUnit[i], PhysicalUnits.parse(nameUnit[i + 1]));
        }
        return m;
    }

    static final Map<String, Unit<?>> LIF_PARAMS = units("V_rest", "mV", "R", "Mohm", "tau", "ms");

    @Test
    void parsesLif() {
        Equations eqs = Equations.parse(LIF).checkUnits(LIF_PARAMS);
        assertEquals(List.of("V"), eqs.stateVariables());
        Statement dv = eqs.statement("V");
        assertEquals(Kind.DIFFERENTIAL, dv.kind());
        assertEquals(List.of("unless refractory"), dv.flags());
        assertEquals(2, dv.line());
        assertEquals(ExpressionParser.parse("(-(V - V_rest) + R*I) / tau"), dv.rhs());
        assertTrue(PhysicalUnits.sameDimension(dv.unit(), PhysicalUnits.parse("volt")));
        assertEquals(Kind.PARAMETER, eqs.statement("I").kind());
        assertEquals(Set.of("V_rest", "R", "tau"), eqs.externals());
        assertEquals(false, eqs.isStochastic());
    }

    @Test
    void quantitiesGiveUnitsAndSIValues() {
        Map<String, javax.measure.Quantity<?>> params = Map.of("V_rest", PhysicalUnits.quantity("-60 mV"),
                "R", PhysicalUnits.quantity("100 Mohm"), "tau", PhysicalUnits.quantity("20 ms"));
        Equations eqs = Equations.parse(LIF).checkUnits(PhysicalUnits.unitsOf(params));
        Map<String, Double> env = new HashMap<>(PhysicalUnits.siValues(params));
        env.put("V", -0.05);
        env.put("I", 1e-10);
        // by hand in SI: (-(-0.05 + 0.06) + 1e8 * 1e-10) / 0.02 = (-0.01 + 0.01) / 0.02 = 0
        assertEquals(0.0, Interpreter.eval(eqs.derivative("V"), env), 1e-12);
        env.put("I", 2e-10);
        assertEquals(0.5, Interpreter.eval(eqs.derivative("V"), env), 1e-12); // 0.01 / 0.02
    }

    @Test
    void parsesCobaAndResolvesSubexpressions() {
        Equations eqs = Equations.parse(COBA).checkUnits(units("V_rest", "mV", "R", "Mohm", "tau", "ms",
                "E_e", "mV", "E_i", "mV", "tau_e", "ms", "tau_i", "ms"));
        assertEquals(List.of("V", "g_e", "g_i"), eqs.stateVariables());
        Map<String, Double> env = Map.of("V", -0.055, "V_rest", -0.06, "R", 1e8, "tau", 0.02,
                "g_e", 2e-9, "g_i", 3e-9, "E_e", 0.0, "E_i", -0.08);
        // plain Java from the equations above
        double expected = (-(-0.055 + 0.06) + 1e8 * (2e-9 * (0 + 0.055) + 3e-9 * (-0.08 + 0.055))) / 0.02;
        assertEquals(expected, Interpreter.eval(eqs.derivative("V"), env), 1e-12);
        assertTrue(FreeVars.of(eqs.derivative("V")).containsAll(Set.of("g_e", "g_i")));
    }

    @Test
    void parsesTheReferenceHodgkinHuxley() {
        Equations eqs = Equations.parse(HH).checkUnitless(Set.of("gNa", "ENa", "gK", "EK", "gL", "EL", "C", "Iext"));
        assertEquals(List.of("V", "m", "h", "n"), eqs.stateVariables());
        double v = -60.0;
        double m = 0.1;
        double h = 0.6;
        double n = 0.3;
        Map<String, Double> env = new HashMap<>(Map.of("V", v, "m", m, "h", h, "n", n, "gNa", 120.0, "ENa", 50.0,
                "gK", 36.0, "EK", -77.0, "gL", 0.03, "EL", -54.387));
        env.put("C", 1.0);
        env.put("Iext", 10.0);
        // the reference's Python function, in plain Java
        double iNa = 120.0 * Math.pow(m, 3) * h * (v - 50);
        double iK = 36.0 * Math.pow(n, 4) * (v + 77);
        double iL = 0.03 * (v + 54.387);
        assertEquals((-iNa - iK - iL + 10) / 1.0, Interpreter.eval(eqs.derivative("V"), env), 1e-12);
        double alphaN = 0.01 * (v + 55) / (1 - Math.exp(-(v + 55) / 10));
        double betaN = 0.125 * Math.exp(-(v + 65) / 80);
        assertEquals(alphaN * (1 - n) - betaN * n, Interpreter.eval(eqs.derivative("n"), env), 1e-15);
    }

    @Test
    void noiseSplitsIntoDriftAndDiffusion() {
        Equations eqs = Equations.parse("dx/dt = -x/tau + sigma*xi/sqrt(tau) : 1")
                .checkUnits(units("tau", "ms", "sigma", "1"));
        assertEquals(List.of("xi"), eqs.noiseTerms());
        Map<String, Double> env = Map.of("x", 0.7, "tau", 0.01, "sigma", 0.3);
        assertEquals(-0.7 / 0.01, Interpreter.eval(eqs.drift("x"), env), 1e-12);
        assertEquals(0.3 / Math.sqrt(0.01), Interpreter.eval(eqs.diffusion("x").get("xi"), env), 1e-12);

        Equations vector = Equations.parse("dx/dt = a*xi_1 - x + b*(2*xi_2) : 1\ndy/dt = x - xi_1/c : 1");
        Map<String, Expr> g = vector.diffusion("x");
        assertEquals(List.of("xi_1", "xi_2"), List.copyOf(g.keySet()));
        assertEquals(ExpressionParser.parse("a"), g.get("xi_1"));
        assertEquals(4.0, Interpreter.eval(g.get("xi_2"), Map.of("b", 2.0)), 0);
        assertEquals(-0.25, Interpreter.eval(vector.diffusion("y").get("xi_1"), Map.of("c", 4.0)), 0);
    }

    @Test
    void syntaxErrorsHaveLineAndColumn() {
        EquationException e = assertThrows(EquationSyntaxException.class,
                () -> Equations.parse("dV/dt = -V/tau : volt\ndw/dt = (a + ) : 1"));
        assertEquals(2, e.line());
        assertEquals(14, e.column());
        // without ': unit' a statement is a number (BrainPy's style); a bare name is neither statement nor declaration
        assertTrue(PhysicalUnits.sameDimension(Equations.parse("dV/dt = -V/tau").statement("V").unit(), PhysicalUnits.ONE));
        e = assertThrows(EquationSyntaxException.class, () -> Equations.parse("dV/dt = -V/tau\n  I"));
        assertEquals(2, e.line());
        assertEquals(4, e.column());
        e = assertThrows(EquationSyntaxException.class, () -> Equations.parse("dV/dt = -V/tau : volts"));
        assertEquals(18, e.column());
        assertTrue(e.getMessage().contains("'volts'"), e.getMessage());
        e = assertThrows(EquationSyntaxException.class, () -> Equations.parse("V : volt\ndV/dt = -V/tau : volt"));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("declared twice"), e.getMessage());
        e = assertThrows(EquationSyntaxException.class, () -> Equations.parse("dV/dx = -V : 1"));
        assertEquals(4, e.column());
        e = assertThrows(EquationSyntaxException.class, () -> Equations.parse("dV/dt = -V/tau : volt (unles refractory)"));
        assertEquals(24, e.column());
        assertTrue(e.getMessage().contains("unless refractory"), e.getMessage());
        assertEquals(List.of("constant", "shared"), Equations.parse("g : siemens (constant,  shared)").statement("g").flags());
    }

    @Test
    void undefinedSymbolListsTheDefinedOnes() {
        UndefinedSymbolException e = assertThrows(UndefinedSymbolException.class,
                () -> Equations.parse("\ndV/dt = (-(V - V_rst) + R*I) / tau : volt\nI : amp").checkUnits(LIF_PARAMS));
        assertEquals(2, e.line());
        assertEquals(16, e.column());
        assertEquals("V_rst", e.symbol());
        assertTrue(e.defined().containsAll(List.of("V", "V_rest", "R", "tau", "I", "t", "dt")));
        assertThrows(UndefinedSymbolException.class, () -> Equations.parse("dx/dt = -x/tau : 1").checkUnitless(Set.of()));
    }

    @Test
    void unitMismatchesShowBothUnits() {
        UnitMismatchException e = assertThrows(UnitMismatchException.class,
                () -> Equations.parse("I : amp\ndV/dt = -(V - V_rest)/tau + I : volt").checkUnits(LIF_PARAMS));
        assertEquals(2, e.line());
        assertEquals(27, e.column()); // the '+'
        assertTrue(e.leftUnit().startsWith("V/s") && e.rightUnit().startsWith("A"), e.getMessage());

        e = assertThrows(UnitMismatchException.class,
                () -> Equations.parse("dV/dt = -(V - V_rest) : volt").checkUnits(LIF_PARAMS));
        assertEquals(9, e.column());
        assertTrue(e.leftUnit().startsWith("V/s") && e.rightUnit().startsWith("V"), e.getMessage());

        e = assertThrows(UnitMismatchException.class,
                () -> Equations.parse("V : volt\ndx/dt = exp(V)/tau : 1").checkUnits(LIF_PARAMS));
        assertEquals(13, e.column());
        assertTrue(e.getMessage().contains("argument of exp"), e.getMessage());

        e = assertThrows(UnitMismatchException.class,
                () -> Equations.parse("dV/dt = where(V > V_rest, V, tau)/tau : volt").checkUnits(LIF_PARAMS));
        assertEquals(9, e.column());
        e = assertThrows(UnitMismatchException.class,
                () -> Equations.parse("dV/dt = (V - V_rest)^tau : volt").checkUnits(LIF_PARAMS));
        assertTrue(e.getMessage().contains("exponent"), e.getMessage());
        // a subexpression must have its declared unit
        assertThrows(UnitMismatchException.class,
                () -> Equations.parse("I_syn = g*(E - V) : volt\ndV/dt = -V/tau : volt").checkUnits(units("g", "nS", "E", "mV", "tau", "ms")));
        // but the same with amp is consistent: nS * mV = pA
        Equations.parse("I_syn = g*(E - V) : amp\ndV/dt = -V/tau + I_syn/C : volt")
                .checkUnits(units("g", "nS", "E", "mV", "tau", "ms", "C", "pF"));
        // powers with fractional exponents are unit algebra too: (m^2)^1.5 = m^3
        Equations.parse("dx/dt = (A^1.5 - B)/tau : m3").checkUnits(units("A", "m2", "B", "m3", "tau", "s"));
    }

    @Test
    void unknownFunctionListsTheKnownOnes() {
        UnknownFunctionException e = assertThrows(UnknownFunctionException.class,
                () -> Equations.parse("dV/dt = expo(V) : 1"));
        assertEquals(1, e.line());
        assertEquals(9, e.column());
        assertTrue(e.getMessage().contains("exp") && e.getMessage().contains("sigmoid"), e.getMessage());
    }

    @Test
    void derivativeOfAnUndeclaredVariable() {
        Equations eqs = Equations.parse("dV/dt = -V + w : 1\ndw/dt = -w : 1\nI : 1");
        UndeclaredDerivativeException e = assertThrows(UndeclaredDerivativeException.class,
                () -> eqs.requireDeclared(List.of("V")));
        assertEquals(2, e.line());
        assertEquals(1, e.column());
        assertEquals("w", e.variable());
        e = assertThrows(UndeclaredDerivativeException.class, () -> eqs.drift("I"));
        assertEquals(3, e.line());
        assertThrows(UnknownNameException.class, () -> eqs.drift("q"));
    }

    @Test
    void nonlinearNoiseIsRefused() {
        NonlinearNoiseException e = assertThrows(NonlinearNoiseException.class,
                () -> Equations.parse("dx/dt = -x/tau + sigma*xi^2 : 1"));
        assertEquals(26, e.column()); // the '^'
        e = assertThrows(NonlinearNoiseException.class, () -> Equations.parse("dx/dt = -x + exp(xi) : 1"));
        assertEquals(14, e.column());
        e = assertThrows(NonlinearNoiseException.class, () -> Equations.parse("dx/dt = xi_1*xi_2 : 1"));
        assertEquals(13, e.column());
        e = assertThrows(NonlinearNoiseException.class, () -> Equations.parse("dx/dt = x/xi : 1"));
        assertEquals(10, e.column());
    }
}
