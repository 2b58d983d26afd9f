package org.brainj.api.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.measure.Quantity;
import javax.measure.Unit;
import org.brainj.api.BrainJException;
import org.brainj.api.expr.Assignment;
import org.brainj.api.expr.Derivative;
import org.brainj.api.expr.Equations;
import org.brainj.api.expr.Expr;
import org.brainj.api.expr.ExpressionParser;
import org.brainj.api.expr.Exprs;
import org.brainj.api.expr.FreeVars;
import org.brainj.api.expr.Positions;
import org.brainj.api.expr.Simplify;
import org.brainj.api.expr.Source;
import org.brainj.api.expr.Statement;
import org.brainj.api.expr.Statement.Kind;
import org.brainj.api.expr.Substitute;
import org.brainj.api.program.Assign;
import org.brainj.api.program.StepProgram;
import org.brainj.api.sim.GroupIntegrator;
import org.brainj.api.sim.SynapseModel;
import org.brainj.api.units.Coherent;
import org.brainj.api.units.PhysicalUnits;
import org.brainj.api.units.UnitFormatException;

/**
 * A synapse model written as text, as Brian2's {@code Synapses} takes it, in the grammar and
 * unit system of {@link NeuronText}:
 * <pre>
 * CompiledSynapse stdp = SynapseText.of("""
 *         w : 1
 *         dApre/dt = -Apre / taupre : 1 (event-driven)
 *         dApost/dt = -Apost / taupost : 1 (event-driven)""")
 *     .onPre("ge_post += w; Apre += dApre; w = clip(w + Apost, 0, gmax)")
 *     .onPost("Apost += dApost; w = clip(w + Apre, 0, gmax)")
 *     .parameter("taupre", "20 ms").parameter("taupost", "20 ms") ...
 *     .compile("S", inputModel, neuronModel);
 * </pre>
 * The {@code model} declares per-synapse variables ({@code w : 1}), differential equations
 * integrated every step (the default, or {@code (clock-driven)}) or exactly between events
 * ({@code (event-driven)}, which must be linear), subexpressions, and {@code (summed)} variables
 * ({@code I_gap_post = g * (v_pre - v_post) : amp (summed)}): a post-synaptic variable set each
 * step to the sum over the synapses onto each neuron. {@code on_pre} and {@code on_post} are
 * statements run for each synapse of a neuron that spiked; they read and write per-synapse
 * variables and the groups' variables, {@code x_pre} and {@code x_post}, and may draw
 * ({@code rand()}, {@code randn()}); a name of neither the synapses nor a parameter is the
 * post-synaptic group's (Brian2's rule). Before an event's statements, the event-driven
 * variables are advanced from the synapse's last event to now. Clock-driven equations are
 * integrated by {@link #method}. Faults are {@link ModelTextException}s naming the part
 * ({@code model}, {@code on_pre}, {@code on_post}, {@code parameters}, {@code delay},
 * {@code method}) and the user's line and column.
 */
public final class SynapseText {
    private static final String EVENT_DRIVEN = "event-driven";
    private static final String SUMMED = "summed";

    private final Source model;
    private Source onPre;
    private Source onPost;
    private String delay;
    private String postDelay;
    private String method = SynapseModel.DEFAULT_METHOD;
    private final Map<String, Quantity<?>> parameters = new LinkedHashMap<>();

    private SynapseText(Source model) {
        this.model = model;
    }

    public static SynapseText of(String model) {
        return of(Source.of(model));
    }

    public static SynapseText of(Source model) {
        return new SynapseText(model);
    }

    /** Statements for each synapse of a pre-synaptic neuron that spiked, one a line or separated by {@code ;}. */
    public SynapseText onPre(String statements) {
        return onPre(Source.of(statements));
    }

    public SynapseText onPre(Source statements) {
        onPre = statements;
        return this;
    }

    /** Statements for each synapse of a post-synaptic neuron that spiked. */
    public SynapseText onPost(String statements) {
        return onPost(Source.of(statements));
    }

    public SynapseText onPost(Source statements) {
        onPost = statements;
        return this;
    }

    /** The pre-synaptic pathway's delay shared by all synapses ({@code 2 ms}); none means 0 or per-synapse delays. */
    public SynapseText delay(String time) {
        delay = time;
        return this;
    }

    /** The post-synaptic pathway's delay shared by all synapses: {@code on_post} runs that long after the spike. */
    public SynapseText postDelay(String time) {
        postDelay = time;
        return this;
    }

    /**
     * How the clock-driven equations are integrated: a method of {@link GroupIntegrator#method}
     * ({@code euler}, the default as in Brian2 for non-linear ones; {@code exact} for linear
     * ones; {@code rk2}, {@code rk4}, {@code exponential_euler}).
     */
    public SynapseText method(String name) {
        method = name;
        return this;
    }

    public SynapseText parameter(String name, Quantity<?> value) {
        parameters.put(name, value);
        return this;
    }

    /** A parameter given as quantity text ({@code 20 ms}) or a plain number. */
    public SynapseText parameter(String name, String value) {
        return parameter(name, Quantities.parameter(name, value));
    }

    public SynapseText parameter(String name, double value) {
        return parameter(name, PhysicalUnits.of(value, PhysicalUnits.ONE));
    }

    /** Compiles against the models of the groups the synapses connect. */
    public CompiledSynapse compile(String name, CompiledNeuron pre, CompiledNeuron post) {
        return compile(name, variablesOf(pre), variablesOf(post));
    }

    /**
     * Compiles against the variables (with their units) of the pre- and post-synaptic groups
     * that the statements may read and write.
     */
    public CompiledSynapse compile(String name, Map<String, Unit<?>> pre, Map<String, Unit<?>> post) {
        return new Compiler(name, pre, post).run();
    }

    /** A group's variables that are tensors: state and parameters. */
    private static Map<String, Unit<?>> variablesOf(CompiledNeuron neuron) {
        Map<String, Unit<?>> vars = new LinkedHashMap<>();
        for (String x : neuron.model().derivatives().keySet()) {
            vars.put(x, neuron.unit(x));
        }
        for (String p : neuron.parameters().keySet()) {
            vars.put(p, neuron.unit(p));
        }
        vars.replaceAll((x, u) -> neuron.unitless() || u == null ? PhysicalUnits.ONE : u);
        return vars;
    }

    /** One compilation: the checks in order, each fault attributed to its part. */
    private final class Compiler {
        private final String name;
        private final Map<String, Unit<?>> pre;
        private final Map<String, Unit<?>> post;
        private Equations parsed;
        private Equations core;
        private final List<Statement> summed = new ArrayList<>();
        private final List<Assignment> preStatements = new ArrayList<>();
        private final List<Assignment> postStatements = new ArrayList<>();
        /** The declarations the checks add: group variables as {@code x_pre}, {@code x_post} and bare post names. */
        private final List<Statement> groupVariables = new ArrayList<>();
        /** A bare name of a post-synaptic variable and what it stands for, {@code x_post}. */
        private final Map<String, Expr> aliases = new HashMap<>();
        private boolean unitless;

        Compiler(String name, Map<String, Unit<?>> pre, Map<String, Unit<?>> post) {
            this.name = name;
            this.pre = pre;
            this.post = post;
        }

        CompiledSynapse run() {
            parsed = inPart("model", () -> Equations.parse(model));
            for (Statement s : parsed.statements()) {
                if (s.hasFlag(SUMMED)) {
                    summed.add(s);
                } else if (s.kind() != Kind.DIFFERENTIAL && s.hasFlag(EVENT_DRIVEN)) {
                    throw new ModelTextException("model", s.variable(), s.line(), s.column(), "(event-driven) is a flag of"
                            + " differential equations; remove it from " + s.variable(), null);
                }
            }
            core = new Equations(parsed.statements().stream().filter(s -> !s.hasFlag(SUMMED)).toList());
            if (onPre != null) {
                preStatements.addAll(inPart("on_pre", () -> Equations.parseAssignments(onPre)));
            }
            if (onPost != null) {
                postStatements.addAll(inPart("on_post", () -> Equations.parseAssignments(onPost)));
            }
            declareGroupVariables();
            unitless = parsed.statements().stream().allMatch(s -> Quantities.dimensionless(s.unit()))
                    && parameters.values().stream().allMatch(q -> Quantities.dimensionless(q.getUnit()))
                    && groupVariables.stream().allMatch(s -> Quantities.dimensionless(s.unit()))
                    && !readsUnitNames();
            Map<String, Unit<?>> units = parameterUnits();
            Equations checked = inPart("model", () -> check(core.with(groupVariables), units));
            Map<String, Expr> summedExprs = new LinkedHashMap<>();
            Set<String> summedTargets = new LinkedHashSet<>();
            for (Statement s : summed) {
                summedExprs.put(summedTarget(s), rename(checkedRhs("model", s, checked, units)));
                summedTargets.add(s.variable());
            }
            Map<String, SynapseModel.Linear> eventDriven = new LinkedHashMap<>();
            Map<String, Expr> clockDriven = new LinkedHashMap<>();
            for (String x : core.stateVariables()) {
                Expr dx = rename(checked.derivative(x));
                if (core.statement(x).hasFlag(EVENT_DRIVEN)) {
                    eventDriven.put(x, linear(core.statement(x), dx));
                } else {
                    clockDriven.put(x, dx);
                }
            }
            List<Assign> pre = events("on_pre", preStatements, checked, units, eventDriven, summedTargets);
            List<Assign> post = events("on_post", postStatements, checked, units, eventDriven, summedTargets);
            for (String p : parameters.keySet()) {
                if (core.declared().contains(p)) {
                    throw new ModelTextException("parameters", p, 0, 0, "'" + p + "' is declared by the model; it cannot"
                            + " also be a parameter", null);
                }
            }
            Map<String, Double> values = new LinkedHashMap<>();
            parameters.forEach((p, q) -> values.put(p, number(q)));
            List<String> variables = new ArrayList<>();
            Map<String, Unit<?>> variableUnits = new LinkedHashMap<>();
            for (Statement s : core.statements()) {
                if (s.kind() != Kind.SUBEXPRESSION) {
                    variables.add(s.variable());
                    variableUnits.put(s.variable(), s.unit());
                }
            }
            requireMethod(clockDriven);
            SynapseModel m = new SynapseModel(name, values, variables, clockDriven, eventDriven, pre, post, summedExprs,
                    delayValue("delay", delay), delayValue("delay", postDelay), method);
            return new CompiledSynapse(m, variableUnits, unitless);
        }

        /**
         * Declares, for the checks, each group variable the text reads or writes: {@code x_pre},
         * {@code x_post}, and a bare name that neither the synapses nor a parameter define as the
         * post-synaptic group's {@code x}.
         */
        private void declareGroupVariables() {
            Set<String> names = new LinkedHashSet<>(parsed.identifiers());
            for (List<Assignment> list : List.of(preStatements, postStatements)) {
                for (Assignment a : list) {
                    names.add(a.target());
                    names.addAll(FreeVars.of(a.value()));
                }
            }
            summed.forEach(s -> names.add(s.variable()));
            names.removeAll(parsed.declared());
            names.removeAll(parameters.keySet());
            names.removeAll(Equations.TIME);
            for (String n : names) {
                Unit<?> unit = null;
                if (n.endsWith(SynapseModel.PRE) && pre.containsKey(strip(n, SynapseModel.PRE))) {
                    unit = pre.get(strip(n, SynapseModel.PRE));
                } else if (n.endsWith(SynapseModel.POST) && post.containsKey(strip(n, SynapseModel.POST))) {
                    unit = post.get(strip(n, SynapseModel.POST));
                } else if (post.containsKey(n)) {
                    unit = post.get(n);
                    aliases.put(n, Exprs.var(n + SynapseModel.POST));
                } else if (n.equals(SynapseModel.LAST_UPDATE)) {
                    unit = PhysicalUnits.SECOND;
                } else if (n.equals(ExpressionParser.RAND) || n.equals(ExpressionParser.RANDN)) {
                    unit = PhysicalUnits.ONE;
                }
                if (unit != null) {
                    groupVariables.add(new Statement(Kind.PARAMETER, n, null, unit, List.of(), 0, 0, Positions.none(1, 1)));
                }
            }
        }

        /** Whether the text writes a unit ({@code mV}) that no declaration or parameter shadows. */
        private boolean readsUnitNames() {
            Set<String> read = new LinkedHashSet<>(parsed.identifiers());
            for (List<Assignment> list : List.of(preStatements, postStatements)) {
                list.forEach(a -> read.addAll(FreeVars.of(a.value())));
            }
            read.removeAll(parsed.declared());
            read.removeAll(parameters.keySet());
            groupVariables.forEach(s -> read.remove(s.variable()));
            return read.stream().anyMatch(n -> PhysicalUnits.inEquations(n).isPresent());
        }

        private Map<String, Unit<?>> parameterUnits() {
            Map<String, Unit<?>> units = new LinkedHashMap<>();
            parameters.forEach((p, q) -> units.put(p, q.getUnit()));
            return units;
        }

        private Equations check(Equations eqs, Map<String, Unit<?>> units) {
            return unitless ? eqs.checkUnitless(units.keySet()) : eqs.checkUnits(units);
        }

        /** The right-hand side of {@code s}, checked with the model and resolved. */
        private Expr checkedRhs(String part, Statement s, Equations checked, Map<String, Unit<?>> units) {
            Equations both = inPart(part, () -> check(core.with(groupVariables).with(List.of(s)), units));
            return checked.resolve(both.statement(s.variable()).rhs());
        }

        private String summedTarget(Statement s) {
            String target = s.variable();
            if (s.kind() != Kind.SUBEXPRESSION || !target.endsWith(SynapseModel.POST)
                    || !post.containsKey(strip(target, SynapseModel.POST))) {
                throw new ModelTextException("model", target, s.line(), s.column(), "a (summed) variable is a"
                        + " post-synaptic group's variable written 'x_post = expression : unit (summed)'; the group's"
                        + " variables: " + post.keySet(), null);
            }
            return strip(target, SynapseModel.POST);
        }

        /**
         * {@code dX/dt = rate X + drive} with constant coefficients, or a fault: event-driven
         * equations are solved exactly from one event to the next, which needs them linear.
         */
        private SynapseModel.Linear linear(Statement s, Expr dx) {
            String x = s.variable();
            Expr rate = Simplify.of(Derivative.of(dx, x));
            Expr drive = Simplify.of(Substitute.of(dx, x, Exprs.num(0)));
            Set<String> read = new LinkedHashSet<>(FreeVars.of(rate));
            read.addAll(FreeVars.of(drive));
            read.removeAll(parameters.keySet());
            if (!read.isEmpty()) {
                throw new ModelTextException("model", x, s.line(), s.column(), "the event-driven equation " + s.lhs()
                        + " is not linear in " + x + " with constant coefficients (it reads " + read + "), so it has no"
                        + " exact solution between events; write it as d" + x + "/dt = -" + x + "/tau, or remove"
                        + " (event-driven) to integrate it every step", null);
            }
            return new SynapseModel.Linear(rate, drive);
        }

        /** The statements of one pathway: event-driven variables advanced to now, the user's, the time of this event. */
        private List<Assign> events(String part, List<Assignment> statements, Equations checked, Map<String, Unit<?>> units,
                                    Map<String, SynapseModel.Linear> eventDriven, Set<String> summedTargets) {
            if (statements.isEmpty()) {
                return List.of();
            }
            List<Assign> body = new ArrayList<>();
            Expr h = Exprs.sub(Exprs.var("t"), Exprs.var(SynapseModel.LAST_UPDATE));
            Map<Expr, String> decays = new LinkedHashMap<>();
            eventDriven.forEach((x, lin) -> body.add(new Assign(x, advance(x, lin, h, body, decays))));
            for (Assignment a : statements) {
                String target = a.target();
                Unit<?> unit = targetUnit(part, a, summedTargets);
                Statement s = a.asStatement("(" + part + " of " + target + ")", unit);
                Expr value = rename(checkedRhs(part, s, checked, units));
                String renamed = aliases.containsKey(target) ? target + SynapseModel.POST : target;
                body.add(new Assign(renamed, value));
            }
            if (!eventDriven.isEmpty()) {
                body.add(new Assign(SynapseModel.LAST_UPDATE, Exprs.var("t")));
            }
            return body;
        }

        /** The unit of what {@code a} assigns: a per-synapse variable or a group's; anything else is a fault. */
        private Unit<?> targetUnit(String part, Assignment a, Set<String> summedTargets) {
            String target = a.target();
            if (core.declared().contains(target) && core.statement(target).kind() != Kind.SUBEXPRESSION) {
                return core.statement(target).unit();
            }
            for (Statement g : groupVariables) {
                if (g.variable().equals(target) && !target.equals(SynapseModel.LAST_UPDATE)) {
                    if (summedTargets.contains(target) || summedTargets.contains(target + SynapseModel.POST)) {
                        throw new ModelTextException(part, target, a.line(), a.column(), "'" + target + "' is a (summed)"
                                + " variable, set each step to the sum over the synapses; write another variable", null);
                    }
                    return g.unit();
                }
            }
            Set<String> writable = new LinkedHashSet<>();
            core.statements().stream().filter(s -> s.kind() != Kind.SUBEXPRESSION).forEach(s -> writable.add(s.variable()));
            pre.keySet().forEach(x -> writable.add(x + SynapseModel.PRE));
            post.keySet().forEach(x -> writable.add(x + SynapseModel.POST));
            throw new ModelTextException(part, target, a.line(), a.column(), "the statement assigns '" + target + "', which is"
                    + " no per-synapse variable and no variable of the groups; it may assign " + writable, null);
        }

        private Expr advance(String x, SynapseModel.Linear lin, Expr h, List<Assign> body, Map<Expr, String> decays) {
            if (Exprs.isConst(lin.rate(), 0)) {
                return Exprs.add(Exprs.var(x), Exprs.mul(lin.drive(), h));
            }
            Expr decay = decay(x, lin.rate(), h, body, decays);
            Expr value = Exprs.mul(Exprs.var(x), decay);
            if (Exprs.isConst(lin.drive(), 0)) {
                return value;
            }
            return Exprs.add(value, Exprs.div(Exprs.mul(lin.drive(), Exprs.sub(decay, Exprs.num(1))), lin.rate()));
        }

        /**
         * {@code exp(rate h)} as a local of the pathway, one per distinct rate. A rate written
         * otherwise than an earlier one but equal to it when the run reads the parameters (STDP's
         * {@code taupre} and {@code taupost}, both 20 ms in Brian2's examples) takes that one's
         * factor: the same product of the same numbers, so the same bits, for one exponential per
         * synapse and event instead of two. Rates read only parameters, so a backend compares
         * them once per run.
         */
        private static Expr decay(String x, Expr rate, Expr h, List<Assign> body, Map<Expr, String> decays) {
            String same = decays.get(rate);
            if (same != null) {
                return Exprs.var(same);
            }
            Expr value = Exprs.call(Expr.Fn.EXP, Exprs.mul(rate, h));
            List<Map.Entry<Expr, String>> earlier = new ArrayList<>(decays.entrySet());
            for (int k = earlier.size() - 1; k >= 0; k--) {
                value = new Expr.Where(new Expr.Cmp(Expr.CmpOp.EQ, rate, earlier.get(k).getKey()),
                        Exprs.var(earlier.get(k).getValue()), value);
            }
            String local = x + "__decay";
            body.add(new Assign(local, value));
            decays.put(rate, local);
            return Exprs.var(local);
        }

        /** {@code e} with each bare post-synaptic name written {@code x_post}. */
        private Expr rename(Expr e) {
            return Substitute.of(e, aliases);
        }

        /** The clock-driven equations integrate under the method, or the fault names it and why. */
        private void requireMethod(Map<String, Expr> clockDriven) {
            StepProgram program;
            try {
                GroupIntegrator integrator = GroupIntegrator.method(method);
                program = clockDriven.isEmpty() ? null : integrator.integrate(List.of(), clockDriven, 0);
            } catch (BrainJException e) {
                throw new ModelTextException("method", null, 0, 0, e.getMessage(), e);
            }
            if (program != null && !program.noise().isEmpty()) {
                String noisy = clockDriven.keySet().stream()
                        .filter(x -> FreeVars.of(clockDriven.get(x)).stream().anyMatch(Equations::isNoise)).findFirst()
                        .orElseThrow();
                Statement s = core.statement(noisy);
                throw new ModelTextException("model", s.variable(), s.line(), s.column(), "clock-driven synaptic equations"
                        + " take no noise term (xi); draw in on_pre or on_post with randn(), or move the noise to a"
                        + " group's equations", null);
            }
            if (program != null && !program.propagators().isEmpty()) {
                throw new ModelTextException("method", null, 0, 0, "exact: the clock-driven equations of "
                        + program.propagators().get(0).variables() + " are coupled, and synapses do not bind the"
                        + " propagators computed once per run; decouple them or use rk4 or exponential_euler", null);
            }
        }

        private Double delayValue(String part, String delay) {
            if (delay == null) {
                return null;
            }
            Quantity<?> q;
            try {
                q = PhysicalUnits.quantity(delay);
            } catch (UnitFormatException | IllegalArgumentException e) {
                throw new ModelTextException(part, null, 0, 0, "'" + delay + "' is not a time; give e.g. '2 ms'", e);
            }
            boolean plain = Quantities.dimensionless(q.getUnit());
            if ((!plain && !PhysicalUnits.sameDimension(q.getUnit(), PhysicalUnits.SECOND)) || (plain && !unitless)
                    || !(q.getValue().doubleValue() >= 0)) {
                throw new ModelTextException(part, null, 0, 0, "'" + delay + "' is not a time >= 0; give e.g. '2 ms'",
                        null);
            }
            return plain ? q.getValue().doubleValue() : Coherent.value(q);
        }

        private double number(Quantity<?> q) {
            return unitless && Quantities.dimensionless(q.getUnit()) ? q.getValue().doubleValue() : Coherent.value(q);
        }

        private <T> T inPart(String part, Supplier<T> f) {
            return ModelTextException.inPart(part, f);
        }
    }

    private static String strip(String name, String suffix) {
        return name.substring(0, name.length() - suffix.length());
    }

}
