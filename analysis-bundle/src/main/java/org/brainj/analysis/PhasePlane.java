package org.brainj.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.brainj.api.integrate.Trajectory;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;

/**
 * Phase-plane analysis of one or two target variables, as the reference's {@code PhasePlane}:
 * nullclines, the vector field, fixed points with their stability, trajectories from given
 * initial values, and the limit cycles those trajectories reach. More state variables are held
 * at their {@code fixed_vars} values (given to the {@link Subsystem}).
 *
 * @param system     the target variables' equations
 * @param ranges     one range per target variable, in the subsystem's order
 * @param resolution the grid step of nullclines and the vector field (per axis, in the variable's units)
 */
public record PhasePlane(Subsystem system, List<VariableRange> ranges, double resolution) {
    /** Arrows per axis in the vector field: readable at a glance, whatever the resolution. */
    static final int ARROWS_PER_AXIS = 15;

    public PhasePlane {
        ranges = List.copyOf(ranges);
        if (system.dimension() > 2) {
            throw new AnalysisException("a phase plane has one or two target variables, got " + system.dimension() + " "
                    + system.targets() + "; fix the others with fixed_vars");
        }
        if (ranges.size() != system.dimension()) {
            throw new AnalysisException("give one range per target variable " + system.targets() + ", got " + ranges.size());
        }
        for (int i = 0; i < ranges.size(); i++) {
            if (!ranges.get(i).name().equals(system.targets().get(i))) {
                throw new AnalysisException("range " + i + " is for '" + ranges.get(i).name() + "' but target variable "
                        + i + " is '" + system.targets().get(i) + "'");
            }
        }
        if (!(resolution > 0)) {
            throw new AnalysisException("resolution must be positive, got " + resolution);
        }
    }

    /** The points where {@code d target/dt = 0}, per target variable: {@code {xs, ys}} in 2-d, {@code {xs, f(xs)}} in 1-d. */
    public record Nullcline(String variable, double[] x, double[] y) {
    }

    /** A grid of the vector field: at {@code (x[k], y[k])} the derivatives {@code (u[k], v[k])} (1-d: y = 0, v = 0). */
    public record VectorFieldGrid(double[] x, double[] y, double[] u, double[] v) {
    }

    /** What {@link #analyze} returns. */
    public record Result(List<Nullcline> nullclines, VectorFieldGrid vectorField, List<FixedPoint> fixedPoints,
                         List<Trajectory> trajectories, List<LimitCycle> limitCycles) {
    }

    /** The whole analysis, with trajectories from {@code initial} values integrated for {@code duration} at step {@code dt} (RK4). */
    public Result analyze(List<Map<String, Double>> initial, double duration, double dt) {
        List<Trajectory> trajectories = new ArrayList<>();
        List<LimitCycle> cycles = new ArrayList<>();
        for (Map<String, Double> start : initial) {
            double[] x0 = initialState(start);
            trajectories.add(system.integrator("rk4").integrate(x0, 0, duration, dt));
            if (system.dimension() == 2) {
                LimitCycle.find(system, x0, duration, dt, "rk4").ifPresent(cycles::add);
            }
        }
        return new Result(nullclines(), vectorField(), fixedPoints(), trajectories, cycles);
    }

    public List<FixedPoint> fixedPoints() {
        return FixedPoints.find(system, ranges);
    }

    public List<Nullcline> nullclines() {
        if (system.dimension() == 1) {
            double[] x = ranges.get(0).grid(resolution, 100);
            double[] f = new double[x.length];
            for (int k = 0; k < x.length; k++) {
                f[k] = system.field(new double[] {x[k]})[0];
            }
            return List.of(new Nullcline(system.targets().get(0), x, f));
        }
        List<Nullcline> out = new ArrayList<>();
        for (int eq = 0; eq < 2; eq++) {
            List<double[]> points = new ArrayList<>();
            scan(eq, 0, points);
            scan(eq, 1, points);
            double[] xs = points.stream().mapToDouble(p -> p[0]).toArray();
            double[] ys = points.stream().mapToDouble(p -> p[1]).toArray();
            out.add(new Nullcline(system.targets().get(eq), xs, ys));
        }
        return out;
    }

    /**
     * The zeros of equation {@code eq}: for each grid value of one axis, the sign changes along
     * the other, refined by Brent. Scanning both ways keeps steep and flat parts alike.
     */
    private void scan(int eq, int fixedAxis, List<double[]> points) {
        int free = 1 - fixedAxis;
        double[] fixedGrid = ranges.get(fixedAxis).grid(resolution, 100);
        double[] freeGrid = ranges.get(free).grid(resolution, 100);
        BracketingNthOrderBrentSolver brent = new BracketingNthOrderBrentSolver(1e-12, 5);
        double[] x = new double[2];
        for (double a : fixedGrid) {
            x[fixedAxis] = a;
            double previous = Double.NaN;
            for (int k = 0; k < freeGrid.length; k++) {
                x[free] = freeGrid[k];
                double f = system.field(x)[eq];
                if (k > 0 && previous * f < 0) {
                    double root = brent.solve(100, b -> {
                        double[] y = new double[2];
                        y[fixedAxis] = a;
                        y[free] = b;
                        return system.field(y)[eq];
                    }, freeGrid[k - 1], freeGrid[k]);
                    double[] p = new double[2];
                    p[fixedAxis] = a;
                    p[free] = root;
                    points.add(p);
                }
                previous = f;
            }
        }
    }

    public VectorFieldGrid vectorField() {
        double[] gx = ranges.get(0).grid(ARROWS_PER_AXIS);
        double[] gy = system.dimension() == 2 ? ranges.get(1).grid(ARROWS_PER_AXIS) : new double[] {0};
        int n = gx.length * gy.length;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] u = new double[n];
        double[] v = new double[n];
        int k = 0;
        for (double a : gx) {
            for (double b : gy) {
                double[] f = system.field(system.dimension() == 2 ? new double[] {a, b} : new double[] {a});
                x[k] = a;
                y[k] = b;
                u[k] = f[0];
                v[k] = f.length > 1 ? f[1] : 0;
                k++;
            }
        }
        return new VectorFieldGrid(x, y, u, v);
    }

    private double[] initialState(Map<String, Double> start) {
        double[] x0 = new double[system.dimension()];
        for (int i = 0; i < x0.length; i++) {
            Double v = start.get(system.targets().get(i));
            if (v == null) {
                throw new AnalysisException("initial values " + start + " lack target variable '" + system.targets().get(i)
                        + "'; give a value for each of " + system.targets());
            }
            x0[i] = v;
        }
        for (String name : start.keySet()) {
            if (!system.targets().contains(name)) {
                throw new AnalysisException("initial value for '" + name + "', which is not a target variable "
                        + system.targets());
            }
        }
        return x0;
    }
}
