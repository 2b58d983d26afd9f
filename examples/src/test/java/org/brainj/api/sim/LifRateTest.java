package org.brainj.api.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.brainj.api.tensor.DType;
import org.brainj.models.neurons.Neurons;
import org.junit.jupiter.api.Test;

/** A LIF neuron under constant input against the closed-form interspike interval. */
class LifRateTest {

    /**
     * From V_reset = V_rest the membrane follows V(t) = V_rest + R I (1 - exp(-t / tau)), so it
     * reaches V_th after T = tau ln(R I / (R I - (V_th - V_rest))); with the refractory period
     * the interspike interval is t_ref + T and the rate its inverse. Euler with dt = 0.01 ms
     * adds at most a step for the threshold crossing and dt/(2 tau) relative error in T.
     */
    @Test
    void firesAtTheAnalyticRate() {
        firesAtTheAnalyticRate(DType.FLOAT64);
    }

    /** A float32 network (half the memory traffic) keeps the rate to the same tolerance. */
    @Test
    void firesAtTheAnalyticRateInFloat32() {
        firesAtTheAnalyticRate(DType.FLOAT32);
    }

    private void firesAtTheAnalyticRate(DType dtype) {
        double dt = 0.01;
        double[] currents = {21, 26, 40};
        Network net = new Network(TestBackend.get()).dt(dt).dtype(dtype);
        SpikeMonitor[] mons = new SpikeMonitor[currents.length];
        for (int k = 0; k < currents.length; k++) {
            NeuronGroup g = new NeuronGroup("G" + k, 1, Neurons.model("LIF").with(java.util.Map.of("V_reset", 0.0)))
                    .init("V", Initializer.constant(0));
            net.add(g, Input.constant(g, "input", currents[k], Input.Op.ADD));
            mons[k] = net.spikes(g);
        }
        net.run(200);
        for (int k = 0; k < currents.length; k++) {
            double tau = 10, tRef = 1, rI = currents[k], vTh = 20;
            double firstSpike = tau * Math.log(rI / (rI - vTh));
            // a spike is stamped at the start of its step and the reset holds from the step's
            // end, so the neuron sits at V_reset for t_ref - dt (Brian2's refractory count)
            double isi = tRef - dt + firstSpike;
            double[] times = mons[k].times();
            assertTrue(times.length > 5, "I = " + rI + ": only " + times.length + " spikes");
            double tol = 2 * dt + firstSpike * dt / (2 * tau);
            assertEquals(firstSpike, times[0], tol, "first spike, I = " + rI);
            for (int s = 1; s < times.length; s++) {
                assertEquals(isi, times[s] - times[s - 1], tol, "interval " + s + ", I = " + rI);
            }
            assertEquals(1 / isi, (times.length - 1) / (times[times.length - 1] - times[0]), 1e-3 / isi,
                    "rate, I = " + rI);
        }
    }
}
