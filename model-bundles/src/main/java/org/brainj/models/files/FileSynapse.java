package org.brainj.models.files;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.measure.Quantity;
import javax.measure.Unit;
import org.brainj.api.BrainJException;
import org.brainj.api.expr.Equations;
import org.brainj.api.expr.EquationException;
import org.brainj.api.expr.Expr;
import org.brainj.api.expr.ExpressionParser;
import org.brainj.api.expr.Exprs;
import org.brainj.api.expr.Statement;
import org.brainj.api.expr.Substitute;
import org.brainj.api.model.CompiledSynapse;
import org.brainj.api.model.SynapseModelFactory;
import org.brainj.api.model.SynapseText;
import org.brainj.api.program.Assign;
import org.brainj.api.sim.SynapseModel;
import org.brainj.api.spi.ParamSpec;
import org.brainj.api.units.Coherent;
import org.brainj.api.units.PhysicalUnits;
import org.brainj.api.units.UnitFormatException;

/**
 * A synapse {@link ModelFile} ({@value ModelFiles#SYNAPSE_EXTENSION}) compiled with
 * {@link SynapseText}: its {@code equations} are Brian2's {@code model}, {@code on_pre} and
 * {@code on_post} its pathways, {@code state} the per-synapse initial values (expressions of the
 * parameters, {@code i}, {@code j} and {@code rand()}). {@code target: g : unit} names the
 * post-synaptic variable it acts on as its text writes it ({@code g_post}), {@code membrane: v}
 * the groups' membrane potential ({@code v_pre}, {@code v_post}); {@code method:} integrates its
 * clock-driven equations (Brian2's {@code euler} where none is given). Its ports, parameters and
 * equations' syntax are read when the file is loaded; it is compiled against groups that have only
 * those variables when it is first used, once, which checks its units and initial values. Every
 * fault is named by file and line.
 */
public final class FileSynapse implements SynapseModelFactory {
    static final Unit<?> VOLT = PhysicalUnits.parse("volt");
    /** The flag of a variable the synapse sets every step, as {@link SynapseText} reads it. */
    private static final String SUMMED = "summed";

    private final ModelFile file;
    private final FileParameters parameters;
    private final Port target;
    private final Port membrane;
    private final boolean summed;
    private final OnFirstUse<Map<String, Expr>> initial = new OnFirstUse<>(this::initialValues);

    public FileSynapse(ModelFile file) {
        this.file = file;
        file.refuse(ModelFile.NEURON_KEYS, "a key of neuron models (" + ModelFiles.EXTENSION + " files)");
        file.refuse(ModelFile.OUTPUT_KEYS, "a key of synaptic outputs (" + ModelFiles.OUTPUT_EXTENSION + " files)");
        parameters = FileParameters.of(file);
        ModelFile.Line t = file.texts().get("target");
        if (t == null) {
            throw new ModelFileException(file.origin(), 1, "no 'target:'; name the post-synaptic variable the synapse acts"
                    + " on as its text writes it, with its unit, e.g. 'target: g : siemens' for 'g_post += w'", null);
        }
        target = port(t, PhysicalUnits.ONE);
        ModelFile.Line m = file.texts().get("membrane");
        membrane = m == null ? null : port(m, VOLT);
        // a listing says what a spec's 'on:' names for it: read from the equations' flags, without compiling them
        try {
            summed = Equations.parse(file.equations()).statements().stream()
                    .anyMatch(s -> s.hasFlag(SUMMED) && s.variable().equals(target.name() + SynapseModel.POST));
        } catch (EquationException e) {
            throw new ModelFileException(file.origin(), e.line(), e.problem(), e);
        }
    }

    /** The per-synapse initial values, from the file compiled against groups that have only its ports. */
    private Map<String, Expr> initialValues() {
        CompiledSynapse probe;
        try {
            probe = text(parameters.defaults()).compile(file.name(), ports(Map.of(), membrane), ports(Map.of(), target, membrane));
        } catch (BrainJException e) {
            throw new ModelFileException(file.origin(), file.lineOf(e), e.getMessage(), e);
        }
        Map<String, Expr> values = new LinkedHashMap<>();
        for (ModelFile.Entry s : file.state()) {
            Unit<?> unit = probe.units().get(s.name());
            if (unit == null) {
                throw new ModelFileException(file.origin(), s.line(), "'" + s.name() + "' is not a per-synapse variable;"
                        + " they are " + probe.units().keySet(), null);
            }
            values.put(s.name(), initialValue(s, unit, probe.unitless()));
        }
        return Collections.unmodifiableMap(values);
    }

    /** Compiles the file now, if it is not yet, so that a fault of it shows now. */
    void compileNow() {
        initial.get();
    }

    public ModelFile file() {
        return file;
    }

    @Override
    public String name() {
        return file.name();
    }

    @Override
    public List<ParamSpec> parameters() {
        return parameters.specs();
    }

    @Override
    public Port target() {
        return target;
    }

    @Override
    public Port membrane() {
        return membrane;
    }

    @Override
    public boolean summed() {
        return summed;
    }

    @Override
    public Compiled compile(String name, Map<String, ?> params, Groups groups) {
        Map<String, Expr> initialValues = initial.get(); // the file's own faults first, named by its lines
        Map<String, Quantity<?>> values = parameters.values(params);
        Map<String, Unit<?>> pre = known(groups.pre());
        Map<String, Unit<?>> post = known(groups.post());
        if (membrane != null) {
            pre.put(membrane.name(), unitOr(groups.pre(), groups.preMembrane(), membrane));
            post.put(membrane.name(), unitOr(groups.post(), groups.postMembrane(), membrane));
        }
        post.put(target.name(), unitOr(groups.post(), groups.target(), target));
        CompiledSynapse c = text(values).compile(name, pre, post);
        Map<String, String> rename = new LinkedHashMap<>();
        rename.put(target.name() + SynapseModel.POST, groups.target() + SynapseModel.POST);
        if (membrane != null && groups.preMembrane() != null) {
            rename.put(membrane.name() + SynapseModel.PRE, groups.preMembrane() + SynapseModel.PRE);
        }
        if (membrane != null && groups.postMembrane() != null) {
            rename.put(membrane.name() + SynapseModel.POST, groups.postMembrane() + SynapseModel.POST);
        }
        return new Compiled(new CompiledSynapse(renamed(c.model(), rename), c.units(), c.unitless()), initialValues);
    }

    private SynapseText text(Map<String, Quantity<?>> values) {
        SynapseText text = SynapseText.of(file.equations());
        if (file.onPre() != null) {
            text.onPre(file.onPre());
        }
        if (file.onPost() != null) {
            text.onPost(file.onPost());
        }
        values.forEach(text::parameter);
        if (file.text("method") != null) {
            text.method(file.text("method"));
        }
        return text;
    }

    /** A group's variables with their units, those it does not say as plain numbers. */
    private static Map<String, Unit<?>> known(Map<String, Unit<?>> vars) {
        Map<String, Unit<?>> known = new LinkedHashMap<>();
        vars.forEach((x, u) -> known.put(x, u == null ? PhysicalUnits.ONE : u));
        return known;
    }

    /** The unit of the group's variable a port stands for, or the port's own where the group does not say. */
    private static Unit<?> unitOr(Map<String, Unit<?>> vars, String variable, Port port) {
        Unit<?> unit = variable == null ? null : vars.get(variable);
        return unit == null ? port.unit() : unit;
    }

    private static Map<String, Unit<?>> ports(Map<String, Unit<?>> vars, Port... ports) {
        Map<String, Unit<?>> all = new LinkedHashMap<>(vars);
        for (Port p : ports) {
            if (p != null) {
                all.put(p.name(), p.unit());
            }
        }
        return all;
    }

    /** {@code model} with each port's name ({@code g_post}) replaced by the group variable it stands for. */
    private static SynapseModel renamed(SynapseModel model, Map<String, String> names) {
        Map<String, Expr> vars = new LinkedHashMap<>();
        names.forEach((from, to) -> vars.put(from, Exprs.var(to)));
        Map<String, Expr> clock = new LinkedHashMap<>();
        model.clockDriven().forEach((x, e) -> clock.put(x, Substitute.of(e, vars)));
        Map<String, Expr> summed = new LinkedHashMap<>();
        model.summed().forEach((x, e) -> {
            String to = names.get(x + SynapseModel.POST);
            summed.put(to == null ? x : to.substring(0, to.length() - SynapseModel.POST.length()), Substitute.of(e, vars));
        });
        return new SynapseModel(model.name(), model.parameters(), model.variables(), clock, model.eventDriven(),
                renamed(model.onPre(), names, vars), renamed(model.onPost(), names, vars), summed, model.delay(),
                model.postDelay(), model.method());
    }

    private static List<Assign> renamed(List<Assign> body, Map<String, String> names, Map<String, Expr> vars) {
        List<Assign> out = new ArrayList<>();
        for (Assign a : body) {
            out.add(new Assign(names.getOrDefault(a.target(), a.target()), Substitute.of(a.value(), vars)));
        }
        return out;
    }

    /** {@code name : unit}, or {@code name} with {@code otherwise} as its unit. */
    private Port port(ModelFile.Line line, Unit<?> otherwise) {
        return port(file, line, otherwise);
    }

    /** A line {@code name : unit} of {@code file}, or {@code name} with {@code otherwise} as its unit. */
    static Port port(ModelFile file, ModelFile.Line line, Unit<?> otherwise) {
        String[] parts = line.text().split(":", 2);
        String name = parts[0].trim();
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new ModelFileException(file.origin(), line.line(), "'" + name + "' is not a name; write 'name : unit',"
                    + " e.g. 'g : siemens'", null);
        }
        if (parts.length == 1) {
            return new Port(name, otherwise);
        }
        try {
            String unit = parts[1].trim();
            return new Port(name, unit.equals("1") ? PhysicalUnits.ONE : PhysicalUnits.parse(unit));
        } catch (UnitFormatException | IllegalArgumentException e) {
            throw new ModelFileException(file.origin(), line.line(), "'" + parts[1].trim() + "' is not a unit; write"
                    + " 'name : unit', e.g. 'g : siemens' or 'g : 1'", e);
        }
    }

    /** A per-synapse initial value: an expression of the parameters, i, j and rand() in the variable's unit. */
    private Expr initialValue(ModelFile.Entry s, Unit<?> unit, boolean unitless) {
        Quantity<?> q = null;
        try {
            q = PhysicalUnits.quantity(s.value());
        } catch (UnitFormatException | IllegalArgumentException notAQuantity) {
            // an expression, read below
        }
        if (q != null) {
            boolean plain = q.getUnit().equals(PhysicalUnits.ONE);
            if (unitless ? !plain : !PhysicalUnits.sameDimension(q.getUnit(), unit)) {
                throw new ModelFileException(file.origin(), s.line(), "state " + s.name() + ": " + s.value()
                        + " does not fit " + s.name() + " (" + PhysicalUnits.describe(unitless ? PhysicalUnits.ONE : unit)
                        + ")", null);
            }
            return Exprs.num(unitless ? q.getValue().doubleValue() : Coherent.value(q));
        }
        Map<String, Unit<?>> names = parameters.units();
        names.put("i", PhysicalUnits.ONE);
        names.put("j", PhysicalUnits.ONE);
        names.put(ExpressionParser.RAND, PhysicalUnits.ONE);
        try {
            Statement read = Equations.parseCondition(new org.brainj.api.expr.Source(s.value(), s.line(), 1), "(initial)");
            Statement typed = new Statement(read.kind(), s.name(), read.rhs(), unitless ? PhysicalUnits.ONE : unit,
                    read.flags(), read.line(), read.column(), read.positions());
            Equations eqs = new Equations(List.of(typed));
            Equations checked = unitless ? eqs.checkUnitless(Set.copyOf(names.keySet())) : eqs.checkUnits(names);
            return checked.statement(s.name()).rhs();
        } catch (EquationException e) {
            throw new ModelFileException(file.origin(), s.line(), "state " + s.name() + ": " + e.problem()
                    + "; give a quantity or an expression of the parameters, i, j and rand()", e);
        }
    }
}
