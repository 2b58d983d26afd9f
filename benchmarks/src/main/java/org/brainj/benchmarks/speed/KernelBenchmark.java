package org.brainj.benchmarks.speed;

import java.util.concurrent.TimeUnit;
import org.brainj.api.sim.GroupIntegrator;
import org.brainj.api.sim.Initializer;
import org.brainj.api.sim.Network;
import org.brainj.api.sim.NeuronGroup;
import org.brainj.api.tensor.Backends;
import org.brainj.examples.Coba;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: one simulation step of the cpu backend's generated kernels, warmed, in isolation. A step of
 * an unconnected group is the neuron kernel (with its threshold, reset and refractory logic); a
 * step of Brian2's SparseMediumRate SynapsesOnly case, whose sources spike every step onto targets
 * that integrate nothing ({@code dw/dt = 0}), is spike delivery: at N targets, N/1000 sources
 * (10 Hz times N times dt) and p = 0.2, that is 2e-4 N^2 events per step. Not run by the build or
 * the tests:
 * <pre>
 * java -cp benchmarks/target/classes:$(cat benchmarks/target/cp.txt) org.openjdk.jmh.Main KernelBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class KernelBenchmark {

    /** The neuron kernel: COBA's LIF (Euler, driven above threshold) or COBAHH's (exponential Euler, ten exps). */
    @State(Scope.Benchmark)
    public static class Neurons {
        @Param({"COBA", "COBAHH"})
        public String model;
        @Param({"4000"})
        public int n;
        Network network;

        @Setup
        public void build() {
            NeuronGroup g = model.equals("COBA")
                    ? new NeuronGroup("P", n, Coba.model()).method(GroupIntegrator.EULER).init("V", Initializer.normal(-55, 5))
                    : SpeedCases.cobahhGroup(n);
            network = new Network(Backends.get("cpu")).dt(SpeedCases.DT).seed(1).add(g);
            network.build();
        }
    }

    /** Spike delivery: SparseMediumRateSynapsesOnly with {@code n} targets. */
    @State(Scope.Benchmark)
    public static class Delivery {
        @Param({"1000", "10000"})
        public int n;
        SpeedCases.Case c;

        @Setup
        public void build() {
            c = SpeedCases.of("SparseMediumRateSynapsesOnly", n, Backends.get("cpu"), 1);
            c.build().run();
        }
    }

    @Benchmark
    public void neuronStep(Neurons s) {
        s.network.run(SpeedCases.DT);
    }

    @Benchmark
    public void deliveryStep(Delivery s) {
        s.c.run().accept(SpeedCases.DT);
    }
}
