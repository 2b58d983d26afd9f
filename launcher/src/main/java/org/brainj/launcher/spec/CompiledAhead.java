package org.brainj.launcher.spec;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
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

    /** By population name (unique in a spec): gives the compiled model, or throws what compiling it threw. */
    private final Map<String, Supplier<CompiledNeuron>> byPopulation = new HashMap<>();

    private CompiledAhead() {
    }

    /** Compiles the equations of every population of {@code spec} that has them. */
    CompiledAhead(NetworkSpec spec) {
        for (NetworkSpec.PopulationSpec p : spec.populations()) {
            if (p instanceof Neurons n && n.model() == null) {
                Supplier<CompiledNeuron> result;
                try {
                    CompiledNeuron compiled = EquationModel.compile(n.name(), n.equations());
                    result = () -> compiled;
                } catch (RuntimeException e) {
                    result = () -> {
                        throw e;
                    };
                }
                byPopulation.put(n.name(), result);
            }
        }
    }

    /** The model of {@code p}'s equations, as {@link EquationModel#compile} gives it (or throws). */
    CompiledNeuron of(Neurons p) {
        Supplier<CompiledNeuron> compiled = byPopulation.get(p.name());
        return compiled == null ? EquationModel.compile(p.name(), p.equations()) : compiled.get();
    }
}
