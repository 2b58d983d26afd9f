package org.brainj.examples;

import static org.brainj.api.expr.ExpressionParser.parse;

import java.util.Locale;
import java.util.Random;
import org.brainj.api.model.PopulationSum;
import org.brainj.api.sim.GroupIntegrator;
import org.brainj.api.sim.Initializer;
import org.brainj.api.sim.Input;
import org.brainj.api.sim.Network;
import org.brainj.api.sim.NeuronGroup;
import org.brainj.api.sim.NeuronModel;
import org.brainj.api.sim.ProgressListener;
import org.brainj.api.sim.SpikeMonitor;
import org.brainj.api.tensor.Backend;
import org.brainj.api.tensor.Backends;

/**
 * Gamma oscillation of 100 Wang-Buzsaki HH neurons coupled all-to-all by GABA_A synapses, and
 * the reference's parameter search over {@code g_max} in repeat mode ("Repeat Running Mode"):
 * one network, built and compiled once, reset and run for each value.
 *
 * <p>The synaptic gate {@code s} depends only on the presynaptic neuron's spike times, so it
 * is held per neuron (pre-aligned), and the all-to-all sum without self-connections is
 * {@code S - s_j} with {@code S = sum(s)}, computed by a step function with the backend's sum:
 * no N x N work, no per-synapse state. dt = 0.04 ms, exponential Euler, input 1.2, 500 ms.
 */
public final class HhGamma {
    public static final int NUM = 100;

    private final Network network;
    private final NeuronGroup group;
    private final SpikeMonitor spikes;

    public static NeuronModel model() {
        return NeuronModel.builder("WangBuzsakiHH")
                .equations("""
                        alpha_h = 0.07 * exp(-(V + 58) / 20) : 1
                        beta_h = 1 / (exp(-0.1 * (V + 28)) + 1) : 1
                        alpha_n = -0.01 * (V + 34) / (exp(-0.1 * (V + 34)) - 1) : 1
                        beta_n = 0.125 * exp(-(V + 44) / 80) : 1
                        alpha_m = -0.1 * (V + 35) / (exp(-0.1 * (V + 35)) - 1) : 1
                        beta_m = 4 * exp(-(V + 60) / 18) : 1
                        m = alpha_m / (alpha_m + beta_m) : 1
                        INa = gNa * m^3 * h * (V - ENa) : 1
                        IK = gK * n^4 * (V - EK) : 1
                        IL = gL * (V - EL) : 1
                        I_GABA = g_max * (S - s) * (V - E_GABA) : 1
                        dV/dt = (-INa - IK - IL - I_GABA + input) / C : 1
                        dh/dt = phi * (alpha_h * (1 - h) - beta_h * h) : 1
                        dn/dt = phi * (alpha_n * (1 - n) - beta_n * n) : 1
                        ds/dt = alpha * T * (t - t_last_spike < T_duration) * (1 - s) - beta * s : 1
                        """)
                .parameter("ENa", 55).parameter("EK", -90).parameter("EL", -65).parameter("C", 1)
                .parameter("gNa", 35).parameter("gK", 9).parameter("gL", 0.1).parameter("V_th", 20)
                .parameter("phi", 5).parameter("E_GABA", -75).parameter("alpha", 12).parameter("beta", 0.1)
                .parameter("T", 1).parameter("T_duration", 1).parameter("g_max", 0.1 / NUM)
                .parameter("S", 0)
                .input("input")
                .thresholdCrossing(parse("V >= V_th"))
                .build();
    }

    public HhGamma(Backend backend, long seed) {
        // the reference's reset: V uniform in [-70, -50], h and n at their steady state for that V
        Random rng = new Random(seed);
        double[] v = new double[NUM];
        double[] h = new double[NUM];
        double[] n = new double[NUM];
        for (int i = 0; i < NUM; i++) {
            v[i] = -70 + 20 * rng.nextDouble();
            double ah = 0.07 * Math.exp(-(v[i] + 58) / 20);
            double bh = 1 / (Math.exp(-0.1 * (v[i] + 28)) + 1);
            h[i] = ah / (ah + bh);
            double an = -0.01 * (v[i] + 34) / (Math.exp(-0.1 * (v[i] + 34)) - 1);
            double bn = 0.125 * Math.exp(-(v[i] + 44) / 80);
            n[i] = an / (an + bn);
        }
        group = new NeuronGroup("HH", NUM, model()).method(GroupIntegrator.method("exponential_euler"))
                .init("V", Initializer.values(v)).init("h", Initializer.values(h)).init("n", Initializer.values(n));
        network = new Network(backend).dt(0.04).seed(seed)
                .add(group, Input.constant(group, "input", 1.2, Input.Op.ADD));
        spikes = network.spikes(group);
        // S = sum of s over the population, for the next step's all-to-all GABA_A current
        network.step("GABAa.sum", PopulationSum.of(group, "S", "s"));
    }

    public Network network() {
        return network;
    }

    /** Resets the network, sets {@code g_max}, runs {@code durationMs} and returns the coherence. */
    public double coherence(double gMax, double durationMs) {
        network.reset();
        group.set("g_max", gMax);
        network.run(durationMs);
        return Coherence.of(spikes, NUM, network.dt(), durationMs, 0.5);
    }

    public static void main(String[] args) {
        HhGamma net = new HhGamma(Backends.get("cpu"), 1);
        net.network().progress(ProgressListener.printing(System.out));
        for (int k = 5; k <= 15; k++) {
            double gMax = k / 100.0 / NUM;
            System.out.printf(Locale.ROOT, "When g_max = %.5f ...%n", gMax);
            double cc = net.coherence(gMax, 500);
            System.out.printf(Locale.ROOT, "coherence %.3f (kernels compiled: %d)%n", cc, net.network().compilations());
        }
    }
}
