package org.brainj.analysis;

import java.util.ArrayList;
import java.util.List;
import org.brainj.api.integrate.EventDetector;
import org.brainj.api.integrate.Odeint;
import org.brainj.api.integrate.Trajectory;

/**
 * A periodic orbit found by simulation: its period and the extrema of each variable over one
 * cycle, with one cycle of the orbit. The search integrates away the transient, then places a
 * Poincaré section through the middle of the first variable's swing and times successive
 * upward crossings (located by {@link Odeint}'s event detection); the orbit counts as a limit
 * cycle when the last periods agree to a relative {@code 1e-3} and it swings visibly.
 */
public record LimitCycle(List<String> variables, double period, double[] min, double[] max, Trajectory cycle) {
    private static final int CROSSINGS = 6;

    public LimitCycle {
        variables = List.copyOf(variables);
    }

    /**
     * Looks for a limit cycle reached from {@code x0}, integrating for {@code transient} time
     * units and then up to as long again to time the cycle; empty when the orbit settles on a
     * fixed point or does not repeat.
     */
    public static java.util.Optional<LimitCycle> find(Subsystem system, double[] x0, double transientTime, double dt,
                                                      String method) {
        Odeint integrator = system.integrator(method);
        Trajectory warm = integrator.integrate(x0, 0, transientTime, dt);
        double[] swing = extrema(warm, warm.size() / 2);
        double lo = swing[0];
        double hi = swing[1];
        double scale = Math.max(Math.abs(lo), Math.abs(hi));
        if (!(hi - lo > 1e-6 * Math.max(scale, 1e-12))) {
            return java.util.Optional.empty();
        }
        double section = (lo + hi) / 2;
        List<Double> crossings = new ArrayList<>();
        EventDetector poincare = new EventDetector() {
            @Override
            public double g(double t, double[] x) {
                return x[0] - section;
            }

            @Override
            public Direction direction() {
                return Direction.INCREASING;
            }

            @Override
            public Action eventOccurred(double t, double[] x, boolean increasing) {
                crossings.add(t);
                return crossings.size() >= CROSSINGS ? Action.STOP : Action.CONTINUE;
            }
        };
        Trajectory timed = integrator.withEventDetector(poincare).integrate(warm.last(), 0, transientTime, dt);
        if (crossings.size() < 3) {
            return java.util.Optional.empty();
        }
        int k = crossings.size();
        double last = crossings.get(k - 1) - crossings.get(k - 2);
        double before = crossings.get(k - 2) - crossings.get(k - 3);
        if (Math.abs(last - before) > 1e-3 * last) {
            return java.util.Optional.empty();
        }
        double start = crossings.get(k - 2);
        int from = 0;
        while (from < timed.size() && timed.times()[from] < start) {
            from++;
        }
        Trajectory cycle = slice(timed, from);
        double[][] mm = minMax(cycle);
        return java.util.Optional.of(new LimitCycle(system.targets(), last, mm[0], mm[1], cycle));
    }

    private static double[] extrema(Trajectory t, int from) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int k = from; k < t.size(); k++) {
            lo = Math.min(lo, t.states()[k][0]);
            hi = Math.max(hi, t.states()[k][0]);
        }
        return new double[] {lo, hi};
    }

    private static double[][] minMax(Trajectory t) {
        int n = t.variables().size();
        double[] lo = new double[n];
        double[] hi = new double[n];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (double[] s : t.states()) {
            for (int i = 0; i < n; i++) {
                lo[i] = Math.min(lo[i], s[i]);
                hi[i] = Math.max(hi[i], s[i]);
            }
        }
        return new double[][] {lo, hi};
    }

    private static Trajectory slice(Trajectory t, int from) {
        int n = t.size() - from;
        double[] times = new double[n];
        double[][] states = new double[n][];
        for (int k = 0; k < n; k++) {
            times[k] = t.times()[from + k];
            states[k] = t.states()[from + k];
        }
        return new Trajectory(t.variables(), times, states);
    }
}
