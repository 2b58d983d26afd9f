package org.brainj.api.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.measure.Quantity;
import javax.measure.Unit;
import org.brainj.api.expr.Assignment;
import org.brainj.api.expr.Equations;
import org.brainj.api.expr.Expr;
import org.brainj.api.expr.FreeVars;
import org.brainj.api.expr.Interpreter;
import org.brainj.api.expr.Source;
import org.brainj.api.expr.Statement;
import org.brainj.api.expr.Statement.Kind;
import org.brainj.api.units.Coherent;
import org.brainj.api.units.PhysicalUnits;
import org.brainj.api.units.UnitFormatException;

/**
 * A neuron model written as text, as Brian2's {@code NeuronGroup} takes it: equations with units
 * and flags, a {@code threshold} condition, a {@code reset} of assignments, and a
 * {@code refractory} period given as a time ({@code 5 ms}, {@code 5*ms}), a parameter, or a
 * condition during which a neuron that spiked stays refractory ({@code v > -50*mV}). All of it
 * is one grammar ({@link Equations}); faults name the part and the user's line and column.
 * <pre>
 * CompiledNeuron lif = NeuronText.of("dv/dt = (10*mV - v) / tau : volt (unless refractory)")
 *         .threshold("v > -50*mV").reset("v = -60*mV").refractory("5 ms")
 *         .parameter("tau", "10 ms").compile("LIF");
 * NeuronGroup group = lif.group("N", 100);
 * </pre>
 * Units in the text and parameters with units are checked dimensionally and computed in the
 * {@link Coherent} system (ms, mV, nA). Text without units ({@code : 1} or no {@code : unit} at
 * all) and plain-number parameters are BrainPy's style: not checked dimensionally, time in ms.
 *
 * <p>Names the text reads but does not define are parameters. Declared per-neuron variables
 * ({@code I_syn : amp}) may be the group's synaptic current symbol ({@link #current}), a per-step
 * input ({@link #input}), or a parameter given a value.
 */
public final class NeuronText {
    /** The parameter a refractory period given as a time is stored in. */
    public static final String REFRACTORY = "refractory";
    /** The state of a model with a refractory condition: 1 while a neuron may spike (Brian2's name). */
    public static final String NOT_REFRACTORY = "not_refractory";
    /** The time of each neuron's last spike, which a model with a threshold may read. */
    public static final String LAST_SPIKE = "t_last_spike";

    private final Source equations;
    private Source threshold;
    private boolean crossing;
    private Source reset;
    private Source refractory;
    private final Map<String, Quantity<?>> parameters = new LinkedHashMap<>();
    private final Set<String> perNeuron = new LinkedHashSet<>();
    private String current;
    private final Set<String> inputs = new LinkedHashSet<>();
    private String membrane;

    private NeuronText(Source equations) {
        this.equations = equations;
    }

    public static NeuronText of(String equations) {
        return of(Source.of(equations));
    }

    public static NeuronText of(Source equations) {
        return new NeuronText(equations);
    }

    /** A spike in every step in which {@code condition} holds after the update (Brian2's threshold). */
    public NeuronText threshold(String condition) {
        return threshold(Source.of(condition));
    }

    public NeuronText threshold(Source condition) {
        threshold = condition;
        crossing = false;
        return this;
    }

    /** A spike when {@code condition} becomes true during a step: false at its start, true at its end. */
    public NeuronText thresholdCrossing(Source condition) {
        threshold = condition;
        crossing = true;
        return this;
    }

    /** Assignments applied to the neurons that spiked, one a line or separated by {@code ;}. */
    public NeuronText reset(String statements) {
        return reset(Source.of(statements));
    }

    public NeuronText reset(Source statements) {
        reset = statements;
        return this;
    }

    /** A time ({@code 5 ms}, {@code 2*ms}), the name of a parameter holding one, or a condition. */
    public NeuronText refractory(String periodOrCondition) {
        return refractory(Source.of(periodOrCondition));
    }

    public NeuronText refractory(Source periodOrCondition) {
        refractory = periodOrCondition;
        return this;
    }

    public NeuronText parameter(String name, Quantity<?> value) {
        parameters.put(name, value);
        return this;
    }

    /** A parameter given as quantity text ({@code 10 ms}) or a plain number. */
    public NeuronText parameter(String name, String value) {
        return parameter(name, Quantities.parameter(name, value));
    }

    public NeuronText parameter(String name, double value) {
        return parameter(name, PhysicalUnits.of(value, PhysicalUnits.ONE));
    }

    /**
     * A parameter whose values a group gives neuron by neuron ({@code NeuronGroup.set}): it must
     * be declared in the equations with its unit ({@code V_th : volt}); its default is 0.
     */
    public NeuronText perNeuron(String name) {
        perNeuron.add(name);
        return this;
    }

    /** The per-neuron variable that stands for the total current of the group's synapses. */
    public NeuronText current(String symbol) {
        current = symbol;
        return this;
    }

    /** A per-neuron input variable: inputs write it before each update, which reads it and sets it to 0. */
    public NeuronText input(String variable) {
        inputs.add(variable);
        return this;
    }

    /** The membrane potential that conductance-based outputs read (default: V, else the first state variable). */
    public NeuronText membrane(String variable) {
        membrane = variable;
        return this;
    }

    /** Checks everything and makes the model; a fault is a {@link ModelTextException}. */
    public CompiledNeuron compile(String name) {
        return new Compiler(name).run();
    }

    /** One compilation: the checks in order, each fault attributed to its part. */
    private final class Compiler {
        private final String name;
        private final Map<String, Quantity<?>> given = new LinkedHashMap<>(parameters);
        private Equations parsed;
        private String refractoryParameter;
        private Statement refractoryCondition;
        private Statement thresholdStatement;
        private final List<Assignment> resets = new ArrayList<>();
        private boolean unitless;

        Compiler(String name) {
            this.name = name;
        }

        CompiledNeuron run() {
            parsed = inPart("equations", () -> Equations.parse(equations));
            for (String special : specials()) {
                Statement s = parsed.declared().contains(special) ? parsed.statement(special) : null;
                if (s == null || s.kind() != Kind.PARAMETER) {
                    throw new ModelTextException(special.equals(current) ? "current" : "inputs", special, 0, 0,
                            "'" + special + "' must be declared in the equations with its unit, e.g. '" + special
                                    + " : volt', so that its unit is known", null);
                }
            }
            if (threshold != null) {
                thresholdStatement = inPart("threshold", () -> Equations.parseCondition(threshold, "(threshold)"));
            }
            if (reset != null) {
                if (threshold == null) {
                    throw new ModelTextException("reset", null, reset.line(), reset.column(),
                            "a reset needs a threshold; give one or remove the reset", null);
                }
                resets.addAll(inPart("reset", () -> Equations.parseAssignments(reset)));
                for (Assignment a : resets) {
                    if (!parsed.stateVariables().contains(a.target())) {
                        throw new ModelTextException("reset", null, a.line(), a.column(), "the reset assigns '" + a.target()
                                + "', which is not a state variable; " + (parsed.stateVariables().isEmpty()
                                ? "the equations declare none: declare it with a differential equation, e.g. 'd"
                                        + a.target() + "/dt = ...'"
                                : "assign one of " + String.join(", ", parsed.stateVariables())
                                        + " or declare it in the equations"), null);
                    }
                }
            }
            if (refractory != null) {
                readRefractory();
            }
            for (String p : given.keySet()) {
                if (parsed.declared().contains(p) && parsed.statement(p).kind() != Kind.PARAMETER) {
                    throw new ModelTextException("parameters", p, 0, 0, "'" + p + "' is defined by the equations; it cannot"
                            + " also be a parameter", null);
                }
            }
            unitless = parsed.statements().stream().allMatch(s -> Quantities.dimensionless(s.unit()))
                    && given.entrySet().stream().allMatch(e -> e.getKey().equals(refractoryParameter)
                            || Quantities.dimensionless(e.getValue().getUnit()))
                    && !readsUnitNames();
            if (refractoryParameter != null && !unitless && Quantities.dimensionless(given.get(refractoryParameter).getUnit())) {
                throw new ModelTextException("refractory", null, refractory.line(), refractory.column(), "the model has"
                        + " units, so the refractory period needs one too; give e.g. '5 ms'", null);
            }
            requireValues();
            Map<String, Unit<?>> units = parameterUnits();
            Equations checked = inPart("equations", () -> check(parsed, units));
            FiniteConstants.require(checked);
            Expr thresholdCondition = thresholdStatement == null ? null
                    : checkedRhs("threshold", thresholdStatement, checked, units);
            Expr refractoryExpr = refractoryCondition == null ? null
                    : checkedRhs("refractory", refractoryCondition, checked, units);
            List<Assignment> checkedResets = new ArrayList<>();
            for (Assignment a : resets) {
                Statement s = a.asStatement("(reset of " + a.target() + ")", parsed.statement(a.target()).unit());
                checkedResets.add(new Assignment(a.target(), checkedRhs("reset", s, checked, units), a.line(), a.column(),
                        a.positions()));
            }
            Set<String> read = new LinkedHashSet<>(checked.identifiers());
            extraStatements().forEach(s -> read.addAll(FreeVars.of(s.rhs())));
            for (String p : given.keySet()) {
                if (!p.equals(refractoryParameter) && !read.contains(p) && !parsed.declared().contains(p)) {
                    throw new ModelTextException("parameters", p, 0, 0, "parameter '" + p + "' is not read by the equations,"
                            + " threshold or reset; remove it or fix its name", null);
                }
            }
            return build(checked, thresholdCondition, refractoryExpr, checkedResets);
        }

        /** Whether the text writes a unit ({@code 1/ms}) that no declaration or parameter shadows. */
        private boolean readsUnitNames() {
            Set<String> read = new LinkedHashSet<>(parsed.identifiers());
            extraStatements().forEach(s -> read.addAll(FreeVars.of(s.rhs())));
            read.removeAll(parsed.declared());
            read.removeAll(given.keySet());
            return read.stream().anyMatch(n -> PhysicalUnits.inEquations(n).isPresent());
        }

        private List<String> specials() {
            List<String> all = new ArrayList<>();
            if (current != null) {
                all.add(current);
            }
            all.addAll(inputs);
            return all;
        }

        /** A time, a parameter's name, or a condition (a comparison or logic at the top). */
        private void readRefractory() {
            String text = refractory.text().trim();
            if (text.matches("[A-Za-z_][A-Za-z0-9_]*") && given.containsKey(text)) {
                Quantity<?> q = given.get(text);
                if (!Quantities.dimensionless(q.getUnit()) && !PhysicalUnits.sameDimension(q.getUnit(), PhysicalUnits.SECOND)) {
                    throw new ModelTextException("parameters", text, 0, 0, q + " is not a time, but the refractory period"
                            + " reads it; give e.g. '5 ms'", null);
                }
                refractoryParameter = text;
                return;
            }
            Quantity<?> period = quantityOrNull(text);
            if (period == null) {
                Statement s = inPart("refractory", () -> Equations.parseCondition(refractory, "(refractory)"));
                if (s.rhs() instanceof Expr.Cmp || s.rhs() instanceof Expr.Logic || s.rhs() instanceof Expr.Not) {
                    refractoryCondition = s;
                    if (parsed.statements().stream().anyMatch(st -> st.hasFlag("unless refractory"))) {
                        throw new ModelTextException("refractory", null, s.line(), s.column(), "(unless refractory) with a"
                                + " refractory condition is not supported; give the period as a time or remove the flag", null);
                    }
                    return;
                }
                period = timeExpression(s);
            }
            if (!Quantities.dimensionless(period.getUnit()) && !PhysicalUnits.sameDimension(period.getUnit(), PhysicalUnits.SECOND)) {
                throw new ModelTextException("refractory", null, refractory.line(), refractory.column(), "'" + text
                        + "' is not a time; give e.g. '5 ms', a parameter's name, or a condition such as 'v > -50*mV'", null);
            }
            if (!(period.getValue().doubleValue() >= 0)) {
                throw new ModelTextException("refractory", null, refractory.line(), refractory.column(), "a refractory"
                        + " period must be >= 0, not '" + text + "'; give e.g. '2 ms', or leave 'refractory' out", null);
            }
            if (given.containsKey(REFRACTORY)) {
                throw new ModelTextException("parameters", REFRACTORY, 0, 0, "a parameter is named '" + REFRACTORY
                        + "' already; give the refractory period by its name", null);
            }
            given.put(REFRACTORY, period);
            refractoryParameter = REFRACTORY;
        }

        /** A refractory period written as an expression of constants, such as {@code 2*ms}. */
        private Quantity<?> timeExpression(Statement s) {
            Statement asTime = new Statement(s.kind(), s.variable(), s.rhs(), PhysicalUnits.SECOND, s.flags(), s.line(),
                    s.column(), s.positions());
            Equations alone = inPart("refractory", () -> new Equations(List.of(asTime)).checkUnits(Map.of()));
            double ms = Interpreter.eval(alone.statement("(refractory)").rhs(), Map.of());
            return PhysicalUnits.of(ms, PhysicalUnits.parse("ms"));
        }

        private void requireValues() {
            Set<String> needed = new LinkedHashSet<>(parsed.externals());
            parsed.ofKind(Kind.PARAMETER).forEach(s -> needed.add(s.variable()));
            for (Statement s : extraStatements()) {
                needed.addAll(parsed.with(List.of(s)).externals());
            }
            for (String p : perNeuron) {
                if (!parsed.declared().contains(p) || parsed.statement(p).kind() != Kind.PARAMETER) {
                    throw new ModelTextException("parameters", p, 0, 0, "to give '" + p + "' per neuron, declare it in the"
                            + " equations with its unit (e.g. '" + p + " : volt', or ': 1')", null);
                }
            }
            needed.removeAll(perNeuron);
            needed.removeAll(inputs);
            needed.remove(current);
            needed.removeAll(given.keySet());
            if (threshold != null) {
                needed.remove(LAST_SPIKE);
            }
            if (!needed.isEmpty()) {
                throw new ModelTextException("parameters", null, 0, 0, "the model reads " + needed + " but no value is given;"
                        + " give each as a parameter" + (unitless ? "" : " with its unit"), null);
            }
            for (Statement s : parsed.ofKind(Kind.PARAMETER)) {
                Quantity<?> q = given.get(s.variable());
                if (q != null && !unitless && !PhysicalUnits.sameDimension(q.getUnit(), s.unit())) {
                    throw new ModelTextException("parameters", s.variable(), 0, 0, q + " does not match the unit the"
                            + " equations declare, " + PhysicalUnits.describe(s.unit()) + "; give a value in " + s.unit(), null);
                }
            }
        }

        private List<Statement> extraStatements() {
            List<Statement> extra = new ArrayList<>();
            if (thresholdStatement != null) {
                extra.add(thresholdStatement);
            }
            if (refractoryCondition != null) {
                extra.add(refractoryCondition);
            }
            resets.forEach(a -> extra.add(a.asStatement("(reset of " + a.target() + ")", PhysicalUnits.ONE)));
            return extra;
        }

        /** The units of what is given rather than declared: parameters, and the last spike time. */
        private Map<String, Unit<?>> parameterUnits() {
            Map<String, Unit<?>> units = new LinkedHashMap<>();
            given.forEach((p, q) -> {
                if (!parsed.declared().contains(p)) {
                    units.put(p, q.getUnit());
                }
            });
            if (threshold != null) {
                units.put(LAST_SPIKE, PhysicalUnits.SECOND);
            }
            return units;
        }

        private Equations check(Equations eqs, Map<String, Unit<?>> units) {
            return unitless ? eqs.checkUnitless(units.keySet()) : eqs.checkUnits(units);
        }

        /** The right-hand side of {@code s}, checked with the equations (which passed already) and resolved. */
        private Expr checkedRhs(String part, Statement s, Equations checkedEquations, Map<String, Unit<?>> units) {
            Equations both = inPart(part, () -> check(parsed.with(List.of(s)), units));
            return checkedEquations.resolve(both.statement(s.variable()).rhs());
        }

        private CompiledNeuron build(Equations checked, Expr thresholdCondition, Expr refractoryExpr,
                                     List<Assignment> checkedResets) {
            Map<String, Double> values = new LinkedHashMap<>();
            given.forEach((p, q) -> values.put(p, number(q)));
            perNeuron.forEach(p -> values.putIfAbsent(p, 0.0));
            org.brainj.api.sim.NeuronModel.Builder b = org.brainj.api.sim.NeuronModel.builder(name);
            values.forEach(b::parameter);
            Map<String, Unit<?>> units = new LinkedHashMap<>();
            for (Statement s : parsed.statements()) {
                units.put(s.variable(), s.unit());
            }
            given.forEach((p, q) -> units.putIfAbsent(p, q.getUnit()));
            for (String x : checked.stateVariables()) {
                Expr dx = checked.derivative(x);
                b.derivative(x, dx);
            }
            if (thresholdCondition != null) {
                Expr condition = thresholdCondition;
                if (refractoryExpr != null) {
                    condition = new Expr.Logic(Expr.LogicOp.AND, condition,
                            new Expr.Cmp(Expr.CmpOp.GT, new Expr.Var(NOT_REFRACTORY), new Expr.Const(0.5)));
                }
                if (crossing) {
                    b.thresholdCrossing(condition);
                } else {
                    b.threshold(condition);
                }
            }
            checkedResets.forEach(a -> b.reset(a.target(), a.value()));
            if (refractoryParameter != null) {
                b.refractory(refractoryParameter, parsed.stateVariables().stream()
                        .filter(x -> parsed.statement(x).hasFlag("unless refractory")).toArray(String[]::new));
            }
            if (refractoryExpr != null) {
                if (parsed.declared().contains(NOT_REFRACTORY)) {
                    throw new ModelTextException("equations", NOT_REFRACTORY, 0, 0, "'" + NOT_REFRACTORY + "' is the state a"
                            + " refractory condition keeps; rename the variable", null);
                }
                // Brian2: not_refractory = not_refractory or not (condition), before the update; 0 after a spike
                b.derivative(NOT_REFRACTORY, new Expr.Const(0));
                b.initial(NOT_REFRACTORY, org.brainj.api.sim.Initializer.constant(1));
                b.jump(NOT_REFRACTORY, new Expr.Where(refractoryExpr, new Expr.Const(0),
                        new Expr.Bin(Expr.BinOp.SUB, new Expr.Const(1), new Expr.Var(NOT_REFRACTORY))));
                b.reset(NOT_REFRACTORY, new Expr.Const(0));
                units.put(NOT_REFRACTORY, PhysicalUnits.ONE);
            }
            inputs.forEach(b::input);
            if (current != null) {
                b.current(current);
            }
            if (membrane != null) {
                if (!parsed.stateVariables().contains(membrane)) {
                    throw new ModelTextException("membrane", membrane, 0, 0, "'" + membrane + "' is not a state variable;"
                            + " state variables: " + parsed.stateVariables(), null);
                }
                b.membrane(membrane);
            } else if (!parsed.stateVariables().isEmpty() && !parsed.stateVariables().contains("V")) {
                b.membrane(parsed.stateVariables().get(0));
            }
            return new CompiledNeuron(b.build(), checked, values, units, unitless);
        }

        /** A parameter as a number: in the coherent system, or as written in BrainPy's unitless style. */
        private double number(Quantity<?> q) {
            return unitless && Quantities.dimensionless(q.getUnit()) ? q.getValue().doubleValue() : Coherent.value(q);
        }

        private <T> T inPart(String part, Supplier<T> f) {
            return ModelTextException.inPart(part, f);
        }
    }

    private static Quantity<?> quantityOrNull(String text) {
        if (!text.matches("[-+0-9.][^*/()<>=]*")) {
            return null;
        }
        try {
            return PhysicalUnits.quantity(text);
        } catch (UnitFormatException | IllegalArgumentException e) {
            return null;
        }
    }
}
