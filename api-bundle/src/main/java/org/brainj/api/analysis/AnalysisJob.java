package org.brainj.api.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.brainj.api.BrainJException;
import org.brainj.api.expr.Equations;
import org.brainj.api.integrate.DifferentialSystem;

/**
 * One analysis of a model's differential equations, with the reference's arguments: from
 * unitless equations as BrainPy writes them (see the text constructor), from equations with
 * units checked by {@link org.brainj.api.model.NeuronText}, or from a registered model; with
 * units, the numbers (values, ranges, times) are in the {@link org.brainj.api.units.Coherent} system.
 *
 * @param kind         what to do
 * @param system       the model's differential equations (unit names and constants already numbers)
 * @param units        the unit of each variable and parameter as text ({@code mV}), empty for unitless equations
 * @param targetVars   the analysed variables and their ranges ({@code {min, max}}), in order
 * @param targetPars   bifurcation: one or two parameters with ranges; fast-slow: the slow variables with ranges
 * @param values       every other name's value: parameters ({@code pars_update}) and fixed variables ({@code fixed_vars})
 * @param resolution   the step of the grids (nullclines, parameter sweeps)
 * @param trajectories initial values of trajectories (phase plane: of the targets; fast-slow: of all variables)
 * @param duration     how long trajectories run, and the transient before a limit cycle is timed
 * @param dt           the integration step of trajectories and limit cycles
 */
public record AnalysisJob(Kind kind, DifferentialSystem system, Map<String, String> units, Map<String, double[]> targetVars, Map<String, double[]> targetPars,
                          Map<String, Double> values, double resolution, List<Map<String, Double>> trajectories,
                          double duration, double dt) {
    /** The reference's three analyses. */
    public enum Kind {
        PHASE_PLANE("phase_plane"), BIFURCATION("bifurcation"), FAST_SLOW("fast_slow");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The kind named {@code label}; the error lists the known ones. */
        public static Kind of(String label) {
            for (Kind k : values()) {
                if (k.label.equals(label)) {
                    return k;
                }
            }
            throw new BrainJException("unknown analysis '" + label + "'; the analyses are phase_plane, bifurcation, fast_slow");
        }
    }

    /**
     * A job on unitless equations written as text, BrainPy's style ({@code dV/dt = V - V*V*V/3 - w + Iext : 1}):
     * every name the text reads must be a variable, a key of {@code values} or of {@code targetPars}.
     */
    public AnalysisJob(Kind kind, String equations, Map<String, double[]> targetVars, Map<String, double[]> targetPars,
                       Map<String, Double> values, double resolution, List<Map<String, Double>> trajectories,
                       double duration, double dt) {
        this(kind, unitless(equations, values, targetPars), Map.of(), targetVars, targetPars, values, resolution,
                trajectories, duration, dt);
    }

    private static DifferentialSystem unitless(String text, Map<String, Double> values, Map<String, double[]> targetPars) {
        Set<String> named = new LinkedHashSet<>(values.keySet());
        named.addAll(targetPars.keySet());
        return DifferentialSystem.of(Equations.parse(text).checkUnitless(named));
    }

    public AnalysisJob {
        units = Map.copyOf(units);
        targetVars = Collections.unmodifiableMap(new LinkedHashMap<>(targetVars));
        targetPars = Collections.unmodifiableMap(new LinkedHashMap<>(targetPars));
        values = Map.copyOf(values);
        trajectories = List.copyOf(trajectories);
        if (!(resolution > 0) || !(duration > 0) || !(dt > 0)) {
            throw new BrainJException("resolution, duration and dt must be positive; got " + resolution + ", " + duration
                    + ", " + dt);
        }
    }
}
