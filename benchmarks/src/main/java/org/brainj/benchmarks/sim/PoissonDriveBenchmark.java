package org.brainj.benchmarks.sim;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
import org.brainj.api.tensor.Tensor;
import org.brainj.backend.cpu.CpuBackend;

/**
 * The cost of the in-kernel Poisson drive (Brunel's {@code poisson_input}): a step program that
 * adds {@link PoissonCount} of one Philox uniform to every neuron, on 12,500 neurons and one
 * thread, timed in the thread's CPU time (so other users of a shared machine do not count) after a warm-up; prints
 * nanoseconds per neuron and step and the mean count, which must equal the mean asked for. The
 * mean {@code source} times STDP's Poisson source instead ({@code PoissonRate}: a spike where the
 * uniform is below 15 Hz dt), whose check is the fraction that spiked in the last step (0.0015).
 *
 * <p>Usage: {@code PoissonDriveBenchmark [means or source, comma-separated] [steps]} (2,30,100 and 2000).
 */
public final class PoissonDriveBenchmark {
    private PoissonDriveBenchmark() {
    }

    public static void main(String[] args) {
        String[] means = (args.length > 0 ? args[0] : "2,30,100").split(",");
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int n = 12_500;
        // one thread: the calling thread's CPU time is then all the work (a split step would hide half)
        Backend cpu = new CpuBackend(1);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String m : means) {
            boolean source = m.equals("source");
            Expr u = Exprs.var("u");
            Expr value = source
                    ? new Expr.Where(new Expr.Cmp(Expr.CmpOp.LT, u, Exprs.num(15 * 1e-4)), Exprs.num(1), Exprs.num(0))
                    : Exprs.add(Exprs.var("v"), PoissonCount.of(Double.parseDouble(m), "u"));
            StepProgram program = new StepProgram(List.of(new Assign("v", value)),
                    Set.of("v"), Set.of(), List.of(new RandomDraw("u", RandomDraw.Distribution.UNIFORM, 0)));
            Tensor v = cpu.zeros(DType.FLOAT64, n);
            Kernel kernel = cpu.compile(program, new Bindings(Map.of("v", v), 1));
            for (int s = 0; s < steps; s++) {
                kernel.run(0, 0.1, s); // warm-up
            }
            long t0 = threads.getCurrentThreadCpuTime();
            for (int s = steps; s < 2 * steps; s++) {
                kernel.run(0, 0.1, s);
            }
            double ns = (threads.getCurrentThreadCpuTime() - t0) / ((double) n * steps);
            double sum = 0;
            for (double x : v.toDoubleArray()) {
                sum += x;
            }
            System.out.printf(Locale.ROOT, "%s: %.1f ns CPU per neuron and step, %s %.4f%n", source ? "source" : "mean " + m,
                    ns, source ? "spiked" : "mean count", sum / n / (source ? 1 : 2.0 * steps));
        }
    }
}
