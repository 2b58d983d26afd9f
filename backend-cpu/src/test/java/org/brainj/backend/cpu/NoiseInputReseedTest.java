package org.brainj.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.brainj.api.model.NeuronText;
import org.brainj.api.sim.Input;
import org.brainj.api.sim.Network;
import org.brainj.api.sim.NeuronGroup;
import org.brainj.api.sim.Noise;
import org.brainj.api.sim.StateMonitor;
import org.junit.jupiter.api.Test;

/**
 * {@code Network.reset(seed)} reaches noise inputs: a repeat run after a reset to seed S draws the
 * input noise a network built with S draws, and not the noise of the seed it was built with (a
 * sweep's repeats would otherwise replay one another's inputs).
 */
class NoiseInputReseedTest {
    private static final String[] VARIABLES = {"I", "W"};

    /** A network of 16 neurons built with {@code seed}: I gets OU noise, W adds up Wiener increments. */
    private record Run(Network net, StateMonitor[] monitors) {
        static Run built(long seed) {
            NeuronGroup g = new NeuronGroup("P", 16, NeuronText.of("dW/dt = 0/ms : 1\nI : 1").input("I")
                    .compile("Noisy").model());
            Network net = new Network(new CpuBackend()).dt(0.1).seed(seed).add(g,
                    Input.noise(g, "I", new Noise.OrnsteinUhlenbeck(0.5, 0.1, 10, 0, Double.POSITIVE_INFINITY),
                            Input.Op.ADD, seed, 0),
                    Input.noise(g, "W", new Noise.Wiener(1, 0, Double.POSITIVE_INFINITY), Input.Op.ADD, seed, 1));
            return new Run(net, Arrays.stream(VARIABLES).map(v -> net.monitor(g, v)).toArray(StateMonitor[]::new));
        }

        double[][][] record() {
            net.run(5);
            return Arrays.stream(monitors).map(StateMonitor::values).toArray(double[][][]::new);
        }
    }

    @Test
    void aResetToSeedSDrawsTheInputNoiseOfANetworkBuiltWithS() {
        Run reused = Run.built(11);
        double[][][] first = reused.record();
        reused.net().reset(12);
        double[][][] repeat = reused.record();
        double[][][] built = Run.built(12).record();
        for (int v = 0; v < VARIABLES.length; v++) {
            for (int k = 0; k < built[v].length; k++) {
                assertArrayEquals(built[v][k], repeat[v][k], 0.0, VARIABLES[v] + " at step " + k);
            }
            assertFalse(Arrays.deepEquals(first[v], repeat[v]), VARIABLES[v] + ": seed 12 draws other numbers than 11");
        }
    }
}
