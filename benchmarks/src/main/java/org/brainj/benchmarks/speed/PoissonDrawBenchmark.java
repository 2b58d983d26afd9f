package org.brainj.benchmarks.speed;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.brainj.api.expr.Expr;
import org.brainj.api.expr.Exprs;
import org.brainj.api.program.Assign;
import org.brainj.api.program.Bindings;
import org.brainj.api.program.Kernel;
import org.brainj.api.program.RandomDraw;
import org.brainj.api.program.StepProgram;
import org.brainj.api.sim.PoissonCount;
import org.brainj.api.tensor.Backend;
import org.brainj.api.tensor.DType;
import org.brainj.backend.cpu.CpuBackend;
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
 * JMH: one step of the cpu backend's generated kernel drawing one Philox uniform per element, on
 * one thread (so the time is one core's work, divided by 12,500 the cost per element), in three
 * programs that tell the parts apart: {@code uniform} stores the draw (Philox alone), {@code drive}
 * adds Brunel's Poisson drive {@link PoissonCount} of it to a membrane (the count on top), and
 * {@code source} is PoissonRate's spike source, a threshold {@code u < rate dt} (STDP's 10^4
 * inputs at 15 Hz). JMH times the wall clock: on a shared machine {@code PoissonDriveBenchmark}'s
 * CPU time is the steadier measure of the drive. Not run by the build or the tests:
 * <pre>
 * java -cp $CP org.openjdk.jmh.Main PoissonDrawBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PoissonDrawBenchmark {
    private static final int N = 12_500;

    @State(Scope.Benchmark)
    public static class Step {
        @Param({"uniform", "drive", "source"})
        public String program;
        /** The drive's mean count per step (Brunel's is 2); the source's probability per step is 1000 times less. */
        @Param({"0.1", "2", "9.9", "50"})
        public double mean;
        Kernel kernel;
        long step;

        @Setup
        public void compile() {
            Backend cpu = new CpuBackend(1);
            Expr u = Exprs.var("u");
            Expr value = switch (program) {
                case "uniform" -> u;
                case "drive" -> Exprs.add(Exprs.mul(Exprs.var("v"), Exprs.num(0.995)), PoissonCount.of(mean, "u"));
                case "source" -> new Expr.Where(new Expr.Cmp(Expr.CmpOp.LT, u, Exprs.num(mean * 1e-3)), Exprs.num(1), Exprs.num(0));
                default -> throw new IllegalArgumentException("program " + program + ": use uniform, drive or source");
            };
            StepProgram p = new StepProgram(List.of(new Assign("v", value)), Set.of("v"), Set.of(),
                    List.of(new RandomDraw("u", RandomDraw.Distribution.UNIFORM, 0)));
            kernel = cpu.compile(p, new Bindings(Map.of("v", cpu.zeros(DType.FLOAT64, N)), 1));
        }
    }

    @Benchmark
    public void step(Step s) {
        s.kernel.run(0, 0.1, s.step++);
    }
}
