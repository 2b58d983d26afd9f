package org.brainj.launcher.spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.brainj.api.BrainJException;
import org.brainj.api.analysis.AnalysisJob;
import org.brainj.api.expr.Equations;
import org.brainj.api.units.PhysicalUnits;

/**
 * An analysis spec file ({@code brainj analyze}): the reference's {@code PhasePlane},
 * {@code Bifurcation} and {@code FastSlowBifurcation} arguments as YAML keys, checked here so
 * each mistake is reported at its file:line:key.
 *
 * <pre>
 * analysis: phase_plane            # or bifurcation, fast_slow
 * equations: |                     # unitless, BrainPy's style
 *   dV/dt = V - V*V*V/3 - w + Iext : 1
 *   dw/dt = (V + a - b*w) / tau : 1
 * parameters: {a: 0.7, b: 0.8, tau: 12.5, Iext: 0.8}   # pars_update
 * fixed_vars: {}                   # state variables held at a value
 * target_vars: {V: [-3, 3], w: [-3, 3]}
 * target_pars: {Iext: [0, 1]}      # bifurcation: parameters; fast_slow: the slow variables
 * resolution: 0.01
 * trajectories: [{V: -2.8, w: -1.8}]
 * duration: 100                    # trajectories, and the transient before timing a limit cycle
 * dt: 0.01
 * </pre>
 */
public final class AnalysisSpec {
    private AnalysisSpec() {
    }

    /** Reads {@code file} (named {@code shownAs} in messages) into a job. */
    public static AnalysisJob load(Path file, String shownAs) {
        SpecNode.Fields top = SpecLoader.parse(file, shownAs).fields("description", "analysis", "equations", "parameters",
                "fixed_vars", "target_vars", "target_pars", "resolution", "trajectories", "duration", "dt");
        SpecNode kindNode = top.required("analysis");
        AnalysisJob.Kind kind;
        try {
            kind = AnalysisJob.Kind.of(kindNode.text());
        } catch (BrainJException e) {
            throw kindNode.error(e.getMessage());
        }
        SpecNode eqNode = top.required("equations");
        Equations equations;
        try {
            equations = Equations.parse(eqNode.text());
        } catch (BrainJException e) {
            throw eqNode.error(e.getMessage());
        }
        List<String> states = equations.stateVariables();
        Map<String, Double> values = new LinkedHashMap<>();
        numbers(top.optional("parameters"), values);
        numbers(top.optional("fixed_vars"), values);
        SpecNode targetNode = top.required("target_vars");
        Map<String, double[]> targetVars = ranges(targetNode);
        for (Map.Entry<String, SpecNode> e : targetNode.mapping().entrySet()) {
            if (!states.contains(e.getKey())) {
                throw e.getValue().error("'" + e.getKey() + "' is not a state variable of the equations; name one of "
                        + String.join(", ", states));
            }
        }
        if (kind == AnalysisJob.Kind.PHASE_PLANE && targetVars.size() > 2) {
            throw targetNode.error("a phase plane has one or two target variables, got " + targetVars.size() + " ("
                    + String.join(", ", targetVars.keySet()) + "); keep two and give the others a value in fixed_vars");
        }
        SpecNode parsNode = top.optional("target_pars");
        Map<String, double[]> targetPars = parsNode == null ? Map.of() : ranges(parsNode);
        if (kind != AnalysisJob.Kind.PHASE_PLANE) {
            if (parsNode == null || targetPars.isEmpty() || targetPars.size() > 2) {
                throw (parsNode == null ? top.owner() : parsNode).error(kind.label() + " needs one or two target_pars with"
                        + " ranges (" + (kind == AnalysisJob.Kind.BIFURCATION ? "parameters" : "slow variables")
                        + "), e.g. 'target_pars: {Iext: [0, 1]}'");
            }
            for (Map.Entry<String, SpecNode> e : parsNode.mapping().entrySet()) {
                boolean state = states.contains(e.getKey());
                if (kind == AnalysisJob.Kind.FAST_SLOW && !state) {
                    throw e.getValue().error("'" + e.getKey() + "' is not a state variable; fast_slow's target_pars are"
                            + " the slow variables, among " + String.join(", ", states));
                }
                if (kind == AnalysisJob.Kind.BIFURCATION && !equations.externals().contains(e.getKey())) {
                    throw e.getValue().error("'" + e.getKey() + "' is not a parameter of the equations; name one of "
                            + String.join(", ", equations.externals()));
                }
            }
        }
        Set<String> needed = new LinkedHashSet<>(equations.externals());
        needed.addAll(states);
        needed.removeAll(targetVars.keySet());
        needed.removeAll(targetPars.keySet());
        needed.removeAll(values.keySet());
        if (!needed.isEmpty()) {
            throw top.owner().error("no value for " + String.join(", ", needed) + "; give parameters under 'parameters:'"
                    + " and state variables that are not analysed under 'fixed_vars:'");
        }
        List<Map<String, Double>> trajectories = new ArrayList<>();
        SpecNode trajNode = top.optional("trajectories");
        if (trajNode != null) {
            for (SpecNode t : trajNode.sequence()) {
                Map<String, Double> start = new LinkedHashMap<>();
                numbers(t, start);
                trajectories.add(start);
            }
        }
        try {
            return new AnalysisJob(kind, eqNode.text(), targetVars, targetPars, values,
                    positive(top, "resolution", 0.01), trajectories, positive(top, "duration", 100), positive(top, "dt", 0.01));
        } catch (BrainJException e) {
            throw top.owner().error(e.getMessage());
        }
    }

    private static void numbers(SpecNode node, Map<String, Double> into) {
        if (node == null) {
            return;
        }
        node.mapping().forEach((name, v) -> into.put(name, number(v)));
    }

    private static double number(SpecNode v) {
        return v.quantity(PhysicalUnits.ONE, "a plain number");
    }

    private static double positive(SpecNode.Fields top, String key, double otherwise) {
        SpecNode v = top.optional(key);
        if (v == null) {
            return otherwise;
        }
        double x = number(v);
        if (!(x > 0)) {
            throw v.error(key + " is " + v.text() + "; give a positive number");
        }
        return x;
    }

    /** {@code name: [min, max]} entries, each with min < max. */
    private static Map<String, double[]> ranges(SpecNode node) {
        Map<String, double[]> out = new LinkedHashMap<>();
        node.mapping().forEach((name, v) -> {
            List<SpecNode> bounds = v.sequence();
            if (bounds.size() != 2) {
                throw v.error("a range is [min, max], got " + bounds.size() + " numbers");
            }
            double min = number(bounds.get(0));
            double max = number(bounds.get(1));
            if (!(min < max)) {
                throw v.error("the range [" + bounds.get(0).text() + ", " + bounds.get(1).text() + "] has min >= max;"
                        + " give [min, max] with min < max");
            }
            out.put(name, new double[] {min, max});
        });
        return out;
    }
}
