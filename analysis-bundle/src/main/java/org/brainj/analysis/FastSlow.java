package org.brainj.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.brainj.api.integrate.Trajectory;

/**
 * Fast-slow analysis (Rinzel), as the reference's {@code FastSlowBifurcation}: the slow
 * variables are treated as parameters of the fast subsystem, whose bifurcation diagram along
 * them is overlaid with trajectories of the full system.
 *
 * @param fastSystem the fast variables' equations, the slow variables among their fixed values
 * @param fast       ranges of the fast variables
 * @param slow       ranges of one or two slow variables
 */
public record FastSlow(Subsystem fastSystem, List<VariableRange> fast, List<VariableRange> slow, double resolution,
                       Bifurcation.Simulation simulation) {
    public FastSlow {
        fast = List.copyOf(fast);
        slow = List.copyOf(slow);
    }

    public record Result(Bifurcation.Result bifurcation, List<Trajectory> trajectories) {
    }

    /** The fast subsystem's diagram along the slow variables, and full-system trajectories (RK4) from {@code initial}. */
    public Result analyze(List<Map<String, Double>> initial, double duration, double dt) {
        Bifurcation.Result diagram = new Bifurcation(fastSystem, fast, slow, resolution, simulation).analyze();
        List<String> all = new ArrayList<>(fastSystem.targets());
        slow.forEach(s -> all.add(s.name()));
        Subsystem full = fastSystem.retarget(all, Map.of());
        List<Trajectory> trajectories = new ArrayList<>();
        for (Map<String, Double> start : initial) {
            double[] x0 = new double[all.size()];
            for (int i = 0; i < x0.length; i++) {
                Double v = start.get(all.get(i));
                if (v == null) {
                    throw new AnalysisException("initial values " + start + " lack '" + all.get(i) + "'; give each of " + all);
                }
                x0[i] = v;
            }
            trajectories.add(full.integrator("rk4").integrate(x0, 0, duration, dt));
        }
        return new Result(diagram, trajectories);
    }
}
