package org.brainj.api.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.brainj.api.BrainJException;

/**
 * One analysis of unitless equations (BrainPy's style), with the reference's arguments.
 *
 * @param kind         what to do
 * @param equations    the model's equations, Brian2-style text
 * @param targetVars   the analysed variables and their ranges ({@code {min, max}}), in order
 * @param targetPars   bifurcation: one or two parameters with ranges; fast-slow: the slow variables with ranges
 * @param values       every other name's value: parameters ({@code pars_update}) and fixed variables ({@code fixed_vars})
 * @param resolution   the step of the grids (nullclines, parameter sweeps)
 * @param trajectories initial values of trajectories (phase plane: of the targets; fast-slow: of all variables)
 * @param duration     how long trajectories run, and the transient before a limit cycle is timed
 * @param dt           the integration step of trajectories and limit cycles
 */
public record AnalysisJob(Kind kind, String equations, Map<String, double[]> targetVars, Map<String, double[]> targetPars,
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

    public AnalysisJob {
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
