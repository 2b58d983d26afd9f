package org.brainj.launcher.spec;

import java.util.HashMap;
import java.util.Map;
import org.brainj.api.model.CompiledNeuron;
import org.brainj.launcher.spec.NetworkSpec.Neurons;

/**
 * The models a spec writes as equations, compiled on the reading thread while the platform starts
 * (issue 11): compiling needs no catalog, and COBA's took ~35 ms of the main thread's CPU before
 * its first step. Each population's compilation, or its fault, is handed to the assembler when it
 * reaches that population, so faults are reported in the order and with the places they were.
 */
final class CompiledAhead {
    /** None compiled: each population's equations are compiled when the assembler reaches it. */
    static final CompiledAhead NONE = new CompiledAhead();

    /** By population name (unique in a spec): the compiled model, or the exception compiling it threw. */
    private final Map<String, Object> byPopulation = new HashMap<>();

    private CompiledAhead() {
    }

    /** Compiles the equations of every population of {@code spec} that has them. */
    CompiledAhead(NetworkSpec spec) {
        for (NetworkSpec.PopulationSpec p : spec.populations()) {
            if (p instanceof Neurons n && n.model() == null) {
                Object compiled;
                try {
                    compiled = EquationModel.compile(n.name(), n.equations());
                } catch (RuntimeException e) {
                    compiled = e;
                }
                byPopulation.put(n.name(), compiled);
            }
        }
    }

    /** The model of {@code p}'s equations, as {@link EquationModel#compile} gives it (or throws). */
    CompiledNeuron of(Neurons p) {
        Object compiled = byPopulation.get(p.name());
        if (compiled == null) {
            return EquationModel.compile(p.name(), p.equations());
        }
        if (compiled instanceof RuntimeException e) {
            throw e;
        }
        return (CompiledNeuron) compiled;
    }
}
