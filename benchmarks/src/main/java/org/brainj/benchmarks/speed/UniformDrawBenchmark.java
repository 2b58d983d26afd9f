package org.brainj.benchmarks.speed;

import java.util.concurrent.TimeUnit;
import org.brainj.api.random.Philox;
import org.brainj.api.random.RandomKey;
import org.brainj.api.random.UniformBatch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: nanoseconds per Philox draw of 10,000 consecutive elements under one key (a new counter each
 * call, as a kernel's step), on one thread: {@code scalar} calls {@link Philox#uniform} element by
 * element (as synaptic kernels and the tensor ops do), {@code batch} fills {@link UniformBatch}es
 * (as step kernels do), {@code uniformFloat} and {@code normal} the other scalar mappings. The
 * same numbers on every path (UniformBatchTest); {@code -prof gc} shows what a draw allocates.
 * Not run by the build or the tests:
 * <pre>
 * java -cp $CP org.openjdk.jmh.Main UniformDrawBenchmark -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(UniformDrawBenchmark.N)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class UniformDrawBenchmark {
    static final int N = 10_000;

    @State(Scope.Thread)
    public static class Draws {
        final double[] out = new double[N];
        final UniformBatch batch = new UniformBatch(N);
        long step;

        RandomKey next() {
            return new RandomKey(20_111_115L, 3, step++ & 0xFFFF_FFFFL);
        }
    }

    @Benchmark
    public double[] scalar(Draws d) {
        RandomKey key = d.next();
        for (int i = 0; i < N; i++) {
            d.out[i] = Philox.uniform(key, i);
        }
        return d.out;
    }

    @Benchmark
    public double[] batch(Draws d) {
        RandomKey key = d.next();
        for (int from = 0; from < N; from += UniformBatch.SIZE) {
            int count = Math.min(UniformBatch.SIZE, N - from);
            d.batch.uniforms(key, from, count);
            System.arraycopy(d.batch.values(), 0, d.out, from, count);
        }
        return d.out;
    }

    @Benchmark
    public double[] uniformFloat(Draws d) {
        RandomKey key = d.next();
        for (int i = 0; i < N; i++) {
            d.out[i] = Philox.uniformFloat(key, i);
        }
        return d.out;
    }

    @Benchmark
    public double[] normal(Draws d) {
        RandomKey key = d.next();
        for (int i = 0; i < N; i++) {
            d.out[i] = Philox.normal(key, i);
        }
        return d.out;
    }
}
