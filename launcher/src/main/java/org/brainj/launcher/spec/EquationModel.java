package org.brainj.launcher.spec;

import java.util.LinkedHashMap;
import java.util.Map;
import org.brainj.api.model.CompiledNeuron;
import org.brainj.api.model.ModelTextException;
import org.brainj.api.model.NeuronText;
import org.brainj.launcher.spec.NetworkSpec.ModelText;

/**
 * A population's model written in a spec as text ({@code equations}, {@code threshold},
 * {@code reset}, {@code refractory}, ...), as {@link SpecReader} read it into a {@link ModelText}:
 * handed to the API's {@link NeuronText} with the place of each text in the file, so that its faults are
 * reported at the user's line and column.
 */
final class EquationModel {
    private EquationModel() {
    }

    /** The compiled model; a fault is a spec error at its part's place. */
    static CompiledNeuron compile(String name, ModelText t) {
        NeuronText text = NeuronText.of(t.equations().value());
        if (t.threshold() != null) {
            text.threshold(t.threshold().value());
        } else if (t.thresholdCrossing() != null) {
            text.thresholdCrossing(t.thresholdCrossing().value());
        }
        if (t.reset() != null) {
            text.reset(t.reset().value());
        }
        if (t.refractory() != null) {
            text.refractory(t.refractory().value());
        }
        if (t.current() != null) {
            text.current(t.current().value());
        }
        t.inputs().forEach(text::input);
        if (t.membrane() != null) {
            text.membrane(t.membrane().value());
        }
        t.parameters().forEach((p, v) -> {
            if (PerNeuron.isPerNeuron(v)) {
                text.perNeuron(p);
            } else {
                text.parameter(p, v.scalar().quantity());
            }
        });
        try {
            return text.compile(name);
        } catch (ModelTextException e) {
            Map<String, Where> parameters = new LinkedHashMap<>();
            t.parameters().forEach((p, v) -> parameters.put(p, v.where()));
            throw located(e, t.places(), parameters, t.section());
        }
    }

    /**
     * The spec error of a model fault: at the key of the part at fault ({@code places}, by key),
     * or of the parameter ({@code parameters}), and inside its text where known.
     */
    static SpecException located(ModelTextException e, Map<String, Where> places, Map<String, Where> parameters,
                                         Where section) {
        String part = e.part().equals("threshold") && places.containsKey("threshold_crossing") ? "threshold_crossing" : e.part();
        Where at = part.equals("parameters") && e.key() != null && parameters.containsKey(e.key())
                ? parameters.get(e.key()) : places.get(part);
        Where where = at != null ? at : section.child(part, section.line());
        if (e.line() > 0) {
            where = where.at(e.line(), e.column());
        }
        return new SpecException(where, e.problem(), e);
    }
}
