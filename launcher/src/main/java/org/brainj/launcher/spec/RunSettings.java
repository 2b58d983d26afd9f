package org.brainj.launcher.spec;

import org.brainj.api.sim.MemoryPlan;
import org.brainj.api.sim.RunTooLargeException;
import org.brainj.api.sim.WholeSteps;
import org.brainj.api.tensor.DType;

/**
 * How a spec runs: duration and dt in ms, the seed, the backend's name and the float type.
 * The command line's options override the spec's {@code run:} section.
 */
public record RunSettings(double duration, double dt, long seed, String backend, DType precision) {
    public static final double DEFAULT_DT = 0.1;
    public static final String DEFAULT_BACKEND = "cpu";

    /** What the command line gives; null where it gives nothing. Times in ms. */
    public record Overrides(Double duration, Double dt, Long seed, String backend) {
        public static final Overrides NONE = new Overrides(null, null, null, null);
    }

    /** The number of steps of a run. */
    public long steps() {
        return Math.round(duration / dt);
    }

    static RunSettings read(SpecNode run, Overrides o, Where top) {
        SpecNode.Fields f = run == null ? null : run.fields("duration", "dt", "seed", "backend", "precision");
        Double duration = o.duration();
        if (duration == null) {
            if (f == null || !f.has("duration")) {
                throw new SpecException(top.child("run.duration", top.line()),
                        "missing; add 'run: {duration: 1 s}' to the spec or give --duration");
            }
            duration = f.optional("duration").time();
        }
        double dt = o.dt() != null ? o.dt() : f != null && f.has("dt") ? f.optional("dt").time() : DEFAULT_DT;
        if (!(dt > 0)) {
            throw f != null && f.has("dt") && o.dt() == null ? f.optional("dt").error("dt must be > 0")
                    : new SpecException(top, "dt must be > 0");
        }
        if (!(duration > 0)) {
            throw f != null && f.has("duration") && o.duration() == null
                    ? f.optional("duration").error("the duration must be > 0") : new SpecException(top, "the duration must be > 0");
        }
        if (dt > duration) {
            throw new SpecException(f != null && f.has("dt") && o.dt() == null ? f.optional("dt").where() : top,
                    "dt = " + SpecLoader.ms(dt) + " ms is longer than the duration " + SpecLoader.ms(duration)
                            + " ms; give a smaller dt (e.g. 0.1 ms) or a longer duration");
        }
        try {
            MemoryPlan.steps(duration, dt);
        } catch (RunTooLargeException e) {
            boolean spec = f != null && o.duration() == null && f.has("duration");
            throw new SpecException(spec ? f.optional("duration").where() : top,
                    e.getMessage() + (spec ? "" : " (--duration and --dt)"));
        }
        if (!WholeSteps.isWhole(duration, dt)) {
            throw new SpecException(f != null && f.has("duration") ? f.optional("duration").where() : top,
                    "the duration " + SpecLoader.ms(duration) + " ms is not a whole number of steps of dt = " + SpecLoader.ms(dt) + " ms; make it a multiple of dt");
        }
        long seed = o.seed() != null ? o.seed() : f != null && f.has("seed") ? f.optional("seed").integer() : 0;
        String backend = o.backend() != null ? o.backend() : f != null && f.has("backend") ? f.optional("backend").text() : DEFAULT_BACKEND;
        DType precision = DType.FLOAT64;
        if (f != null && f.has("precision")) {
            SpecNode p = f.optional("precision");
            precision = switch (p.text()) {
                case "float64", "double" -> DType.FLOAT64;
                case "float32", "single" -> DType.FLOAT32;
                default -> throw p.error("unknown precision '" + p.text() + "'; give float64 or float32");
            };
        }
        return new RunSettings(duration, dt, seed, backend, precision);
    }
}
