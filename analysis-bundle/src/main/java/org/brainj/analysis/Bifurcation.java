package org.brainj.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;

/**
 * Bifurcation analysis over one or two parameters, as the reference's {@code Bifurcation}: the
 * fixed points and their stability along the parameters, the special points where stability
 * changes, and (codimension 1) the extrema of the limit cycles found by simulation.
 *
 * <p>Branches are followed by continuation: Newton's method from each fixed point of the
 * previous parameter value, with a full grid search every {@link #GRID_SEARCH_EVERY} values to
 * pick up branches that appear. A branch that ends (Newton from its last point lands on the
 * other side of {@code det J = 0}, or nowhere) ends in a <em>saddle-node</em>, located by
 * bisection in the parameter; a sign change of the real part of a complex eigenvalue pair is a
 * <em>Hopf</em> point, located by Brent's method on that real part.
 *
 * @param system     the target variables' equations, parameters at their base values
 * @param variables  the ranges of the target variables
 * @param parameters one or two parameters with ranges
 * @param resolution the parameter step
 * @param simulation how limit cycles are looked for (null: not at all)
 */
public record Bifurcation(Subsystem system, List<VariableRange> variables, List<VariableRange> parameters,
                          double resolution, Simulation simulation) {
    static final int GRID_SEARCH_EVERY = 5;
    /** How close to singular (relative to Hadamard's bound) the Jacobian at a branch's end must be to call it a fold. */
    static final double SINGULAR = 1e-4;
    /** Parameter values at which limit cycles are looked for along a codimension-1 diagram. */
    static final int CYCLE_SAMPLES = 60;
    /** The largest move of a branch between neighbouring parameter values, as a fraction of each variable's range. */
    static final double MAX_CONTINUATION_STEP = 0.05;

    public Bifurcation {
        variables = List.copyOf(variables);
        parameters = List.copyOf(parameters);
        if (parameters.isEmpty() || parameters.size() > 2) {
            throw new AnalysisException("bifurcation analysis takes one or two target parameters, got " + parameters.size());
        }
        for (VariableRange p : parameters) {
            system.value(p.name());
        }
        if (variables.size() != system.dimension()) {
            throw new AnalysisException("give one range per target variable " + system.targets());
        }
    }

    /** Limit cycles by simulation: integrate {@code duration} (transient, then as long to time it) at step {@code dt}. */
    public record Simulation(double duration, double dt) {
    }

    /** A fixed point at parameter values {@code parameters}. */
    public record BranchPoint(double[] parameters, FixedPoint point) {
    }

    /** {@code kind} is {@code "hopf"} or {@code "saddle-node"}; {@code values} the fixed point there. */
    public record SpecialPoint(String kind, double[] parameters, double[] values) {
    }

    /** A limit cycle at parameter value {@code parameter}. */
    public record CycleExtrema(double parameter, double period, double[] min, double[] max) {
    }

    public record Result(List<String> parameterNames, List<BranchPoint> points, List<SpecialPoint> special,
                         List<CycleExtrema> cycles) {
    }

    public Result analyze() {
        if (parameters.size() == 1) {
            return codim1(system, parameters.get(0), new double[0], simulation);
        }
        VariableRange outer = parameters.get(0);
        List<BranchPoint> points = new ArrayList<>();
        List<SpecialPoint> special = new ArrayList<>();
        for (double p1 : outer.grid(resolution, 20)) {
            Result r = codim1(system.with(outer.name(), p1), parameters.get(1), new double[] {p1}, null);
            points.addAll(r.points());
            special.addAll(r.special());
        }
        return new Result(parameters.stream().map(VariableRange::name).toList(), points, special, List.of());
    }

    private Result codim1(Subsystem base, VariableRange parameter, double[] prefix, Simulation cycles) {
        double[] ps = parameter.grid(resolution, 50);
        List<BranchPoint> points = new ArrayList<>();
        List<SpecialPoint> special = new ArrayList<>();
        List<CycleExtrema> extrema = new ArrayList<>();
        sweep(base, parameter, ps, prefix, points, special);
        // branches that appear going up end going down: the reverse sweep finds their folds
        double[] reversed = new double[ps.length];
        for (int k = 0; k < ps.length; k++) {
            reversed[k] = ps[ps.length - 1 - k];
        }
        sweep(base, parameter, reversed, prefix, new ArrayList<>(), special);
        if (cycles != null && base.dimension() == 2) {
            int every = Math.max(1, ps.length / CYCLE_SAMPLES);
            for (int k = 0; k < points.size(); k++) {
                BranchPoint bp = points.get(k);
                double p = bp.parameters()[prefix.length];
                int index = (int) Math.round((p - parameter.min()) / (ps[1] - ps[0]));
                FixedPoint fp = bp.point();
                if (index % every == 0 && !fp.type().isStable() && fp.determinant() > 0) {
                    double[] x0 = fp.values().clone();
                    x0[0] += 1e-3 * variables.get(0).width();
                    LimitCycle.find(base.with(parameter.name(), p), x0, cycles.duration(), cycles.dt(), "rk4")
                            .ifPresent(c -> extrema.add(new CycleExtrema(p, c.period(), c.min(), c.max())));
                }
            }
        }
        special.sort(java.util.Comparator.comparingDouble(sp -> sp.parameters()[prefix.length]));
        return new Result(List.of(parameter.name()), points, special, extrema);
    }

    /** Follows the branches through the parameter values {@code ps} in the order given. */
    private void sweep(Subsystem base, VariableRange parameter, double[] ps, double[] prefix, List<BranchPoint> points,
                       List<SpecialPoint> special) {
        List<FixedPoint> previous = List.of();
        for (int k = 0; k < ps.length; k++) {
            double p = ps[k];
            Subsystem at = base.with(parameter.name(), p);
            List<FixedPoint> current = new ArrayList<>();
            for (FixedPoint q : previous) {
                Optional<FixedPoint> r = continued(at, q);
                if (r.isPresent()) {
                    merge(current, r.get());
                    if (q.oscillatoryGrowth() * r.get().oscillatoryGrowth() < 0) {
                        addOnce(special, parameter, hopf(base, parameter, ps[k - 1], p, q, prefix));
                    }
                } else {
                    addOnce(special, parameter, fold(base, parameter, ps[k - 1], p, q, prefix));
                }
            }
            if (k % GRID_SEARCH_EVERY == 0 || k == ps.length - 1 || current.isEmpty()) {
                FixedPoints.find(at, variables).forEach(fp -> merge(current, fp));
            }
            for (FixedPoint fp : current) {
                points.add(new BranchPoint(concat(prefix, p), fp));
            }
            previous = current;
        }
    }

    /**
     * The point of {@code q}'s branch at the parameter values of {@code at}: Newton from {@code q},
     * accepted when it stays near (Newton can jump to another branch) and on the same side of
     * {@code det J = 0}.
     */
    private Optional<FixedPoint> continued(Subsystem at, FixedPoint q) {
        return FixedPoints.polish(at, q.values(), variables).map(x -> FixedPoint.at(at, x))
                .filter(r -> sameSide(q, r) && near(q.values(), r.values()));
    }

    private boolean near(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > MAX_CONTINUATION_STEP * variables.get(i).width()) {
                return false;
            }
        }
        return true;
    }

    private void merge(List<FixedPoint> current, FixedPoint p) {
        for (FixedPoint q : current) {
            if (FixedPoints.close(p.values(), q.values(), variables)) {
                return;
            }
        }
        current.add(p);
    }

    /** Adds {@code s} unless the same kind was found at the same parameter (to a millionth of its range). */
    private static void addOnce(List<SpecialPoint> special, VariableRange parameter, Optional<SpecialPoint> s) {
        s.ifPresent(p -> {
            for (SpecialPoint q : special) {
                if (q.kind().equals(p.kind()) && Math.abs(q.parameters()[q.parameters().length - 1]
                        - p.parameters()[p.parameters().length - 1]) < 1e-6 * parameter.width()) {
                    return;
                }
            }
            special.add(p);
        });
    }

    /** Whether {@code |det J|} is tiny against Hadamard's bound, the product of the row lengths. */
    private static boolean nearlySingular(double[][] jacobian, double det) {
        double bound = 1;
        for (double[] row : jacobian) {
            double sum = 0;
            for (double v : row) {
                sum += v * v;
            }
            bound *= Math.sqrt(sum);
        }
        return Math.abs(det) <= SINGULAR * bound;
    }

    /** Whether a continued point is on the same branch: the determinant kept its sign. */
    private static boolean sameSide(FixedPoint before, FixedPoint after) {
        return Math.signum(before.determinant()) == Math.signum(after.determinant());
    }

    /** The parameter where the branch of {@code q} (alive at {@code lo}, gone at {@code hi}) folds. */
    private Optional<SpecialPoint> fold(Subsystem base, VariableRange parameter, double lo, double hi, FixedPoint q,
                                        double[] prefix) {
        FixedPoint alive = q;
        double a = lo;
        double b = hi;
        for (int k = 0; k < 60; k++) {
            double mid = (a + b) / 2;
            Optional<FixedPoint> r = continued(base.with(parameter.name(), mid), alive);
            if (r.isPresent()) {
                alive = r.get();
                a = mid;
            } else {
                b = mid;
            }
        }
        if (!nearlySingular(base.with(parameter.name(), a).jacobian(alive.values()), alive.determinant())) {
            return Optional.empty(); // det J stayed away from 0: the branch left the variable ranges, no fold
        }
        return Optional.of(new SpecialPoint("saddle-node", concat(prefix, a), alive.values()));
    }

    private Optional<SpecialPoint> hopf(Subsystem base, VariableRange parameter, double lo, double hi, FixedPoint q,
                                        double[] prefix) {
        double[] seed = q.values();
        java.util.function.DoubleFunction<Optional<FixedPoint>> at = p -> {
            Subsystem s = base.with(parameter.name(), p);
            return FixedPoints.polish(s, seed, variables).map(x -> FixedPoint.at(s, x));
        };
        try {
            double p = new BracketingNthOrderBrentSolver(1e-13, 5).solve(200,
                    x -> at.apply(x).map(FixedPoint::oscillatoryGrowth).orElse(Double.NaN), lo, hi);
            return at.apply(p).map(fp -> new SpecialPoint("hopf", concat(prefix, p), fp.values()));
        } catch (org.hipparchus.exception.MathRuntimeException notBracketed) {
            return Optional.empty();
        }
    }

    private static double[] concat(double[] prefix, double p) {
        double[] out = java.util.Arrays.copyOf(prefix, prefix.length + 1);
        out[prefix.length] = p;
        return out;
    }
}
