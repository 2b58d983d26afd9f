package org.brainj.examples;

import org.brainj.api.sim.GroupIntegrator;
import org.brainj.api.sim.Initializer;
import org.brainj.api.sim.Network;
import org.brainj.api.sim.NeuronGroup;
import org.brainj.api.sim.NeuronModel;
import org.brainj.api.sim.Projection;
import org.brainj.api.sim.SpikeMonitor;
import org.brainj.api.tensor.Backend;
import org.brainj.connectors.FixedProb;

/**
 * The E/I network shape that Brian2's COBA and CUBA benchmarks share: one population of 4000
 * neurons, the first 3200 excitatory, each pair connected independently with p = 0.02
 * (self-connections allowed, Brian2's {@code connect(p=0.02)}), excitatory spikes adding
 * {@code we} to one post variable and inhibitory ones {@code wi} to another, without delay;
 * dt = 0.1 ms.
 */
public class EINetwork {
    public static final int N = 4000;
    public static final int N_EXC = 3200;

    private final Network network;
    private final SpikeMonitor spikes;

    EINetwork(Backend backend, long seed, NeuronModel model, GroupIntegrator method, Initializer v0,
              String excTarget, double we, String inhTarget, double wi) {
        NeuronGroup p = new NeuronGroup("P", N, model).method(method).init("V", v0);
        Projection ce = Projection.builder("Ce", p.view(0, N_EXC), p)
                .connect(new FixedProb(0.02).includeSelf(true).seed(seed)).weight(we).onVariable(excTarget).build();
        Projection ci = Projection.builder("Ci", p.view(N_EXC, N), p)
                .connect(new FixedProb(0.02).includeSelf(true).seed(seed + 1)).weight(wi).onVariable(inhTarget).build();
        network = new Network(backend).dt(0.1).seed(seed).add(p, ce, ci);
        spikes = network.spikes(p);
    }

    public Network network() {
        return network;
    }

    public SpikeMonitor spikes() {
        return spikes;
    }

    /** Mean rates in Hz of the excitatory and inhibitory neurons over {@code durationMs}. */
    public double[] rates(double durationMs) {
        int[] counts = spikes.counts();
        long e = 0;
        long i = 0;
        for (int k = 0; k < N; k++) {
            if (k < N_EXC) {
                e += counts[k];
            } else {
                i += counts[k];
            }
        }
        return new double[] {e / (N_EXC * durationMs / 1000), i / ((N - N_EXC) * durationMs / 1000)};
    }
}
