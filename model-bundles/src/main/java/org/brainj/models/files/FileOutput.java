package org.brainj.models.files;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.measure.Unit;
import org.brainj.api.expr.EquationException;
import org.brainj.api.expr.Equations;
import org.brainj.api.expr.Expr;
import org.brainj.api.expr.Exprs;
import org.brainj.api.expr.Statement;
import org.brainj.api.expr.Substitute;
import org.brainj.api.model.ModelTextException;
import org.brainj.api.model.OutputModelFactory;
import org.brainj.api.model.SynapseModelFactory.Port;
import org.brainj.api.spi.ParamSpec;
import org.brainj.api.units.Coherent;
import org.brainj.api.units.PhysicalUnits;

/**
 * A synaptic output {@link ModelFile} ({@value ModelFiles#OUTPUT_EXTENSION}): {@code conductance:
 * g : siemens} names what it reads, the synapse's summed value, whose unit the synapse's weight
 * then carries; {@code membrane: v} the post-synaptic membrane potential, if it reads it; its
 * {@code equations} are one line, the current, {@code I = g * (E - v) : amp}. Its ports and
 * parameters are read when the file is loaded, its equation's units checked when it is first used,
 * once; a fault is named by file and line.
 */
public final class FileOutput implements OutputModelFactory {
    private static final Unit<?> AMP = PhysicalUnits.parse("amp");

    private final ModelFile file;
    private final FileParameters parameters;
    private final Port conductance;
    private final Port membrane;
    private final OnFirstUse<Expr> current = new OnFirstUse<>(this::checkedCurrent);

    public FileOutput(ModelFile file) {
        this.file = file;
        file.refuse(ModelFile.NEURON_KEYS, "a key of neuron models (" + ModelFiles.EXTENSION + " files)");
        file.refuse(ModelFile.SYNAPSE_KEYS, "a key of synapse models (" + ModelFiles.SYNAPSE_EXTENSION + " files)");
        file.refuse(java.util.Set.of("method"), "a key of models with equations to integrate; an output has none");
        if (!file.state().isEmpty()) {
            throw new ModelFileException(file.origin(), file.state().get(0).line(), "an output has no state of its own;"
                    + " remove 'state:'", null);
        }
        parameters = FileParameters.of(file);
        ModelFile.Line g = file.texts().get("conductance");
        if (g == null) {
            throw new ModelFileException(file.origin(), 1, "no 'conductance:'; name what the output reads, the synapse's"
                    + " summed value, with its unit, e.g. 'conductance: g : siemens'", null);
        }
        conductance = FileSynapse.port(file, g, PhysicalUnits.ONE);
        ModelFile.Line m = file.texts().get("membrane");
        membrane = m == null ? null : FileSynapse.port(file, m, FileSynapse.VOLT);
    }

    /** Checks the equation now, if it is not yet, so that a fault of it shows now. */
    void compileNow() {
        current.get();
    }

    /** The one equation, its units checked against the ports and parameters: the current as an expression of them. */
    private Expr checkedCurrent() {
        Map<String, Unit<?>> units = parameters.units();
        units.put(conductance.name(), conductance.unit());
        if (membrane != null) {
            units.put(membrane.name(), membrane.unit());
        }
        try {
            Equations eqs = Equations.parse(file.equations());
            if (eqs.statements().size() != 1 || eqs.statements().get(0).kind() != Statement.Kind.SUBEXPRESSION) {
                throw new ModelFileException(file.origin(), file.equations().line(), "an output's equations are one"
                        + " line, the current it drives: 'I = g * (E - v) : amp'", null);
            }
            Statement s = eqs.checkUnits(units).statements().get(0);
            if (!PhysicalUnits.sameDimension(s.unit(), AMP)) {
                throw new ModelFileException(file.origin(), s.line(), "the output's " + s.variable() + " is "
                        + PhysicalUnits.describe(s.unit()) + "; it is the current into the neuron: give it ': amp'", null);
            }
            return s.rhs();
        } catch (EquationException | ModelTextException e) {
            throw new ModelFileException(file.origin(), file.lineOf(e), e.getMessage(), e);
        }
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
    public Unit<?> conductance() {
        return conductance.unit();
    }

    @Override
    public Expr current(Map<String, ?> params, Expr g, Expr v) {
        Expr checked = current.get();
        Map<String, Expr> names = new LinkedHashMap<>();
        parameters.values(params).forEach((p, q) -> names.put(p, Exprs.num(Coherent.value(q))));
        names.put(conductance.name(), g);
        if (membrane != null) {
            if (v == null) {
                throw new ModelTextException("output", name(), 0, 0, "output " + name() + " reads the post-synaptic"
                        + " membrane potential, but the post-synaptic model names none", null);
            }
            names.put(membrane.name(), v);
        }
        return Substitute.of(checked, names);
    }
}
