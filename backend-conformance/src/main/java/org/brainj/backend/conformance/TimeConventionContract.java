package org.brainj.backend.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.brainj.api.expr.ExpressionParser;
import org.brainj.api.sim.GroupIntegrator;
import org.brainj.api.sim.Network;
import org.brainj.api.sim.NeuronGroup;
import org.brainj.api.sim.NeuronModel;
import org.brainj.api.sim.SpikeMonitor;
import org.brainj.api.sim.StateMonitor;
import org.brainj.api.sim.TimeConvention;
import org.brainj.api.sim.Union;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A group's compiled step keeps its model's time convention: the spike stamp ({@code t_last_spike}
 * and the spike monitor) and the refractory count. The neuron counts steps exactly: {@code v}
 * grows by {@code dt = 1/8} per free update from 0 and spikes at 0.5, so it crosses in the 4th
 * free update; {@code t_ref = 0.3} is 2.4 steps, which Brian2 floors (2: one clamped update
 * after the spiking one) and NEST rounds up (3 clamped updates). All numbers are binary
 * fractions, exact in float32.
 */
public abstract class TimeConventionContract extends BackendContract {
    private static final double DT = 0.125;

    /** Crossing steps 3, 3 + p, 3 + 2p for a period of p = 4 free updates + the clamped ones + the spiking one. */
    private static long[] crossingSteps(int clamped) {
        int period = 4 + clamped;
        return new long[] {3, 3 + period, 3 + 2 * period};
    }

    @ParameterizedTest
    @EnumSource(TimeConvention.class)
    void spikeStampAndRefractoryCountFollowTheModelsConvention(TimeConvention convention) {
        Network net = new Network(backend()).dt(DT);
        NeuronGroup g = counter("g", convention);
        net.add(g);
        SpikeMonitor spikes = net.spikes(g);
        StateMonitor last = net.monitor(g, "t_last_spike");
        long[] crossed = crossingSteps(convention == TimeConvention.NEST ? 3 : 1);
        int stamp = convention == TimeConvention.NEST ? 1 : 0;
        net.run((crossed[2] + 2) * DT);

        long[] expected = new long[crossed.length];
        for (int k = 0; k < crossed.length; k++) {
            expected[k] = crossed[k] + stamp;
        }
        assertArrayEquals(expected, spikes.steps(), convention + ": spike time indices");
        // t_last_spike, recorded before the update after the last crossing, holds that crossing's stamp
        double[][] recorded = last.values();
        assertArrayEquals(new double[] {expected[2] * DT}, recorded[(int) crossed[2] + 1], 0, convention + ": t_last_spike");
    }

    /**
     * A monitor over a NEST and a Brian2 group keeps its spikes in order of time: NEST's stamps
     * 4, 11 (neuron 0) between Brian2's 3, 8, 13 (neuron 1), though each NEST spike is recorded
     * in the step before its stamp.
     */
    @Test
    void aMonitorOverBothConventionsKeepsTheOrderOfTime() {
        Network net = new Network(backend()).dt(DT);
        NeuronGroup a = counter("nest", TimeConvention.NEST);
        NeuronGroup b = counter("brian2", TimeConvention.BRIAN2);
        net.add(a, b);
        SpikeMonitor spikes = net.spikes(Union.of(a, b));
        net.run(16 * DT);
        assertArrayEquals(new long[] {3, 4, 8, 11, 13}, spikes.steps(), "time indices");
        assertArrayEquals(new int[] {1, 0, 1, 0, 1}, spikes.indices(), "neurons");
    }

    private static NeuronGroup counter(String name, TimeConvention convention) {
        NeuronModel model = NeuronModel.builder("counter")
                .derivative("v", ExpressionParser.parse("1"))
                .parameter("t_ref", 0.3)
                .threshold(ExpressionParser.parse("v >= 0.5"))
                .reset("v", ExpressionParser.parse("0"))
                .refractory("t_ref", "v")
                .convention(convention)
                .build();
        return new NeuronGroup(name, 1, model).method(GroupIntegrator.method("euler"));
    }
}
