package org.brainj.launcher.spec;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.brainj.api.BrainJException;
import org.brainj.api.sim.Input;
import org.brainj.api.sim.Network;
import org.brainj.api.sim.NeuronGroup;
import org.brainj.api.sim.NonFiniteStateException;
import org.brainj.api.sim.Population;
import org.brainj.api.sim.SpikeMonitor;
import org.brainj.api.sim.StateMonitor;
import org.brainj.api.sim.SynapseMonitor;
import org.brainj.api.sim.Synapses;

/**
 * A spec turned into a runnable network.
 *
 * @param name        the spec's name (its {@code name:}, or the file name without extension)
 * @param populations every group and named view, in the order written
 * @param spikes      the spike monitor of each monitored group, by group name
 * @param states      the state monitors, in the order written
 * @param synapses    the projections written as equations, by name
 * @param synapseStates the monitors of per-synapse variables, in the order written
 * @param places      where each population (a group, not a view) is written in the spec, to name it in run-time errors
 * @param inputs      the entries of {@code inputs:}, in the order written
 * @param plots       the pictures of {@code plots:}, in the order written
 */
public record SpecRun(String name, RunSettings settings, Network network, Map<String, Population> populations,
                      Map<String, SpikeMonitor> spikes, List<State> states, Map<String, Synapses> synapses,
                      List<SynapseState> synapseStates, Map<String, Where> places, List<InputEntry> inputs,
                      List<PlotSpec.Plot> plots) {

    /**
     * An {@code inputs:} entry as written and the input built from it, with the builder that made
     * it, so that a sweep can build the entry again with other values.
     */
    public record InputEntry(NetworkSpec.Stimulus written, Input input, Function<NetworkSpec.Stimulus, Input> builder) {
    }

    /**
     * A failure of the run, located at the spec's section of the group it names (a state that
     * became NaN or infinite), so the message points at what to change.
     */
    public BrainJException located(BrainJException failure) {
        if (failure instanceof NonFiniteStateException n && places.containsKey(n.group())) {
            return new SpecException(places.get(n.group()), failure.getMessage(), failure);
        }
        return failure;
    }

    /** A monitored per-synapse variable and the synapses recorded (null: all, in CSR order). */
    public record SynapseState(String synapses, String variable, SynapseMonitor monitor, int[] indices) {
        /** A file-name-safe label, {@code S.w}. */
        public String label() {
            return synapses + "." + variable;
        }
    }

    /**
     * A monitored variable, with its unit in the {@link org.brainj.api.units.Coherent} system when known (else null)
     * and the neurons recorded (null: all).
     */
    public record State(String population, String variable, StateMonitor monitor, String unit, int[] indices) {
        /** A file-name-safe label, {@code P.V}. */
        public String label() {
            return population + "." + variable;
        }
    }

    /** The group a population belongs to. */
    public NeuronGroup group(String population) {
        return populations.get(population).group();
    }
}
