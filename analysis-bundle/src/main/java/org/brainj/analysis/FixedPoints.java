package org.brainj.analysis;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;

/**
 * Finds the fixed points of a subsystem inside the target ranges. One variable: every sign
 * change of {@code f} on a grid, refined by Hipparchus's bracketing Brent solver. Several:
 * every grid cell in which each component of {@code f} takes both signs at the corners (where
 * all nullclines cross) seeds Newton's method with the exact Jacobian, which converges to
 * machine precision; duplicates are merged. A fixed point that touches the grid only
 * tangentially (a fold exactly at the parameter value) can be missed; bifurcation analysis
 * follows branches by Newton from the previous parameter value as well.
 */
public final class FixedPoints {
    /** Grid points per axis for the cell search; Newton makes a finer grid unnecessary. */
    static final int[] CELLS_PER_AXIS = {4000, 100, 30};
    private static final int NEWTON_ITERATIONS = 60;

    private FixedPoints() {
    }

    public static List<FixedPoint> find(Subsystem system, List<VariableRange> ranges) {
        int n = system.dimension();
        if (ranges.size() != n) {
            throw new AnalysisException("give one range per target variable " + system.targets());
        }
        List<FixedPoint> found = new ArrayList<>();
        if (n == 1) {
            for (double root : roots1d(system, ranges.get(0))) {
                add(found, FixedPoint.at(system, new double[] {root}), ranges);
            }
            return found;
        }
        if (n > 3) {
            throw new AnalysisException("fixed points are searched for 1 to 3 target variables, not " + n
                    + "; fix the others (fixed_vars)");
        }
        for (double[] seed : cellSeeds(system, ranges)) {
            polish(system, seed, ranges).ifPresent(x -> add(found, FixedPoint.at(system, x), ranges));
        }
        return found;
    }

    /** Newton's method from {@code seed}; empty when it does not converge or leaves the ranges. */
    public static java.util.Optional<double[]> polish(Subsystem system, double[] seed, List<VariableRange> ranges) {
        double[] x = seed.clone();
        for (int k = 0; k < NEWTON_ITERATIONS; k++) {
            double[] f = system.field(x);
            double[] dx;
            try {
                dx = new LUDecomposition(MatrixUtils.createRealMatrix(system.jacobian(x)), 1e-14).getSolver()
                        .solve(MatrixUtils.createRealVector(f)).toArray();
            } catch (MathRuntimeException singular) {
                return java.util.Optional.empty();
            }
            double step = 0;
            for (int i = 0; i < x.length; i++) {
                x[i] -= dx[i];
                if (!Double.isFinite(x[i]) || !ranges.get(i).contains(x[i], 0.5)) {
                    return java.util.Optional.empty();
                }
                step = Math.max(step, Math.abs(dx[i]) / ranges.get(i).width());
            }
            if (step < 1e-13) {
                for (int i = 0; i < x.length; i++) {
                    if (!ranges.get(i).contains(x[i], 1e-9)) {
                        return java.util.Optional.empty();
                    }
                }
                return java.util.Optional.of(x);
            }
        }
        return java.util.Optional.empty();
    }

    private static void add(List<FixedPoint> found, FixedPoint p, List<VariableRange> ranges) {
        for (FixedPoint q : found) {
            if (close(p.values(), q.values(), ranges)) {
                return;
            }
        }
        found.add(p);
    }

    static boolean close(double[] a, double[] b, List<VariableRange> ranges) {
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > 1e-7 * ranges.get(i).width()) {
                return false;
            }
        }
        return true;
    }

    private static List<Double> roots1d(Subsystem system, VariableRange range) {
        double[] grid = range.grid(CELLS_PER_AXIS[0]);
        double[] f = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            f[i] = system.field(new double[] {grid[i]})[0];
        }
        BracketingNthOrderBrentSolver brent = new BracketingNthOrderBrentSolver(1e-14, 1e-15, 1e-300, 5);
        List<Double> roots = new ArrayList<>();
        for (int i = 0; i + 1 < grid.length; i++) {
            if (f[i] == 0) {
                roots.add(grid[i]);
            } else if (f[i] * f[i + 1] < 0) {
                roots.add(brent.solve(200, x -> system.field(new double[] {x})[0], grid[i], grid[i + 1]));
            }
        }
        if (f[grid.length - 1] == 0) {
            roots.add(grid[grid.length - 1]);
        }
        return roots;
    }

    /** The centres of the grid cells in which every component of f changes sign (or is zero). */
    private static List<double[]> cellSeeds(Subsystem system, List<VariableRange> ranges) {
        int n = ranges.size();
        int per = CELLS_PER_AXIS[n - 1];
        double[][] axes = new double[n][];
        for (int i = 0; i < n; i++) {
            axes[i] = ranges.get(i).grid(per);
        }
        int nodes = (int) Math.pow(per, n);
        double[][] f = new double[nodes][];
        int[] idx = new int[n];
        for (int k = 0; k < nodes; k++) {
            unflatten(k, per, idx);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = axes[i][idx[i]];
            }
            f[k] = system.field(x);
        }
        List<double[]> seeds = new ArrayList<>();
        int corners = 1 << n;
        for (int k = 0; k < nodes; k++) {
            unflatten(k, per, idx);
            boolean inside = true;
            for (int i = 0; i < n; i++) {
                inside &= idx[i] + 1 < per;
            }
            if (!inside) {
                continue;
            }
            boolean allCross = true;
            for (int comp = 0; comp < n && allCross; comp++) {
                boolean neg = false;
                boolean pos = false;
                for (int c = 0; c < corners; c++) {
                    int flat = 0;
                    for (int i = n - 1; i >= 0; i--) {
                        flat = flat * per + idx[i] + ((c >> i) & 1);
                    }
                    double v = f[flat][comp];
                    neg |= v <= 0;
                    pos |= v >= 0;
                }
                allCross = neg && pos;
            }
            if (allCross) {
                double[] centre = new double[n];
                for (int i = 0; i < n; i++) {
                    centre[i] = (axes[i][idx[i]] + axes[i][idx[i] + 1]) / 2;
                }
                seeds.add(centre);
            }
        }
        return seeds;
    }

    private static void unflatten(int k, int per, int[] idx) {
        for (int i = 0; i < idx.length; i++) {
            idx[i] = k % per;
            k /= per;
        }
    }
}
