package org.brainj.backend.aparapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.brainj.api.model.NeuronText;
import org.brainj.api.sim.Input;
import org.brainj.api.sim.Network;
import org.brainj.api.sim.NeuronGroup;
import org.brainj.api.sim.Noise;
import org.brainj.api.sim.StateMonitor;
import org.brainj.api.tensor.Backend;
import org.brainj.backend.cpu.CpuBackend;
import org.junit.jupiter.api.Test;

/**
 * Noise inputs are drawn on the backend (Philox, keyed by seed, stream and step) and combined
 * there with + and * only, so the OpenCL device records the CPU backend's values bit for bit,
 * also across a move between them mid-run (the OU state travels with the network).
 */
@RequiresOpenCL
class NoiseInputTest {
    private static final Backend CPU = new CpuBackend();
    private static final Backend APARAPI = new AparapiBackend();

    /** 64 neurons: I gets OU noise, W adds up Wiener increments, J holds NEST noise_generator draws. */
    private static StateMonitor[] run(Backend first, Backend second) {
        NeuronGroup g = new NeuronGroup("P", 64, NeuronText.of("dW/dt = 0/ms : 1\nI : 1\nJ : 1").input("I").input("J")
                .compile("Noisy").model());
        Network net = new Network(first).dt(0.1).seed(11).add(g,
                Input.noise(g, "I", new Noise.OrnsteinUhlenbeck(0.5, 0.1, 10, 2, Double.POSITIVE_INFINITY), Input.Op.ADD, 11, 0),
                Input.noise(g, "W", new Noise.Wiener(1, 0, 15), Input.Op.ADD, 11, 1),
                Input.noise(g, "J", new Noise.Gaussian(0.2, 0.05, 1, 0.02, 40, 30, 1, 18), Input.Op.ADD, 11, 2));
        StateMonitor[] monitors = {net.monitor(g, "I"), net.monitor(g, "W"), net.monitor(g, "J")};
        net.run(7.3);
        net.moveTo(second);
        net.run(20 - 7.3);
        return monitors;
    }

    @Test
    void theDeviceDrawsAndAddsTheCpuBackendsNoiseBitForBit() {
        StateMonitor[] cpu = run(CPU, CPU);
        double[] last = cpu[0].values()[199];
        assertNotEquals(last[0], last[1], "independent per neuron");
        for (Backend[] legs : new Backend[][] {{APARAPI, APARAPI}, {CPU, APARAPI}, {APARAPI, CPU}}) {
            StateMonitor[] other = run(legs[0], legs[1]);
            for (int m = 0; m < cpu.length; m++) {
                double[][] a = cpu[m].values();
                double[][] b = other[m].values();
                assertEquals(200, b.length);
                for (int k = 0; k < a.length; k++) {
                    assertArrayEquals(a[k], b[k], 0.0, legs[0].name() + " then " + legs[1].name() + ", " + cpu[m].variable()
                            + " at step " + k);
                }
            }
        }
    }
}
