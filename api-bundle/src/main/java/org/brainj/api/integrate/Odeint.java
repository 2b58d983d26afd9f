package org.brainj.api.integrate;

import java.util.ArrayList;
import java.util.List;
import org.brainj.api.BrainJException;

/**
 * Stand-alone ODE integration of a few variables, as the reference's {@code bp.odeint}: pick a
 * method by name, then {@link #step} (fixed {@code dt}), {@link #adaptiveStep} (embedded pairs
 * with {@code adaptive} on) or {@link #integrate} a whole trajectory. Immutable; the
 * {@code method}/{@code adaptive} calls return a new integrator.
 */
public final class Odeint {
    /** The reference's default ODE method. */
    public static final String REFERENCE_DEFAULT_METHOD = "euler";
    private static volatile String defaultMethod = REFERENCE_DEFAULT_METHOD;

    private final VectorField<Double> field;
    private final OdeScheme scheme;
    private final StepSizeControl control;
    private final List<StepHandler> stepHandlers;
    private final List<EventDetector> eventDetectors;

    private Odeint(VectorField<Double> field, OdeScheme scheme, StepSizeControl control) {
        this(field, scheme, control, List.of(), List.of());
    }

    private Odeint(VectorField<Double> field, OdeScheme scheme, StepSizeControl control,
                   List<StepHandler> stepHandlers, List<EventDetector> eventDetectors) {
        this.field = field;
        this.scheme = scheme;
        this.control = control;
        this.stepHandlers = List.copyOf(stepHandlers);
        this.eventDetectors = List.copyOf(eventDetectors);
    }

    /** The reference's {@code set_default_odeint}: the method of integrators made from now on. */
    public static void setDefaultMethod(String name) {
        OdeMethods.of(name);
        defaultMethod = name;
    }

    public static String defaultMethod() {
        return defaultMethod;
    }

    /** Integrates {@code variables} whose derivatives {@code f} computes, with the default method. */
    public static Odeint of(List<String> variables, Derivatives f) {
        return of(new LambdaField(variables, f, null, 0));
    }

    /** Integrates parsed equation text (subexpressions substituted) with the given parameter values. */
    public static Odeint of(org.brainj.api.expr.Equations equations, java.util.Map<String, Double> parameters) {
        return of(DifferentialSystem.of(equations), parameters);
    }

    /** Integrates equations given as expressions with the given parameter values. */
    public static Odeint of(DifferentialSystem system, java.util.Map<String, Double> parameters) {
        if (system.isStochastic()) {
            throw new BrainJException("the equations of " + system.variables() + " have noise terms "
                    + system.noises() + "; integrate them with Sdeint (an ODE method would drop the noise)");
        }
        return of(new InterpretedField(system, parameters));
    }

    /** Integrates a system given in numbers, e.g. equations evaluated by the interpreter. */
    public static Odeint of(VectorField<Double> field) {
        return new Odeint(field, OdeMethods.of(defaultMethod), null);
    }

    /** The same system with the method called {@code name} (fixed step). */
    public Odeint method(String name) {
        return new Odeint(field, OdeMethods.of(name), null, stepHandlers, eventDetectors);
    }

    /** The same system with a {@link ButcherTableau} of one's own, e.g. {@code Tableaus.rk2(0.5)}. */
    public Odeint method(ButcherTableau tableau) {
        return new Odeint(field, new ExplicitRungeKutta(tableau), null, stepHandlers, eventDetectors);
    }

    /** Adaptive stepping with absolute local tolerance {@code tol}; only embedded pairs can. */
    public Odeint adaptive(double tol) {
        return adaptive(StepSizeControl.of(tol));
    }

    /** Adaptive stepping with absolute tolerance {@code atol} and relative tolerance {@code rtol}. */
    public Odeint adaptive(double atol, double rtol) {
        return adaptive(StepSizeControl.of(atol, rtol));
    }

    public Odeint adaptive(StepSizeControl stepControl) {
        embedded("adaptive stepping");
        return new Odeint(field, scheme, stepControl, stepHandlers, eventDetectors);
    }

    /** The same integrator, also showing every accepted step of {@link #integrate} to {@code handler}. */
    public Odeint withStepHandler(StepHandler handler) {
        List<StepHandler> all = new ArrayList<>(stepHandlers);
        all.add(java.util.Objects.requireNonNull(handler, "handler"));
        return new Odeint(field, scheme, control, all, eventDetectors);
    }

    /** The same integrator, also locating the events of {@code detector} during {@link #integrate}. */
    public Odeint withEventDetector(EventDetector detector) {
        List<EventDetector> all = new ArrayList<>(eventDetectors);
        all.add(java.util.Objects.requireNonNull(detector, "detector"));
        return new Odeint(field, scheme, control, stepHandlers, all);
    }

    public String methodName() {
        return scheme.name();
    }

    public boolean isAdaptive() {
        return control != null;
    }

    public List<String> variables() {
        return field.variables();
    }

    /** One fixed step of size {@code dt} from {@code x} at {@code t}. */
    public double[] step(double t, double[] x, double dt) {
        checkState(x);
        double[] next = LambdaField.unbox(scheme.step(Numbers.INSTANCE, field, t, LambdaField.box(x), dt));
        checkFinite(next, t + dt, dt);
        return next;
    }

    /**
     * One fixed step and its embedded error estimate {@code dt * sum (b - bHat) k} (per variable),
     * the estimate adaptive control uses.
     */
    public ExplicitRungeKutta.Result<Double> stepWithError(double t, double[] x, double dt) {
        ExplicitRungeKutta rk = embedded("an error estimate");
        return rk.stepWithError(Numbers.INSTANCE, field, t, LambdaField.box(x), dt, true);
    }

    /**
     * One accepted adaptive step, trying {@code dt} first and shrinking it until the error
     * estimate meets {@code tol}; returns the new state and the {@code dt} proposed next, as the
     * reference's adaptive call does.
     */
    public AdaptiveStep adaptiveStep(double t, double[] x, double dt) {
        if (control == null) {
            throw new UnsupportedMethodException("method '" + scheme.name() + "' was not made adaptive, so it takes no "
                    + "step-size control: call adaptive(tol) on an embedded pair (" + embeddedNames() + ") first");
        }
        checkState(x);
        ExplicitRungeKutta rk = (ExplicitRungeKutta) scheme;
        int order = rk.tableau().embeddedOrder();
        double h = dt;
        for (int rejected = 0; ; rejected++) {
            ExplicitRungeKutta.Result<Double> r = rk.stepWithError(Numbers.INSTANCE, field, t, LambdaField.box(x), h,
                    true);
            double[] next = LambdaField.unbox(r.x());
            double ratio = control.errorRatio(r.error(), x, next);
            double proposal = control.nextForRatio(h, ratio, order);
            if (ratio <= 1) {
                double err = maxAbs(r.error());
                return new AdaptiveStep(next, t + h, h, err, proposal, rejected);
            }
            if (!(proposal > Math.ulp(t) * 16)) {
                checkFinite(next, t + h, h);
                throw new BrainJException("adaptive step size underflow at t = " + t + " (method " + scheme.name()
                        + ", tol " + control.tol() + ", rtol " + control.rtol()
                        + "): the problem is too stiff for this tolerance; loosen tol");
            }
            h = proposal;
        }
    }

    /**
     * The trajectory from {@code x0} at {@code t0} to {@code t1}: fixed steps of {@code dt} at
     * {@code t0 + k dt} (the last one ends at or past {@code t1}, as {@code arange} does), or
     * accepted adaptive steps starting with {@code dt}, the last one ending exactly at {@code t1}.
     */
    public Trajectory integrate(double[] x0, double t0, double t1, double dt) {
        if (!(dt > 0) || !(t1 > t0)) {
            throw new BrainJException("integrate needs dt > 0 and t1 > t0, got dt = " + dt + ", [" + t0 + ", " + t1
                    + "]");
        }
        List<Double> times = new ArrayList<>();
        List<double[]> states = new ArrayList<>();
        times.add(t0);
        states.add(x0.clone());
        double[] x = x0.clone();
        if (control == null) {
            long n = (long) Math.ceil((t1 - t0) / dt - 1e-9);
            for (long k = 0; k < n; k++) {
                double t = t0 + k * dt;
                double[] next = step(t, x, dt);
                double stop = afterStep(t, x, t0 + (k + 1) * dt, next);
                if (!Double.isNaN(stop)) {
                    times.add(stop);
                    states.add(stepTo(t, x, stop));
                    break;
                }
                x = next;
                times.add(t0 + (k + 1) * dt);
                states.add(x);
            }
        } else {
            double t = t0;
            double h = dt;
            while (t < t1) {
                boolean last = t + h >= t1;
                AdaptiveStep s = adaptiveStep(t, x, last ? t1 - t : h);
                double tNext = last && s.dt() == t1 - t ? t1 : s.t();
                double stop = afterStep(t, x, tNext, s.x());
                if (!Double.isNaN(stop)) {
                    times.add(stop);
                    states.add(stepTo(t, x, stop));
                    break;
                }
                x = s.x();
                t = tNext;
                h = s.dtNext();
                times.add(t);
                states.add(x);
            }
        }
        return new Trajectory(field.variables(), times.stream().mapToDouble(Double::doubleValue).toArray(),
                states.toArray(double[][]::new));
    }

    /**
     * Shows the accepted step to the step handlers and looks for events in it, in time order;
     * returns the time of an event that stops the integration, NaN when it goes on.
     */
    private double afterStep(double t0, double[] x0, double t1, double[] x1) {
        for (StepHandler handler : stepHandlers) {
            handler.handleStep(t0, x0.clone(), t1, x1.clone());
        }
        List<double[]> found = new ArrayList<>(); // {time, detector index}, located within this step
        for (int i = 0; i < eventDetectors.size(); i++) {
            double te = locate(eventDetectors.get(i), t0, x0, t1, x1);
            if (!Double.isNaN(te)) {
                found.add(new double[] {te, i});
            }
        }
        found.sort(java.util.Comparator.comparingDouble(f -> f[0]));
        for (double[] f : found) {
            EventDetector d = eventDetectors.get((int) f[1]);
            double[] at = stepTo(t0, x0, f[0]);
            boolean increasing = d.g(t0, x0) < d.g(t1, x1);
            if (d.eventOccurred(f[0], at.clone(), increasing) == EventDetector.Action.STOP) {
                return f[0];
            }
        }
        return Double.NaN;
    }

    /** The state at {@code t} in {@code [t0, t0 + step]}: one step of the method from {@code x0}, of size {@code t - t0}. */
    private double[] stepTo(double t0, double[] x0, double t) {
        return t == t0 ? x0.clone() : step(t0, x0, t - t0);
    }

    /**
     * The time of {@code d}'s event in the step, NaN if {@code g} does not change sign there in
     * the detector's direction: the Illinois variant of regula falsi, which keeps the root
     * bracketed and converges superlinearly (the API carries no numerics library of its own).
     */
    private double locate(EventDetector d, double t0, double[] x0, double t1, double[] x1) {
        double g0 = d.g(t0, x0);
        double g1 = d.g(t1, x1);
        boolean crosses = switch (d.direction()) {
            case INCREASING -> g0 < 0 && g1 >= 0;
            case DECREASING -> g0 > 0 && g1 <= 0;
            case BOTH -> (g0 < 0 && g1 >= 0) || (g0 > 0 && g1 <= 0);
        };
        if (!crosses) {
            return Double.NaN;
        }
        double a = t0;
        double b = t1;
        double ga = g0;
        double gb = g1;
        double tolerance = d.timeTolerance(t1 - t0);
        int side = 0;
        for (int k = 0; k < 100 && b - a > tolerance; k++) {
            double c = b - gb * (b - a) / (gb - ga);
            double gc = d.g(c, stepTo(t0, x0, c));
            if (gc == 0) {
                return c;
            }
            if ((gc > 0) == (gb > 0)) {
                b = c;
                gb = gc;
                if (side == 1) {
                    ga /= 2;
                }
                side = 1;
            } else {
                a = c;
                ga = gc;
                if (side == -1) {
                    gb /= 2;
                }
                side = -1;
            }
        }
        return b;
    }

    private ExplicitRungeKutta embedded(String what) {
        if (scheme instanceof ExplicitRungeKutta rk && rk.tableau().isEmbedded()) {
            return rk;
        }
        throw new UnsupportedMethodException("method '" + scheme.name() + "' has no embedded error estimate, so it "
                + "cannot give " + what + "; use one of the embedded pairs: " + embeddedNames());
    }

    private static String embeddedNames() {
        return String.join(", ", Tableaus.names().stream().filter(n -> Tableaus.of(n).isEmbedded()).toList());
    }

    private void checkState(double[] x) {
        if (x.length != field.variables().size()) {
            throw new BrainJException("state has " + x.length + " values but the system has variables "
                    + field.variables());
        }
    }

    private void checkFinite(double[] x, double t, double dt) {
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new NumericalInstabilityException(field.variables().get(i), t, x[i], scheme.name(), dt);
            }
        }
    }

    private static double maxAbs(List<Double> e) {
        double m = 0;
        for (double v : e) {
            if (Double.isNaN(v)) {
                return Double.NaN;
            }
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
