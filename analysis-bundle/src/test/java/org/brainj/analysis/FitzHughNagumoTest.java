package org.brainj.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.brainj.api.expr.Equations;
import org.junit.jupiter.api.Test;

/** The reference's FitzHugh-Nagumo tutorial (a = 0.7, b = 0.8, tau = 12.5). */
class FitzHughNagumoTest {
    static final Equations FHN = Equations.parse("""
            dV/dt = V - V*V*V/3 - w + Iext : 1
            dw/dt = (V + a - b*w) / tau : 1
            """);
    static final double A = 0.7;
    static final double B = 0.8;
    static final double TAU = 12.5;
    static final List<VariableRange> RANGES = List.of(new VariableRange("V", -3, 3), new VariableRange("w", -3, 3));

    static Subsystem fhn(double iext) {
        return Subsystem.of(FHN, List.of("V", "w"), Map.of("a", A, "b", B, "tau", TAU, "Iext", iext));
    }

    @Test
    void phasePlaneAtIext08HasTheReferencesUnstableNodeInsideALimitCycle() {
        PhasePlane.Result r = new PhasePlane(fhn(0.8), RANGES, 0.01)
                .analyze(List.of(Map.of("V", -2.8, "w", -1.8)), 100, 0.01);
        // the reference prints: Fixed point #1 at V=-0.27290095899729705, w=0.5338738012533786 is a unstable node.
        assertEquals(1, r.fixedPoints().size());
        FixedPoint p = r.fixedPoints().get(0);
        assertEquals(-0.27290095899729705, p.value("V"), 1e-12);
        assertEquals(0.5338738012533786, p.value("w"), 1e-12);
        assertEquals("unstable node", p.type().label());
        assertEquals(1, r.limitCycles().size());
        LimitCycle cycle = r.limitCycles().get(0);
        // the cycle surrounds the fixed point and swings V over the cubic's outer branches (|V| near 2)
        assertTrue(cycle.min()[0] < p.value("V") && cycle.max()[0] > p.value("V"));
        assertTrue(cycle.min()[0] < -1.5 && cycle.max()[0] > 1.5, java.util.Arrays.toString(cycle.max()));
        assertTrue(cycle.period() > 20 && cycle.period() < 60, "period " + cycle.period());
        // nullclines: every V-nullcline point has w = V - V^3/3 + Iext, every w-nullcline point w = (V + a)/b
        PhasePlane.Nullcline v = r.nullclines().get(0);
        PhasePlane.Nullcline w = r.nullclines().get(1);
        assertTrue(v.x().length > 100 && w.x().length > 100);
        for (int k = 0; k < v.x().length; k++) {
            double vv = v.x()[k];
            assertEquals(vv - vv * vv * vv / 3 + 0.8, v.y()[k], 1e-9);
        }
        for (int k = 0; k < w.x().length; k++) {
            assertEquals((w.x()[k] + A) / B, w.y()[k], 1e-9);
        }
    }

    /**
     * Hand calculation. J = [[1 - V^2, -1], [1/tau, -b/tau]]; on the fixed-point curve
     * w = (V + a)/b, Iext = w - V + V^3/3. Hopf: trace 1 - V^2 - b/tau = 0, so V^2 = 1 - b/tau
     * (det = (1 - b(1 - V^2))/tau = (1 - b^2/tau)/tau > 0 there). In [0, 1] this is
     * V = -sqrt(1 - b/tau) = -0.96747, Iext = 0.33128; the other root gives Iext = 1.41872 > 1.
     */
    @Test
    void codimensionOneDiagramInIextHasTheHopfPointOfTheHandCalculation() {
        double v = -Math.sqrt(1 - B / TAU);
        double iHopf = (v + A) / B - v + v * v * v / 3;
        Bifurcation.Result r = new Bifurcation(fhn(0), RANGES, List.of(new VariableRange("Iext", 0, 1)), 0.005,
                new Bifurcation.Simulation(300, 0.05)).analyze();
        List<Bifurcation.SpecialPoint> hopf = r.special().stream().filter(s -> s.kind().equals("hopf")).toList();
        assertEquals(1, hopf.size(), r.special().toString());
        assertEquals(iHopf, hopf.get(0).parameters()[0], 1e-9);
        assertEquals(v, hopf.get(0).values()[0], 1e-7);
        // stable focus below the Hopf point, unstable above; cycles only above it
        for (Bifurcation.BranchPoint p : r.points()) {
            assertEquals(p.parameters()[0] < iHopf, p.point().type().isStable(), p.point().toString());
        }
        assertTrue(!r.cycles().isEmpty());
        for (Bifurcation.CycleExtrema c : r.cycles()) {
            assertTrue(c.parameter() > iHopf, "cycle at Iext " + c.parameter());
        }
    }
}
