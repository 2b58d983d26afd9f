package org.brainj.launcher.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.measure.Quantity;
import javax.measure.Unit;
import org.brainj.api.expr.EquationException;
import org.brainj.api.expr.Expr;
import org.brainj.api.expr.Equations;
import org.brainj.api.expr.Statement;
import org.brainj.api.expr.Statement.Kind;
import org.brainj.api.sim.NeuronModel;
import org.brainj.api.units.PhysicalUnits;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A neuron model written in a spec as Brian2-style equations with units, plus threshold, reset
 * and refractory period. The equations, threshold and reset are checked dimensionally against the
 * units of the parameters; values become numbers of the {@link Coherent} system.
 *
 * <p>Names the equations read but do not define are parameters (given under {@code parameters}),
 * except those declared in the equations as {@code I_syn : volt} lines: such a name is the
 * synaptic current symbol ({@code current}), a per-step input ({@code inputs}), or a per-neuron
 * parameter given under {@code parameters}.
 *
 * <p>Equations whose variables are all declared {@code : 1}, with parameters given as plain
 * numbers, are BrainPy's unitless style: they are not checked dimensionally, and time is in ms.
 */
final class EquationModel {
    /** The parameter a refractory period given as a time is stored in. */
    static final String REFRACTORY = "refractory";
    private static final String THRESHOLD = "_threshold";
    private static final String RESET = "_reset_";
    /** The time of each neuron's last spike, which equations of a model with a threshold may read. */
    private static final String LAST_SPIKE = "t_last_spike";

    private final NeuronModel model;
    private final Map<String, Unit<?>> units = new LinkedHashMap<>();

    private EquationModel(String name, SpecNode.Fields f) {
        SpecNode eqNode = f.required("equations");
        Equations parsed = located(eqNode, Map.of(), () -> Equations.parse(eqNode.text()));
        String current = f.has("current") ? f.optional("current").name() : null;
        Set<String> inputs = new LinkedHashSet<>();
        if (f.has("inputs")) {
            f.optional("inputs").sequence().forEach(n -> inputs.add(n.name()));
        }
        for (String special : concat(current, inputs)) {
            Statement s = parsed.statements().stream().filter(x -> x.variable().equals(special)).findFirst().orElse(null);
            if (s == null || s.kind() != Kind.PARAMETER) {
                SpecNode at = special.equals(current) ? f.optional("current") : f.optional("inputs");
                throw at.error("'" + special + "' must be declared in the equations with its unit, e.g. '" + special
                        + " : volt', so that its unit is known");
            }
        }
        // parameters: spec values with their units; a refractory time becomes one more parameter
        Map<String, Quantity<?>> given = new LinkedHashMap<>();
        Map<String, SpecNode> givenAt = new LinkedHashMap<>();
        if (f.has("parameters")) {
            f.optional("parameters").mapping().forEach((p, v) -> {
                given.put(p, v.quantity());
                givenAt.put(p, v);
            });
        }
        String refractory = null;
        SpecNode refNode = f.optional("refractory");
        if (refNode != null) {
            if (refNode.text().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                refractory = refNode.text();
                if (!given.containsKey(refractory)) {
                    throw refNode.error("'" + refractory + "' is not among the parameters " + given.keySet()
                            + "; give a time such as '5 ms' or the name of a parameter");
                }
                givenAt.get(refractory).quantityOf(PhysicalUnits.SECOND, "a refractory period");
            } else {
                if (given.containsKey(REFRACTORY)) {
                    throw refNode.error("a parameter is named '" + REFRACTORY + "' already; give the period by its name");
                }
                Quantity<?> period = refNode.quantityOf(PhysicalUnits.SECOND, "a refractory period");
                if (!(period.getValue().doubleValue() >= 0)) {
                    throw refNode.error("a refractory period must be >= 0; give e.g. '2 ms', or leave 'refractory' out");
                }
                given.put(REFRACTORY, period);
                givenAt.put(REFRACTORY, refNode);
                refractory = REFRACTORY;
            }
        }
        // threshold and reset join the equations as extra lines, so the equations' own checks cover them
        int lines = eqNode.text().split("\n", -1).length;
        List<Statement> all = new ArrayList<>(parsed.statements());
        Map<Integer, SpecNode> extraLines = new LinkedHashMap<>();
        boolean crossing = f.has("threshold_crossing");
        if (crossing && f.has("threshold")) {
            throw f.optional("threshold_crossing").error("give either 'threshold' (a spike while the condition holds) or"
                    + " 'threshold_crossing' (a spike when it becomes true), not both");
        }
        SpecNode thNode = f.optional(crossing ? "threshold_crossing" : "threshold");
        if (thNode != null) {
            all.add(extra(thNode, lines + 1, THRESHOLD, thNode.text(), PhysicalUnits.ONE));
            extraLines.put(lines + 1, thNode);
        }
        List<String> resetTargets = new ArrayList<>();
        SpecNode resetNode = f.optional("reset");
        if (resetNode != null) {
            if (thNode == null) {
                throw resetNode.error("a reset needs a threshold; add 'threshold:' (or 'threshold_crossing:') or remove the reset");
            }
            for (String assignment : resetNode.text().split("[;\n]")) {
                if (assignment.isBlank()) {
                    continue;
                }
                String[] sides = assignment.split("=", 2);
                if (sides.length != 2 || sides[1].startsWith("=")) {
                    throw resetNode.error("'" + assignment.trim() + "' is not an assignment; write e.g. 'V = V_reset'"
                            + " (several separated by ';')");
                }
                String target = sides[0].trim();
                if (!parsed.stateVariables().contains(target)) {
                    throw resetNode.error("the reset assigns '" + target + "', which is not a state variable;"
                            + " state variables: " + parsed.stateVariables());
                }
                int line = lines + 2 + resetTargets.size();
                all.add(extra(resetNode, line, RESET + target, sides[1].trim(), parsed.statement(target).unit()));
                extraLines.put(line, resetNode);
                resetTargets.add(target);
            }
        }
        Equations checked = located(eqNode, extraLines, () -> new Equations(all));
        for (String p : given.keySet()) {
            if (checked.declared().contains(p) && checked.statement(p).kind() != Kind.PARAMETER) {
                throw givenAt.get(p).error("'" + p + "' is defined by the equations; it cannot also be a parameter");
            }
        }
        // what needs a value: undeclared names read, and per-neuron parameters declared with a unit
        Set<String> needed = new LinkedHashSet<>(checked.externals());
        checked.ofKind(Kind.PARAMETER).forEach(s -> needed.add(s.variable()));
        needed.removeAll(inputs);
        needed.remove(current);
        needed.removeAll(given.keySet());
        if (thNode != null) {
            needed.remove(LAST_SPIKE);
        }
        if (!needed.isEmpty()) {
            throw new SpecException(f.has("parameters") ? f.optional("parameters").where()
                    : f.owner().where().child("parameters", f.owner().where().line()), "the equations read " + needed + " but no value is given; add each under 'parameters:' with its unit");
        }
        Map<String, Unit<?>> parameterUnits = new LinkedHashMap<>(PhysicalUnits.unitsOf(given));
        for (Statement s : checked.ofKind(Kind.PARAMETER)) {
            if (given.containsKey(s.variable())) {
                givenAt.get(s.variable()).quantityOf(s.unit(), "parameter " + s.variable());
                parameterUnits.remove(s.variable());
            }
        }
        // BrainPy's unitless style: every variable ': 1' and plain numbers, times in ms
        String refractoryName = refractory;
        boolean unitless = parsed.statements().stream().allMatch(st -> PhysicalUnits.sameDimension(st.unit(), PhysicalUnits.ONE))
                && given.entrySet().stream().allMatch(e -> e.getKey().equals(refractoryName)
                        || PhysicalUnits.sameDimension(e.getValue().getUnit(), PhysicalUnits.ONE));
        if (unitless) {
            Set<String> defined = new LinkedHashSet<>(given.keySet());
            defined.addAll(inputs);
            if (thNode != null) {
                defined.add(LAST_SPIKE);
            }
            if (current != null) {
                defined.add(current);
            }
            located(eqNode, extraLines, () -> checked.checkUnitless(defined));
        } else {
            located(eqNode, extraLines, () -> checked.checkUnits(parameterUnits));
        }
        for (String p : given.keySet()) {
            if (!p.equals(refractory) && !checked.identifiers().contains(p)) {
                throw givenAt.get(p).error("parameter '" + p + "' is not read by the equations, threshold or reset;"
                        + " remove it or fix its name");
            }
        }

        NeuronModel.Builder b = NeuronModel.builder(name);
        given.forEach((p, q) -> b.parameter(p, Coherent.value(q)));
        for (String x : parsed.stateVariables()) {
            b.derivative(x, parsed.derivative(x));
            units.put(x, parsed.statement(x).unit());
        }
        if (thNode != null) {
            Expr condition = checked.resolve(checked.statement(THRESHOLD).rhs());
            if (crossing) {
                b.thresholdCrossing(condition);
            } else {
                b.threshold(condition);
            }
        }
        for (String x : resetTargets) {
            b.reset(x, checked.resolve(checked.statement(RESET + x).rhs()));
        }
        if (refractory != null) {
            b.refractory(refractory, parsed.stateVariables().stream()
                    .filter(x -> parsed.statement(x).hasFlag("unless refractory")).toArray(String[]::new));
        }
        inputs.forEach(b::input);
        if (current != null) {
            b.current(current);
            units.put(current, parsed.statement(current).unit());
        }
        if (f.has("membrane")) {
            String membrane = f.optional("membrane").name();
            if (!parsed.stateVariables().contains(membrane)) {
                throw f.optional("membrane").error("'" + membrane + "' is not a state variable; state variables: "
                        + parsed.stateVariables());
            }
            b.membrane(membrane);
        } else if (!parsed.stateVariables().isEmpty() && !parsed.stateVariables().contains("V")) {
            b.membrane(parsed.stateVariables().get(0));
        }
        this.model = b.build();
    }

    /** The model of a population section that has {@code equations}. */
    static EquationModel read(String name, SpecNode.Fields f) {
        return new EquationModel(name, f);
    }

    NeuronModel model() {
        return model;
    }

    /** The declared unit of a state variable or of the current symbol, or null when not declared. */
    Unit<?> unit(String variable) {
        return units.get(variable);
    }

    /** {@code variable = rhs : unit} as line {@code line} of the equations. */
    private static Statement extra(SpecNode at, int line, String variable, String rhs, Unit<?> unit) {
        Equations e = located(at, Map.of(line, at), () -> Equations.parse("\n".repeat(line - 1) + variable + " = " + rhs + " : 1"));
        Statement s = e.statements().get(0);
        return new Statement(s.kind(), s.variable(), s.rhs(), unit, s.flags(), s.line(), s.column(), s.positions());
    }

    private static List<String> concat(String first, Set<String> rest) {
        List<String> all = new ArrayList<>();
        if (first != null) {
            all.add(first);
        }
        all.addAll(rest);
        return all;
    }

    /**
     * Runs {@code f}, turning an equation error into a spec error at the line of the spec it came
     * from; {@code extraLines} are the threshold and reset lines, which report at their own key.
     */
    private static <T> T located(SpecNode equationsNode, Map<Integer, SpecNode> extraLines, java.util.function.Supplier<T> f) {
        try {
            return f.get();
        } catch (EquationException e) {
            String message = e.getMessage().replaceFirst("^line \\d+, column \\d+: ", "")
                    .replace(THRESHOLD, "the threshold").replace(RESET, "the reset of ");
            SpecNode extra = extraLines.get(e.line());
            if (extra != null) {
                throw new SpecException(extra.where(), message, e);
            }
            throw new SpecException(lineOf(equationsNode, e.line()), message + " (column " + e.column() + " of that line)", e);
        }
    }

    /** The spec line of line {@code n} of a scalar's text: block scalars start on the line after their key. */
    private static Where lineOf(SpecNode node, int n) {
        Where w = node.where();
        int first = w.line() + (node.isBlock() ? 1 : 0);
        return new Where(w.file(), first + n - 1, w.key());
    }
}
