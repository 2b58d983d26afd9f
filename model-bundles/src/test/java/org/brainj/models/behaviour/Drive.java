package org.brainj.models.behaviour;

import java.util.HashMap;
import java.util.Map;
import org.brainj.api.sim.GroupIntegrator;
import org.brainj.api.sim.Initializer;
import org.brainj.api.sim.Input;
import org.brainj.api.sim.Network;
import org.brainj.api.sim.NeuronGroup;
import org.brainj.api.sim.NeuronModelFactory;
import org.brainj.api.sim.SpikeMonitor;
import org.brainj.api.sim.StateMonitor;
import org.brainj.api.tensor.Backends;

/**
 * A model of the catalog under constant drive, at the method and dt its file names: one neuron
 * per drive value, its spike times and, when asked, one variable's trace.
 */
final class Drive {
    final NeuronModelFactory factory;
    final double dt;
    private final Network net;
    private final SpikeMonitor[] spikes;
    private final StateMonitor[] traces;
    private final java.util.List<NeuronGroup> groups = new java.util.ArrayList<>();

    /**
     * @param input  the input variable the drive goes into ({@code input}), or a parameter that holds
     *               a constant current ({@code I_e}, NEST's models), given in its listed unit
     * @param values the drive of each neuron, as numbers: nA into {@code input}, the listed unit for a parameter
     * @param record a variable to record every step, or null
     */
    Drive(String model, Map<String, ?> params, String input, double[] values, String record) {
        this(model, params, input, values, record, null, 0);
    }

    /** With another method and dt than the file's (null and 0 for the file's). */
    Drive(String model, Map<String, ?> params, String input, double[] values, String record, String method, double step) {
        factory = CatalogModels.model(model);
        dt = step > 0 ? step : factory.dt();
        String m = method != null ? method : factory.method();
        net = new Network(Backends.get("cpu")).dt(dt);
        spikes = new SpikeMonitor[values.length];
        traces = new StateMonitor[values.length];
        boolean parameter = factory.parameters().stream().anyMatch(p -> p.name().equals(input));
        for (int k = 0; k < values.length; k++) {
            Map<String, Object> given = new HashMap<>(params);
            if (parameter) {
                given.put(input, values[k]);
            }
            NeuronGroup g = new NeuronGroup(model + k, 1, factory.create(given))
                    .method(GroupIntegrator.method(m));
            net.add(g);
            groups.add(g);
            if (!parameter) {
                net.add(Input.constant(g, input, values[k], Input.Op.ADD));
            }
            spikes[k] = net.spikes(g);
            if (record != null) {
                traces[k] = net.monitor(g, record);
            }
        }
    }

    /** Every neuron's {@code variable} starts at {@code value} (e.g. a synaptic state, as if a spike came at t = 0). */
    Drive init(String variable, double value) {
        groups.forEach(g -> g.init(variable, Initializer.constant(value)));
        return this;
    }

    Drive run(double duration) {
        net.run(duration);
        return this;
    }

    /** {@code variable} of {@code neuron} now, after the last step run (a trace holds the values before each step). */
    double now(String variable, int neuron) {
        return groups.get(neuron).variable(variable).item();
    }

    double[] spikeTimes(int neuron) {
        return spikes[neuron].times();
    }

    int count(int neuron) {
        return spikes[neuron].count();
    }

    /** The recorded variable of {@code neuron}, one value a step. */
    double[] trace(int neuron) {
        double[][] v = traces[neuron].values();
        double[] out = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            out[k] = v[k][0];
        }
        return out;
    }

    static double[] intervals(double[] times) {
        double[] isi = new double[Math.max(0, times.length - 1)];
        for (int k = 0; k < isi.length; k++) {
            isi[k] = times[k + 1] - times[k];
        }
        return isi;
    }
}
