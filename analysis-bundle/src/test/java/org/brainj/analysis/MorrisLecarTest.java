package org.brainj.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.brainj.api.expr.Equations;
import org.junit.jupiter.api.Test;

/**
 * Morris-Lecar with Rinzel and Ermentrout's (1998, "Analysis of neural excitability and
 * oscillations", Table 1) class I parameters: the rest state disappears in a saddle-node on an
 * invariant circle at I = 40 (their value, to the precision they give).
 */
class MorrisLecarTest {
    static final Equations ML = Equations.parse("""
            dV/dt = (I - gL*(V - VL) - gK*w*(V - VK) - gCa*m_inf*(V - VCa)) / C : 1
            dw/dt = phi * (w_inf - w) / tau_w : 1
            m_inf = 0.5 * (1 + tanh((V - V1) / V2)) : 1
            w_inf = 0.5 * (1 + tanh((V - V3) / V4)) : 1
            tau_w = 1 / cosh((V - V3) / (2 * V4)) : 1
            """);
    static final Map<String, Double> CLASS_I = Map.ofEntries(Map.entry("C", 20.0), Map.entry("gL", 2.0),
            Map.entry("VL", -60.0), Map.entry("gK", 8.0), Map.entry("VK", -84.0), Map.entry("gCa", 4.0),
            Map.entry("VCa", 120.0), Map.entry("V1", -1.2), Map.entry("V2", 18.0), Map.entry("V3", 12.0),
            Map.entry("V4", 17.4), Map.entry("phi", 1.0 / 15), Map.entry("I", 0.0));
    static final List<VariableRange> RANGES = List.of(new VariableRange("V", -80, 60), new VariableRange("w", -0.1, 1));

    /** The steady-state current I_ss(V) = gL(V - VL) + gK w_inf(V)(V - VK) + gCa m_inf(V)(V - VCa); its knee is the fold. */
    private static double steadyCurrent(double v) {
        double m = 0.5 * (1 + Math.tanh((v + 1.2) / 18));
        double w = 0.5 * (1 + Math.tanh((v - 12) / 17.4));
        return 2 * (v + 60) + 8 * w * (v + 84) + 4 * m * (v - 120);
    }

    @Test
    void codimensionOneDiagramFindsTheSaddleNodeOnInvariantCircleAtTheirCurrent() {
        // the knee by golden-section search for the local maximum of I_ss on [-40, -20]
        double lo = -40;
        double hi = -20;
        double g = (Math.sqrt(5) - 1) / 2;
        while (hi - lo > 1e-10) {
            double a = hi - g * (hi - lo);
            double b = lo + g * (hi - lo);
            if (steadyCurrent(a) > steadyCurrent(b)) {
                hi = b;
            } else {
                lo = a;
            }
        }
        double knee = steadyCurrent(lo);
        Subsystem ml = Subsystem.of(ML, List.of("V", "w"), CLASS_I);
        Bifurcation.Result r = new Bifurcation(ml, RANGES, List.of(new VariableRange("I", 30, 50)), 0.1, null).analyze();
        List<Bifurcation.SpecialPoint> folds = r.special().stream().filter(s -> s.kind().equals("saddle-node")).toList();
        assertEquals(1, folds.size(), r.special().toString());
        double iSn = folds.get(0).parameters()[0];
        assertEquals(knee, iSn, 1e-6);
        assertEquals(40, iSn, 0.05);
        assertEquals(lo, folds.get(0).values()[0], 1e-2);
        // on an invariant circle: just past the fold the only orbit is a cycle whose period grows without
        // bound as I approaches the fold (as 1/sqrt(I - I_sn)), unlike a Hopf onset
        double nearPeriod = cycleAt(ml, iSn + 0.2).period();
        double farPeriod = cycleAt(ml, iSn + 5).period();
        assertTrue(nearPeriod > 2 * farPeriod, nearPeriod + " vs " + farPeriod);
    }

    private static LimitCycle cycleAt(Subsystem ml, double current) {
        return LimitCycle.find(ml.with("I", current), new double[] {-30, 0.1}, 4000, 0.1, "rk4").orElseThrow();
    }
}
