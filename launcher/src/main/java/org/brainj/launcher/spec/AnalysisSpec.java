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
import org.brainj.api.expr.Expr;
import org.brainj.api.expr.FreeVars;
import org.brainj.api.expr.Substitute;
import org.brainj.api.integrate.DifferentialSystem;
import org.brainj.api.program.Assign;
import org.brainj.api.sim.NeuronModel;
import org.brainj.api.sim.NeuronModelFactory;
import org.brainj.api.model.CompiledNeuron;
import org.brainj.api.model.ModelTextException;
import org.brainj.api.model.NeuronText;
import org.brainj.api.spi.ParamSpec;
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

    /** Reads {@code file} (named {@code shownAs} in messages) into a job; a {@code model:} name is looked up in {@code catalog}. */
    public static AnalysisJob load(Path file, String shownAs, Catalog catalog) {
        SpecNode.Fields top = SpecReader.parse(file, shownAs).fields("description", "analysis", "equations", "model",
                "parameters", "fixed_vars", "target_vars", "target_pars", "resolution", "trajectories", "duration", "dt");
        SpecNode kindNode = top.required("analysis");
        AnalysisJob.Kind kind;
        try {
            kind = AnalysisJob.Kind.of(kindNode.text());
        } catch (BrainJException e) {
            throw kindNode.error(e.getMessage());
        }
        if (top.has("model") == top.has("equations")) {
            throw top.owner().error(top.has("model") ? "give either 'model' or 'equations', not both"
                    : "no model; give 'equations:' or 'model: NAME' (a registered model, see brainj list)");
        }
        SpecNode targetNode = top.required("target_vars");
        Map<String, Range> targetVars = ranges(targetNode);
        SpecNode parsNode = top.optional("target_pars");
        Map<String, Range> targetPars = parsNode == null ? Map.of() : ranges(parsNode);
        // a registered model is made first (its parameters are checked by its factory), equations are parsed
        // first and compiled after the checks below, so that a missing value is named as such
        Analysed registered = top.has("model") ? registered(top, kind, targetPars, catalog) : null;
        Equations equations = null;
        if (registered == null) {
            SpecNode eqNode = top.required("equations");
            try {
                equations = Equations.parse(eqNode.source());
            } catch (BrainJException e) {
                throw eqNode.error(e.getMessage());
            }
        }
        List<String> states = registered != null ? registered.system().variables() : equations.stateVariables();
        Set<String> externals = registered != null ? registered.externals() : equations.externals();
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
                if (kind == AnalysisJob.Kind.BIFURCATION && !externals.contains(e.getKey())) {
                    throw e.getValue().error("'" + e.getKey() + "' is not a parameter of the equations; name one of "
                            + String.join(", ", externals));
                }
            }
        }
        Map<String, SpecNode> fixedVars = mapping(top.optional("fixed_vars"));
        Set<String> needed = new LinkedHashSet<>(externals);
        needed.addAll(states);
        needed.removeAll(targetVars.keySet());
        needed.removeAll(targetPars.keySet());
        needed.removeAll(mapping(top.optional("parameters")).keySet());
        needed.removeAll(fixedVars.keySet());
        if (registered != null) {
            needed.removeAll(registered.parameters().keySet());
        }
        needed.removeIf(name -> PhysicalUnits.inEquations(name).isPresent()); // 10*mV: a unit, not a parameter
        if (!needed.isEmpty()) {
            throw top.owner().error("no value for " + String.join(", ", needed) + "; give parameters under 'parameters:'"
                    + " and state variables that are not analysed under 'fixed_vars:'");
        }
        Analysed model = registered != null ? registered : fromText(top, kind, targetPars);
        Map<String, Double> values = new LinkedHashMap<>(model.parameters());
        values.keySet().removeAll(targetPars.keySet());
        fixedVars.forEach((name, v) -> values.put(name, model.value().of(name, v)));
        List<Map<String, Double>> trajectories = new ArrayList<>();
        SpecNode trajNode = top.optional("trajectories");
        if (trajNode != null) {
            for (SpecNode t : trajNode.sequence()) {
                Map<String, Double> start = new LinkedHashMap<>();
                t.mapping().forEach((name, v) -> start.put(name, model.value().of(name, v)));
                trajectories.add(start);
            }
        }
        Map<String, double[]> varRanges = bounds(model, targetVars);
        Map<String, double[]> parRanges = bounds(model, targetPars);
        double resolution = positive(top, "resolution", 0.01, model, false);
        double duration = positive(top, "duration", 100, model, true);
        double dt = positive(top, "dt", 0.01, model, true);
        try {
            return new AnalysisJob(kind, model.system(), model.units(), varRanges, parRanges, values, resolution, trajectories,
                    duration, dt);
        } catch (BrainJException e) {
            throw top.owner().error(e.getMessage());
        }
    }

    /** A spec's value of {@code name} as the model computes with it. */
    private interface Value {
        double of(String name, SpecNode v);
    }

    /**
     * What is analysed: the differential equations, the names they read besides the state
     * variables, the parameters' values, their units (in the coherent system; empty when
     * unitless), and how a value given in the spec becomes a number of the model.
     */
    private record Analysed(DifferentialSystem system, Set<String> externals, Map<String, Double> parameters,
                            Map<String, String> units, Value value, boolean unitless) {
    }

    /**
     * The equations checked by the API's model language, with the parameters and, for a
     * bifurcation, each swept parameter at the middle of its range (the analysis moves it).
     */
    private static Analysed fromText(SpecNode.Fields top, AnalysisJob.Kind kind, Map<String, Range> targetPars) {
        NeuronText text = NeuronText.of(top.required("equations").source());
        Map<String, SpecNode> parameters = mapping(top.optional("parameters"));
        parameters.forEach((name, v) -> text.parameter(name, v.quantity()));
        if (kind == AnalysisJob.Kind.BIFURCATION) {
            targetPars.forEach((name, range) -> text.parameter(name, middle(range)));
        }
        CompiledNeuron model;
        try {
            model = text.compile("analysis");
        } catch (ModelTextException e) {
            Map<String, Where> places = new LinkedHashMap<>();
            parameters.forEach((p, v) -> places.put(p, v.where()));
            throw EquationModel.located(e, top.places(), places, top.owner().where());
        }
        Map<String, String> units = new LinkedHashMap<>();
        if (!model.unitless()) {
            model.units().forEach((name, unit) -> units.put(name, Coherent.label(unit)));
        }
        Value value = (name, v) -> {
            try {
                return model.value(name, v.quantity());
            } catch (ModelTextException e) {
                throw v.error(e.problem());
            }
        };
        return new Analysed(DifferentialSystem.of(model.equations()), model.equations().externals(), model.parameters(),
                units, value, model.unitless());
    }

    /**
     * A registered model ({@code model: FHN}) made by its factory with the spec's parameters (in
     * the units {@code brainj list} shows, or with units) and, for a bifurcation, each swept
     * parameter at the middle of its range. Its inputs and synaptic current are names the
     * equations read with the value 0 unless {@code parameters:} gives one; other values are
     * numbers of the coherent system (ms, mV, nA) or quantities.
     */
    private static Analysed registered(SpecNode.Fields top, AnalysisJob.Kind kind, Map<String, Range> targetPars,
                                       Catalog catalog) {
        SpecNode name = top.required("model");
        NeuronModelFactory factory = SpecAssembler.wrap(name.where(), () -> catalog.model(name.text()));
        Map<String, ParamSpec> specs = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        factory.parameters().forEach(p -> {
            specs.put(p.name(), p);
            units.put(p.name(), p.unit());
        });
        Map<String, Object> given = new LinkedHashMap<>();
        Map<String, SpecNode> drives = new LinkedHashMap<>();
        mapping(top.optional("parameters")).forEach((p, v) -> {
            if (units.containsKey(p)) {
                given.put(p, SpecAssembler.inUnit(v.scalar(), specs.get(p), "parameter " + p + " of " + factory.name()));
            } else {
                drives.put(p, v);
            }
        });
        if (kind == AnalysisJob.Kind.BIFURCATION) {
            targetPars.forEach((p, range) -> {
                if (units.containsKey(p)) {
                    given.put(p, (SpecAssembler.inUnit(range.min().scalar(), specs.get(p), "the range of " + p)
                            + SpecAssembler.inUnit(range.max().scalar(), specs.get(p), "the range of " + p)) / 2);
                }
            });
        }
        SpecNode at = top.has("parameters") ? top.optional("parameters") : name;
        NeuronModel model = SpecAssembler.wrap(at.where(), () -> factory.create(given));
        Map<String, Expr> inlined = new LinkedHashMap<>();
        for (Assign a : model.subexpressions()) {
            inlined.put(a.target(), Substitute.of(a.value(), inlined));
        }
        Map<String, Expr> drift = new LinkedHashMap<>();
        new java.util.TreeMap<>(model.derivatives()).forEach((v, rhs) -> drift.put(v, Substitute.of(rhs, inlined)));
        Set<String> externals = new LinkedHashSet<>();
        drift.values().forEach(e -> externals.addAll(FreeVars.of(e)));
        externals.removeAll(drift.keySet());
        externals.removeAll(Equations.TIME);
        for (Map.Entry<String, SpecNode> d : drives.entrySet()) {
            if (!externals.contains(d.getKey())) {
                throw d.getValue().error("model " + factory.name() + " has no parameter or input '" + d.getKey()
                        + "'; its parameters are " + String.join(", ", units.keySet()) + ", its equations also read "
                        + String.join(", ", externals));
            }
        }
        Map<String, Double> values = new LinkedHashMap<>(model.parameters());
        for (String x : externals) {
            if (!values.containsKey(x)) {
                values.put(x, drives.containsKey(x) ? Coherent.value(drives.get(x).quantity()) : 0.0);
            }
        }
        Value value = (p, v) -> {
            Quantity<?> q = v.quantity();
            boolean plain = PhysicalUnits.sameDimension(q.getUnit(), PhysicalUnits.ONE);
            String listed = units.getOrDefault(p, "");
            return plain && !listed.isEmpty() ? Coherent.value(q.getValue().doubleValue(), PhysicalUnits.parse(listed))
                    : Coherent.value(q);
        };
        Map<String, String> coherentUnits = new LinkedHashMap<>();
        units.forEach((p, u) -> {
            if (!u.isEmpty()) {
                coherentUnits.put(p, Coherent.label(PhysicalUnits.parse(u)));
            }
        });
        // a model whose parameters have no units is BrainPy's dimensionless kind: times are plain numbers of ms
        boolean unitless = units.values().stream().allMatch(String::isEmpty);
        return new Analysed(DifferentialSystem.ode(drift), externals, values, coherentUnits, value, unitless);
    }

    private static Quantity<?> middle(Range range) {
        Quantity<?> min = range.min().quantity();
        Quantity<?> max = range.max().quantityOf(min.getUnit(), "in the unit of the range's min");
        double middleSI = (PhysicalUnits.toSI(min) + PhysicalUnits.toSI(max)) / 2;
        return PhysicalUnits.of(middleSI / PhysicalUnits.toSI(1, min.getUnit()), min.getUnit());
    }

    /** Each range's bounds as the model computes with them, checked to have min < max. */
    private static Map<String, double[]> bounds(Analysed model, Map<String, Range> ranges) {
        Map<String, double[]> out = new LinkedHashMap<>();
        ranges.forEach((name, r) -> {
            double min = model.value().of(name, r.min());
            double max = model.value().of(name, r.max());
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
    private static double positive(SpecNode.Fields top, String key, double otherwise, Analysed model, boolean time) {
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
