package org.brainj.backend.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.brainj.api.sim.GroupIntegrator;
import org.brainj.api.sim.Initializer;
import org.brainj.api.sim.Network;
import org.brainj.api.sim.NeuronGroup;
import org.brainj.api.sim.NeuronModel;
import org.brainj.api.tensor.DType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A group integrated by {@code exact} on a coupled linear system (a membrane driven by a decaying
 * current, iaf_psc_exp's): the runtime binds the propagators as float64 parameters, per neuron
 * here (each neuron has its own synaptic time constant), which the backend's compiled step reads
 * like any other parameter, beside a per-neuron resting value and initial current. Each neuron
 * follows the closed form; a time constant set between runs (the propagators computed anew,
 * written to the backend's tensors) changes the next run.
 */
public abstract class ExactPropagatorContract extends BackendContract {
    private static final double DT = 0.1;
    private static final double TAU = 10;
    private static final double R = 3;
    private static final double[] E = {-65, -60, -70};
    private static final double[] G0 = {5, 0, -2};
    /** Per neuron, so each has its own propagator; the last equals tau, the repeated eigenvalue. */
    private static final double[] TAU_S = {2, 5, TAU};

    /** In a float32 network the state rounds to float32 each step (the propagators stay float64). */
    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT64", "FLOAT32"})
    void coupledExactStepFollowsTheClosedFormAndTakesUpAParameterSetBetweenRuns(DType dtype) {
        double tolerance = dtype == DType.FLOAT64 ? 1e-11 : 1e-5;
        Network net = new Network(backend()).dt(DT).dtype(dtype);
        NeuronModel model = NeuronModel.builder("membrane")
                .equations("""
                        dV/dt = (E - V + R*g)/tau : 1
                        dg/dt = -g/tau_s : 1
                        """)
                .parameter("E", 0).parameter("R", R).parameter("tau", TAU).parameter("tau_s", 2)
                .build();
        NeuronGroup group = new NeuronGroup("g", E.length, model).method(GroupIntegrator.method("exact"))
                .set("E", Initializer.values(E)).set("tau_s", Initializer.values(TAU_S))
                .init("V", Initializer.constant(-70)).init("g", Initializer.values(G0));
        net.add(group);
        double t1 = 3;
        net.run(t1);
        double[] v1 = group.variable("V").toDoubleArray();
        double[] g1 = group.variable("g").toDoubleArray();
        for (int i = 0; i < E.length; i++) {
            double expected = membrane(-70, G0[i], E[i], TAU_S[i], t1);
            assertEquals(expected, v1[i], tolerance * Math.abs(expected), "V of neuron " + i + " at " + t1);
            assertEquals(G0[i] * Math.exp(-t1 / TAU_S[i]), g1[i], tolerance * 0.01, "g of neuron " + i + " at " + t1);
        }
        group.set("tau_s", TAU);
        double t2 = 4;
        net.run(t2);
        double[] v2 = group.variable("V").toDoubleArray();
        for (int i = 0; i < E.length; i++) {
            double expected = membrane(v1[i], g1[i], E[i], TAU, t2);
            assertEquals(expected, v2[i], tolerance * Math.abs(expected), "V of neuron " + i + " after tau_s = tau");
        }
    }

    /**
     * V(t) from V0 and g0: E + (V0 - E) e^(-t/tau) + R g0 / tau int_0^t e^(-(t-s)/tau) e^(-s/tau_s) ds,
     * whose quotient becomes t e^(-t/tau) where tau_s == tau.
     */
    private static double membrane(double v0, double g0, double e, double tauS, double t) {
        double drive = tauS == TAU ? t * Math.exp(-t / TAU)
                : (Math.exp(-t / tauS) - Math.exp(-t / TAU)) / (1 / TAU - 1 / tauS);
        return e + (v0 - e) * Math.exp(-t / TAU) + R * g0 / TAU * drive;
    }
}
