package org.brainj.api.integrate;

import java.util.ArrayList;
import java.util.List;
import org.brainj.api.BrainJException;
import org.brainj.api.random.Philox;
import org.brainj.api.random.RandomKey;

/**
 * Stand-alone SDE integration of a few variables, as the reference's {@code bp.sdeint}: drift
 * and diffusion, a method by name, Itô or Stratonovich, scalar or vector Wiener noise. Noise
 * is counter-based: step {@code k} of element {@code e} draws its normals from Philox under
 * {@code (seed, stream + index, k)} at index {@code e}, exactly as element {@code e} of a
 * population's step program, so runs are reproducible and the two agree. Immutable.
 */
public final class Sdeint {
    /** The reference's default SDE method. */
    public static final String REFERENCE_DEFAULT_METHOD = "euler";
    private static volatile String defaultMethod = REFERENCE_DEFAULT_METHOD;

    private final VectorField<Double> field;
    private final WienerType wiener;
    private final SdeMethod method;
    private final SdeType type;
    private final long seed;
    private final int stream;
    private final int element;

    private Sdeint(VectorField<Double> field, WienerType wiener, SdeMethod method, SdeType type, long seed, int stream,
                   int element) {
        if (wiener == WienerType.SCALAR && field.noiseCount() != 1) {
            throw new BrainJException("scalar Wiener noise means one Wiener process, but the system has "
                    + field.noiseCount() + "; declare it as vector Wiener noise");
        }
        this.field = field;
        this.wiener = wiener;
        this.method = method;
        this.type = type;
        this.seed = seed;
        this.stream = stream;
        this.element = element;
    }

    /** The reference's default for new SDE integrators. */
    public static void setDefaultMethod(String name) {
        SdeMethods.of(name);
        defaultMethod = name;
    }

    public static String defaultMethod() {
        return defaultMethod;
    }

    /** Itô SDE with one Wiener process: {@code g[i][0]} is variable {@code i}'s diffusion. */
    public static Sdeint scalar(List<String> variables, Derivatives f, Diffusion g) {
        return of(new LambdaField(variables, f, g, 1), WienerType.SCALAR);
    }

    /** Itô SDE with {@code wieners} Wiener processes: {@code g[i][j]}. */
    public static Sdeint vector(List<String> variables, int wieners, Derivatives f, Diffusion g) {
        return of(new LambdaField(variables, f, g, wieners), WienerType.VECTOR);
    }

    /**
     * Parsed equation text with noise terms ({@code xi}, {@code xi_1}, ...), with the given
     * parameter values: one noise term is scalar Wiener noise, several are vector noise.
     */
    public static Sdeint of(org.brainj.api.expr.Equations equations, java.util.Map<String, Double> parameters) {
        return of(DifferentialSystem.of(equations), parameters);
    }

    /** Equations given as expressions, with the given parameter values. */
    public static Sdeint of(DifferentialSystem system, java.util.Map<String, Double> parameters) {
        if (!system.isStochastic()) {
            throw new BrainJException("the equations of " + system.variables() + " have no noise term (xi); "
                    + "integrate them with Odeint");
        }
        return of(new InterpretedField(system, parameters), system.wienerType());
    }

    /** A system given in numbers (e.g. equations evaluated by the interpreter). */
    public static Sdeint of(VectorField<Double> field, WienerType wiener) {
        return new Sdeint(field, wiener, SdeMethods.of(defaultMethod), SdeType.ITO, 0, 0, 0);
    }

    public Sdeint method(String name) {
        return new Sdeint(field, wiener, SdeMethods.of(name), type, seed, stream, element);
    }

    /** The SDE's type; the method must support it. */
    public Sdeint type(SdeType sdeType) {
        return new Sdeint(field, wiener, method, sdeType, seed, stream, element);
    }

    public Sdeint seed(long newSeed) {
        return new Sdeint(field, wiener, method, type, newSeed, stream, element);
    }

    /** The first Philox stream of the draws; index {@code j} uses {@code stream + j}. */
    public Sdeint stream(int firstStream) {
        return new Sdeint(field, wiener, method, type, seed, firstStream, element);
    }

    /** Which element's (path's) draws to use: element {@code e} of a population, or path {@code e} of many. */
    public Sdeint element(int index) {
        return new Sdeint(field, wiener, method, type, seed, stream, index);
    }

    public String methodName() {
        return method.name();
    }

    /** How many standard normals one step draws (streams {@code stream .. stream + draws - 1}). */
    public int draws() {
        return method.scheme().draws(field.noiseCount());
    }

    /**
     * Step {@code step} (the counter of its draws) of size {@code dt} from {@code x} at {@code t}.
     * The method must support the SDE type and Wiener type (checked here, so that
     * {@code method(...)} and {@code type(...)} can be set in either order).
     */
    public double[] step(double t, double[] x, double dt, long step) {
        method.check(type, wiener);
        if (x.length != field.variables().size()) {
            throw new BrainJException("state has " + x.length + " values but the system has variables "
                    + field.variables());
        }
        Noise<Double> noise = j -> Philox.normal(new RandomKey(seed, stream + j, step), element);
        double[] next = LambdaField.unbox(method.scheme().step(Numbers.INSTANCE, field, t, LambdaField.box(x), dt,
                noise, type));
        for (int i = 0; i < next.length; i++) {
            if (!Double.isFinite(next[i])) {
                throw new NumericalInstabilityException(field.variables().get(i), t + dt, next[i], method.name(), dt);
            }
        }
        return next;
    }

    /** Fixed steps {@code k = 0, 1, ...} of {@code dt} from {@code x0} at {@code t0} until {@code t1}. */
    public Trajectory integrate(double[] x0, double t0, double t1, double dt) {
        if (!(dt > 0) || !(t1 > t0)) {
            throw new BrainJException("integrate needs dt > 0 and t1 > t0, got dt = " + dt + ", [" + t0 + ", " + t1
                    + "]");
        }
        long n = (long) Math.ceil((t1 - t0) / dt - 1e-9);
        List<double[]> states = new ArrayList<>();
        double[] times = new double[(int) n + 1];
        states.add(x0.clone());
        times[0] = t0;
        double[] x = x0.clone();
        for (long k = 0; k < n; k++) {
            x = step(t0 + k * dt, x, dt, k);
            times[(int) k + 1] = t0 + (k + 1) * dt;
            states.add(x);
        }
        return new Trajectory(field.variables(), times, states.toArray(double[][]::new));
    }
}
