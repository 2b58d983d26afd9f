package org.brainj.launcher.spec;

import java.util.Map;
import org.brainj.api.model.CompiledNeuron;
import org.brainj.api.model.ModelTextException;
import org.brainj.api.model.NeuronText;

/**
 * A population's model written in a spec as text ({@code equations}, {@code threshold},
 * {@code reset}, {@code refractory}, ...): handed to the API's {@link NeuronText} with the place
 * of each text in the file, so that its faults are reported at the user's line and column.
 */
final class EquationModel {
    private EquationModel() {
    }

    /** The model of a population section that has {@code equations}. */
    static CompiledNeuron read(String name, SpecNode.Fields f) {
        NeuronText text = NeuronText.of(f.required("equations").source());
        boolean crossing = f.has("threshold_crossing");
        if (crossing && f.has("threshold")) {
            throw f.optional("threshold_crossing").error("give either 'threshold' (a spike while the condition holds) or"
                    + " 'threshold_crossing' (a spike when it becomes true), not both");
        }
        if (f.has("threshold")) {
            text.threshold(f.optional("threshold").source());
        } else if (crossing) {
            text.thresholdCrossing(f.optional("threshold_crossing").source());
        }
        if (f.has("reset")) {
            text.reset(f.optional("reset").source());
        }
        if (f.has("refractory")) {
            text.refractory(f.optional("refractory").source());
        }
        if (f.has("current")) {
            text.current(f.optional("current").name());
        }
        if (f.has("inputs")) {
            f.optional("inputs").sequence().forEach(n -> text.input(n.name()));
        }
        if (f.has("membrane")) {
            text.membrane(f.optional("membrane").name());
        }
        Map<String, SpecNode> parameters = f.has("parameters") ? f.optional("parameters").mapping() : Map.of();
        parameters.forEach((p, v) -> {
            if (PerNeuron.isPerNeuron(v)) {
                text.perNeuron(p);
            } else {
                text.parameter(p, v.quantity());
            }
        });
        try {
            return text.compile(name);
        } catch (ModelTextException e) {
            throw located(e, f, parameters);
        }
    }

    /** The spec error of a model fault: at the key of the part at fault, and inside its text where known. */
    static SpecException located(ModelTextException e, SpecNode.Fields f, Map<String, SpecNode> parameters) {
        String part = e.part().equals("threshold") && f.has("threshold_crossing") ? "threshold_crossing" : e.part();
        SpecNode at = part.equals("parameters") && e.key() != null && parameters.containsKey(e.key())
                ? parameters.get(e.key()) : f.optional(part);
        Where where = at != null ? at.where()
                : f.owner().where().child(part, f.owner().where().line());
        if (e.line() > 0) {
            where = where.at(e.line(), e.column());
        }
        return new SpecException(where, e.problem(), e);
    }
}
