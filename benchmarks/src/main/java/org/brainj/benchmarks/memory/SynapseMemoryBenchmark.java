package org.brainj.benchmarks.memory;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import org.brainj.api.connect.Connector;
import org.brainj.api.sim.GroupIntegrator;
import org.brainj.api.sim.Initializer;
import org.brainj.api.sim.Network;
import org.brainj.api.sim.NeuronGroup;
import org.brainj.api.sim.Projection;
import org.brainj.api.tensor.Backends;
import org.brainj.connectors.FixedPostNum;
import org.brainj.connectors.FixedProb;
import org.brainj.examples.Coba;

/**
 * Bytes per synapse of one projection as the runtime builds it: N of COBA's LIF neurons, then the
 * same group with a projection onto itself of K synapses per source (FixedPostNum) or of
 * probability K/N (FixedProb), weight 0.6 on ge, optional delay, both networks built on the cpu
 * backend. The heap in use after a full GC, less that of the group alone, over the synapses is
 * the projection's cost; then the JVM's class histogram of the live heap names what holds it.
 *
 * <p>Usage: {@code SynapseMemoryBenchmark [N: 1000000] [K: 100] [FixedPostNum|FixedProb]
 * [delay ms: 0] [histogram rows: 12]}, with {@code -Xmx} large enough (about 3 GB for the defaults).
 */
public final class SynapseMemoryBenchmark {
    private SynapseMemoryBenchmark() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int k = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        String rule = args.length > 2 ? args[2] : "FixedPostNum";
        double delay = args.length > 3 ? Double.parseDouble(args[3]) : 0;
        int rows = args.length > 4 ? Integer.parseInt(args[4]) : 12;
        Connector connector = switch (rule) {
            case "FixedPostNum" -> new FixedPostNum(k).seed(1);
            case "FixedProb" -> new FixedProb((double) k / n).seed(1);
            default -> throw new IllegalArgumentException("connector '" + rule + "': use FixedPostNum or FixedProb");
        };
        long empty = heapAfterGc();
        Network group = new Network(Backends.get("cpu")).dt(0.1).seed(1).add(lif(n));
        group.build();
        long neurons = heapAfterGc() - empty;
        group = null;
        heapAfterGc();

        NeuronGroup p = lif(n);
        Projection.Builder b = Projection.builder("S", p, p).connect(connector).weight(0.6).onVariable("ge");
        Projection s = (delay > 0 ? b.delay(delay) : b).build();
        Network net = new Network(Backends.get("cpu")).dt(0.1).seed(1).add(p, s);
        long t0 = System.nanoTime();
        net.build();
        double build = (System.nanoTime() - t0) * 1e-9;
        long all = heapAfterGc() - empty;
        long synapses = s.synapses();
        System.out.printf(Locale.ROOT, "%s(%d) on %d neurons, delay %.1f ms: %d synapses, built in %.1f s%n",
                rule, k, n, delay, synapses, build);
        System.out.printf(Locale.ROOT, "heap after GC: group alone %.1f MB (%.1f B per neuron), with the projection"
                        + " %.1f MB: %.2f B per synapse for the projection, %.2f B per synapse for the whole network%n",
                neurons / 1e6, (double) neurons / n, all / 1e6, (double) (all - neurons) / synapses,
                (double) all / synapses);
        histogram(rows);
        // keep the network reachable past the histogram
        System.out.println("(simulated " + net.time() + " ms)");
    }

    private static NeuronGroup lif(int n) {
        return new NeuronGroup("P", n, Coba.model()).method(GroupIntegrator.EULER).init("V", Initializer.normal(-55, 5));
    }

    /** The heap in use after a full collection. */
    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The largest classes of the live heap, by jcmd's GC.class_histogram of this process. */
    private static void histogram(int rows) throws IOException, InterruptedException {
        String jcmd = System.getProperty("java.home") + "/bin/jcmd";
        Process jc = new ProcessBuilder(jcmd, Long.toString(ProcessHandle.current().pid()), "GC.class_histogram")
                .redirectErrorStream(true).start();
        // read it all: jcmd blocks on a full pipe
        List<String> lines = jc.inputReader().lines().toList();
        jc.waitFor();
        lines.stream().skip(1).limit(rows + 2L).forEach(System.out::println);
    }
}
