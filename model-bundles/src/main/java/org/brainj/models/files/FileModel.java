package org.brainj.models.files;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.measure.Quantity;
import org.brainj.api.BrainJException;
import org.brainj.api.model.CompiledNeuron;
import org.brainj.api.model.ModelTextException;
import org.brainj.api.model.NeuronText;
import org.brainj.api.sim.GroupIntegrator;
import org.brainj.api.sim.Initializer;
import org.brainj.api.sim.NeuronModel;
import org.brainj.api.sim.NeuronModelFactory;
import org.brainj.api.sim.TimeConvention;
import org.brainj.api.spi.ParamSpec;
import org.brainj.api.spi.Parameters;
import org.brainj.api.units.Coherent;
import org.brainj.api.units.PhysicalUnits;
import org.brainj.api.units.UnitFormatException;

/**
 * A {@link ModelFile} compiled with {@link NeuronText}: its parameters listed with the units and
 * meanings the file gives, values given in those units turned into the model's numbers. What a
 * listing shows (the parameters, {@code method}, {@code dt}, {@code convention}) is read and
 * checked when the file is loaded; the equations are compiled (units checked, initial values and
 * the method tried) when the model is first used, once. Every fault is named by file and line.
 */
public final class FileModel implements NeuronModelFactory {
    private final ModelFile file;
    private final String name;
    private final FileParameters parameters;
    private final TimeConvention convention;
    private final String method;
    private final double dt;
    private final OnFirstUse<Built> built = new OnFirstUse<>(this::build);

    /**
     * The compiled text and the model it gives, with the file's initial values and convention, and
     * each parameter's listed unit in the coherent system (a power of ten, rounded so that 1 mV is
     * exactly 1): made on first use, as Indriya's conversions of 42 files' units took a third of the
     * platform's start (issue 11).
     */
    private record Built(CompiledNeuron compiled, NeuronModel model, Map<String, Double> scales) {
    }

    public FileModel(ModelFile file) {
        this(file, file.name());
    }

    private FileModel(ModelFile file, String name) {
        this.file = file;
        this.name = name;
        file.refuse(ModelFile.SYNAPSE_KEYS, "a key of synapse models (" + ModelFiles.SYNAPSE_EXTENSION + " files)");
        file.refuse(ModelFile.OUTPUT_KEYS, "a key of synaptic outputs (" + ModelFiles.OUTPUT_EXTENSION + " files)");
        ModelFile.Line threshold = file.texts().get("threshold");
        ModelFile.Line crossing = file.texts().get("threshold_crossing");
        if (threshold != null && crossing != null) {
            throw new ModelFileException(file.origin(), crossing.line(), "give 'threshold' or 'threshold_crossing', not both", null);
        }
        parameters = FileParameters.of(file);
        convention = convention(file);
        method = file.text("method") == null ? "euler" : file.text("method");
        dt = file.text("dt") == null ? 0.1 : step(file.texts().get("dt"));
    }

    private Built build() {
        NeuronText text = NeuronText.of(file.equations());
        parameters.defaults().forEach(text::parameter);
        ModelFile.Line threshold = file.texts().get("threshold");
        ModelFile.Line crossing = file.texts().get("threshold_crossing");
        if (threshold != null) {
            text.threshold(threshold.source());
        } else if (crossing != null) {
            text.thresholdCrossing(crossing.source());
        }
        if (file.reset() != null) {
            text.reset(file.reset());
        }
        with(file, "refractory", l -> text.refractory(l.source()));
        with(file, "current", l -> text.current(l.text()));
        with(file, "inputs", l -> List.of(l.text().split("\\s*,\\s*")).forEach(text::input));
        with(file, "membrane", l -> text.membrane(l.text()));
        CompiledNeuron compiled;
        try {
            compiled = text.compile(name);
        } catch (BrainJException e) {
            throw new ModelFileException(file.origin(), file.lineOf(e), e.getMessage(), e);
        }
        NeuronModel.Builder b = compiled.model().toBuilder().convention(convention);
        for (ModelFile.Entry s : file.state()) {
            if (!compiled.model().stateVariables().contains(s.name())) {
                throw new ModelFileException(file.origin(), s.line(), "'" + s.name() + "' is not a state variable; they are "
                        + compiled.model().stateVariables(), null);
            }
            try {
                b.initial(s.name(), Initializer.constant(compiled.value(s.name(), PhysicalUnits.quantity(s.value()))));
            } catch (ModelTextException e) {
                throw new ModelFileException(file.origin(), s.line(), "state " + s.name() + ": " + e.problem(), e);
            } catch (BrainJException | IllegalArgumentException e) {
                throw new ModelFileException(file.origin(), s.line(), "state " + s.name() + ": " + e.getMessage(), e);
            }
        }
        NeuronModel model = b.build();
        ModelFile.Line methodLine = file.texts().get("method");
        try {
            // a method that cannot integrate these equations says so with the file's line
            GroupIntegrator.method(method).integrate(model.subexpressions(), model.derivatives(), 0);
        } catch (BrainJException e) {
            throw new ModelFileException(file.origin(), methodLine == null ? 1 : methodLine.line(), e.getMessage(), e);
        }
        Map<String, Double> scales = new LinkedHashMap<>();
        parameters.defaults().forEach((p, q) -> scales.put(p,
                new BigDecimal(Coherent.value(1, q.getUnit())).round(new MathContext(12)).doubleValue()));
        return new Built(compiled, model, scales);
    }

    /** The file's {@code convention:}, Brian2's where it gives none. */
    private static TimeConvention convention(ModelFile file) {
        ModelFile.Line line = file.texts().get("convention");
        if (line == null) {
            return TimeConvention.BRIAN2;
        }
        TimeConvention c = TimeConvention.named(line.text());
        if (c == null) {
            throw new ModelFileException(file.origin(), line.line(), "convention: '" + line.text()
                    + "' is not a time convention; give 'brian2' or 'nest'", null);
        }
        return c;
    }

    private double step(ModelFile.Line line) {
        try {
            Quantity<?> q = PhysicalUnits.quantity(line.text());
            if (PhysicalUnits.sameDimension(q.getUnit(), PhysicalUnits.SECOND) && Coherent.value(q) > 0) {
                return Coherent.value(q);
            }
        } catch (UnitFormatException | IllegalArgumentException e) {
            // said below
        }
        throw new ModelFileException(file.origin(), line.line(), "dt: '" + line.text() + "' is not a positive time; give e.g. '0.1 ms'",
                null);
    }

    /** Compiles the file now, if it is not yet, so that a fault of it shows now. */
    void compileNow() {
        built.get();
    }

    /** The same model under another name (NEST's, or an older one), listed and created as itself. */
    public FileModel alias(String alias) {
        return new FileModel(file, alias);
    }

    public ModelFile file() {
        return file;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<ParamSpec> parameters() {
        return parameters.specs();
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public double dt() {
        return dt;
    }

    /** The compiled text, for the units of each variable and parameter; compiled here if it is not yet. */
    public CompiledNeuron compiled() {
        return built.get().compiled();
    }

    /** Given values are numbers in the units the file lists; the model computes in the coherent system. */
    @Override
    public NeuronModel create(Map<String, ?> params) {
        Built b = built.get();
        Parameters p = Parameters.of(name, parameters.specs(), params);
        Map<String, Double> values = new LinkedHashMap<>();
        params.keySet().forEach(k -> values.put(k, b.compiled().unitless() ? p.real(k) : p.real(k) * b.scales().get(k)));
        return b.model().with(values);
    }

    private static void with(ModelFile file, String key, java.util.function.Consumer<ModelFile.Line> use) {
        ModelFile.Line l = file.texts().get(key);
        if (l != null) {
            use.accept(l);
        }
    }
}
