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
import javax.measure.Quantity;
import org.brainj.api.expr.Equations;
import org.brainj.api.model.CompiledNeuron;
import org.brainj.api.model.ModelTextException;
import org.brainj.api.model.NeuronText;
import org.brainj.api.units.Coherent;
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
 * The equations may have units, as a population's do ({@code dV/dt = (-gL*(V - EL) - ...)/C : mV},
 * parameters such as {@code gL: 2 nS}); the model is then checked by the API's
 * {@link org.brainj.api.model.NeuronText}, ranges, fixed values and trajectories take units
 * ({@code V: [-80 mV, 40 mV]}), {@code duration}/{@code dt} are times, and the analysis runs in
 * the {@link org.brainj.api.units.Coherent} system (ms, mV, nA, uS), which analysis.json names
 * under {@code units}; {@code resolution} may then carry the unit of what it steps.
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
            equations = Equations.parse(eqNode.source());
        } catch (BrainJException e) {
            throw eqNode.error(e.getMessage());
        }
        List<String> states = equations.stateVariables();
        SpecNode targetNode = top.required("target_vars");
        Map<String, Range> targetVars = ranges(targetNode);
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
        Map<String, Range> targetPars = parsNode == null ? Map.of() : ranges(parsNode);
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
        Map<String, SpecNode> fixedVars = mapping(top.optional("fixed_vars"));
        Set<String> needed = new LinkedHashSet<>(equations.externals());
        needed.addAll(states);
        needed.removeAll(targetVars.keySet());
        needed.removeAll(targetPars.keySet());
        needed.removeAll(mapping(top.optional("parameters")).keySet());
        needed.removeAll(fixedVars.keySet());
        needed.removeIf(name -> PhysicalUnits.inEquations(name).isPresent()); // 10*mV: a unit, not a parameter
        if (!needed.isEmpty()) {
            throw top.owner().error("no value for " + String.join(", ", needed) + "; give parameters under 'parameters:'"
                    + " and state variables that are not analysed under 'fixed_vars:'");
        }
        CompiledNeuron model = model(top, kind, targetPars);
        Map<String, Double> values = new LinkedHashMap<>(model.parameters());
        values.keySet().removeAll(targetPars.keySet());
        fixedVars.forEach((name, v) -> values.put(name, value(model, name, v)));
        List<Map<String, Double>> trajectories = new ArrayList<>();
        SpecNode trajNode = top.optional("trajectories");
        if (trajNode != null) {
            for (SpecNode t : trajNode.sequence()) {
                Map<String, Double> start = new LinkedHashMap<>();
                t.mapping().forEach((name, v) -> start.put(name, value(model, name, v)));
                trajectories.add(start);
            }
        }
        Map<String, String> units = new LinkedHashMap<>();
        if (!model.unitless()) {
            model.units().forEach((name, unit) -> units.put(name, Coherent.label(unit)));
        }
        Map<String, double[]> varRanges = bounds(model, targetVars);
        Map<String, double[]> parRanges = bounds(model, targetPars);
        double resolution = positive(top, "resolution", 0.01, model, false);
        double duration = positive(top, "duration", 100, model, true);
        double dt = positive(top, "dt", 0.01, model, true);
        try {
            return new AnalysisJob(kind, model.equations(), units, varRanges, parRanges, values, resolution, trajectories,
                    duration, dt);
        } catch (BrainJException e) {
            throw top.owner().error(e.getMessage());
        }
    }

    /**
     * The equations checked by the API's model language, with the parameters and, for a
     * bifurcation, each swept parameter at the middle of its range (the analysis moves it).
     */
    private static CompiledNeuron model(SpecNode.Fields top, AnalysisJob.Kind kind, Map<String, Range> targetPars) {
        NeuronText text = NeuronText.of(top.required("equations").source());
        Map<String, SpecNode> parameters = mapping(top.optional("parameters"));
        parameters.forEach((name, v) -> text.parameter(name, v.quantity()));
        if (kind == AnalysisJob.Kind.BIFURCATION) {
            targetPars.forEach((name, range) -> text.parameter(name, middle(range)));
        }
        try {
            return text.compile("analysis");
        } catch (ModelTextException e) {
            throw EquationModel.located(e, top, parameters);
        }
    }

    private static Quantity<?> middle(Range range) {
        Quantity<?> min = range.min().quantity();
        Quantity<?> max = range.max().quantityOf(min.getUnit(), "in the unit of the range's min");
        double middleSI = (PhysicalUnits.toSI(min) + PhysicalUnits.toSI(max)) / 2;
        return PhysicalUnits.of(middleSI / PhysicalUnits.toSI(1, min.getUnit()), min.getUnit());
    }

    /** A variable's value given in the spec, as the model computes with it. */
    private static double value(CompiledNeuron model, String name, SpecNode v) {
        try {
            return model.value(name, v.quantity());
        } catch (ModelTextException e) {
            throw v.error(e.problem());
        }
    }

    /** Each range's bounds as the model computes with them, checked to have min < max. */
    private static Map<String, double[]> bounds(CompiledNeuron model, Map<String, Range> ranges) {
        Map<String, double[]> out = new LinkedHashMap<>();
        ranges.forEach((name, r) -> {
            double min = value(model, name, r.min());
            double max = value(model, name, r.max());
            if (!(min < max)) {
                throw r.node().error("the range [" + r.min().text() + ", " + r.max().text() + "] has min >= max;"
                        + " give [min, max] with min < max");
            }
            out.put(name, new double[] {min, max});
        });
        return out;
    }

    private static Map<String, SpecNode> mapping(SpecNode node) {
        return node == null ? Map.of() : node.mapping();
    }

    /**
     * A positive setting. When the model has units, a time ({@code duration}, {@code dt}) needs
     * one and {@code resolution} may have one ({@code 0.1 uA/cm^2}); all become numbers of the
     * coherent system.
     */
    private static double positive(SpecNode.Fields top, String key, double otherwise, CompiledNeuron model, boolean time) {
        SpecNode v = top.optional(key);
        if (v == null) {
            return otherwise;
        }
        double x = model.unitless() ? v.quantity(PhysicalUnits.ONE, "a plain number")
                : time ? v.time() : Coherent.value(v.quantity());
        if (!(x > 0)) {
            throw v.error(key + " is " + v.text() + "; give a positive " + (time && !model.unitless() ? "time" : "number"));
        }
        return x;
    }

    /** A {@code [min, max]} entry of the spec. */
    private record Range(SpecNode node, SpecNode min, SpecNode max) {
    }

    /** {@code name: [min, max]} entries. */
    private static Map<String, Range> ranges(SpecNode node) {
        Map<String, Range> out = new LinkedHashMap<>();
        node.mapping().forEach((name, v) -> {
            List<SpecNode> bounds = v.sequence();
            if (bounds.size() != 2) {
                throw v.error("a range is [min, max], got " + bounds.size() + " numbers");
            }
            out.put(name, new Range(v, bounds.get(0), bounds.get(1)));
        });
        return out;
    }
}
