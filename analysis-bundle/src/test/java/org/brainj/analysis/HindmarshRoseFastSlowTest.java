package org.brainj.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.brainj.api.expr.Equations;
import org.junit.jupiter.api.Test;

/** The reference's Hindmarsh-Rose fast-slow analysis: a=1, b=3, c=1, d=5, s=4, x_r=-1.6, r=0.001, Isyn=0.5. */
class HindmarshRoseFastSlowTest {
    static final Equations HR = Equations.parse("""
            dx/dt = y - a * x ** 3 + b * x * x - z + Isyn : 1
            dy/dt = c - d * x * x - y : 1
            dz/dt = r * (s * (x - x_r) - z) : 1
            """);
    static final Map<String, Double> PARAMETERS = Map.of("a", 1.0, "b", 3.0, "c", 1.0, "d", 5.0, "s", 4.0,
            "x_r", -1.6, "r", 0.001, "Isyn", 0.5);

    /**
     * Hand calculation. Fast fixed points: y = c - d x^2, so z = c + Isyn + (b - d) x^2 - a x^3,
     * an S-shaped curve. Folds where dz/dx = 0: x = 0 (z = 1.5) and x = 2(b - d)/(3a) = -4/3
     * (z = 1.5 - 32/27). J = [[-3a x^2 + 2b x, 1], [-2d x, -1]]: trace 0 at -3x^2 + 6x - 1 = 0,
     * x = 1 -+ sqrt(6)/3; with det = 3x^2 + 4x > 0 at x = 1 - sqrt(6)/3 that is a Hopf point at
     * z = 1.5 - 2x^2 - x^3 (the other root lies at z = -11.1, outside [-5, 5]).
     */
    @Test
    void fastSubsystemHasTheSaddleNodesAndHopfPointOfTheHandCalculation() {
        Map<String, Double> values = new java.util.HashMap<>(PARAMETERS);
        values.put("z", 0.0);
        Subsystem fast = Subsystem.of(HR, List.of("x", "y"), values);
        FastSlow.Result r = new FastSlow(fast, List.of(new VariableRange("x", -3, 3), new VariableRange("y", -10, 5)),
                List.of(new VariableRange("z", -5, 5)), 0.01, null)
                .analyze(List.of(Map.of("x", 1.0, "y", 0.0, "z", 0.0)), 100, 0.02);
        double xh = 1 - Math.sqrt(6) / 3;
        double zHopf = 1.5 - 2 * xh * xh - xh * xh * xh;
        List<Bifurcation.SpecialPoint> folds = r.bifurcation().special().stream()
                .filter(s -> s.kind().equals("saddle-node")).sorted(java.util.Comparator.comparingDouble(s -> s.parameters()[0])).toList();
        List<Bifurcation.SpecialPoint> hopf = r.bifurcation().special().stream().filter(s -> s.kind().equals("hopf")).toList();
        assertEquals(2, folds.size(), r.bifurcation().special().toString());
        assertEquals(1.5 - 32.0 / 27, folds.get(0).parameters()[0], 1e-6);
        assertEquals(-4.0 / 3, folds.get(0).values()[0], 1e-3);
        assertEquals(1.5, folds.get(1).parameters()[0], 1e-6);
        assertEquals(0, folds.get(1).values()[0], 1e-3);
        assertEquals(1, hopf.size(), hopf.toString());
        assertEquals(zHopf, hopf.get(0).parameters()[0], 1e-9);
        // three branches just past the lower fold (the lower one soon leaves y >= -10): one of them a saddle
        List<FixedPoint> atZ = r.bifurcation().points().stream().filter(p -> Math.abs(p.parameters()[0] - 0.35) < 1e-9)
                .map(Bifurcation.BranchPoint::point).toList();
        assertEquals(3, atZ.size(), atZ.toString());
        assertEquals(1, atZ.stream().filter(p -> p.determinant() < 0).count());
        assertTrue(atZ.stream().allMatch(p -> (p.determinant() < 0) == (p.type() == StabilityType.SADDLE_NODE)));
        assertEquals(1, r.trajectories().size());
        assertEquals(3, r.trajectories().get(0).variables().size());
        assertTrue(r.trajectories().get(0).size() > 1000);
    }
}
