package org.brainj.benchmarks.speed;

import static org.brainj.api.expr.ExpressionParser.parse;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import org.brainj.api.connect.Csr;
import org.brainj.api.expr.Exprs;
import org.brainj.api.model.CompiledNeuron;
import org.brainj.api.model.CompiledSynapse;
import org.brainj.api.model.NeuronText;
import org.brainj.api.model.PoissonRate;
import org.brainj.api.model.SynapseText;
import org.brainj.api.sim.GroupIntegrator;
import org.brainj.api.sim.Initializer;
import org.brainj.api.sim.Network;
import org.brainj.api.sim.NeuronGroup;
import org.brainj.api.sim.NeuronModel;
import org.brainj.api.sim.Projection;
import org.brainj.api.sim.SpikeMonitor;
import org.brainj.api.sim.Synapses;
import org.brainj.api.tensor.Backend;
import org.brainj.connectors.FixedProb;
import org.brainj.examples.BrunelDelta;
import org.brainj.examples.Coba;

/**
 * The cases of Brian2's speed suite ({@code brian2/tests/features/speed.py}) built with the Java
 * API: the same equations, parameters, sizes, connection probabilities and durations, dt = 0.1 ms.
 * Units are ms, mV, nS, pA and pF (so {@code nS * mV = pA} and {@code pA / pF = mV / ms}); Brian2's
 * SI values are converted in the comments. Each case also names a check that Brian2's run prints
 * too ({@code run_brian2_speed.py}), so equal results can be seen beside equal work: a mean state
 * value, a rate, or the mean number of events per target.
 */
final class SpeedCases {
    static final double DT = 0.1;

    /**
     * A case, ready to build.
     *
     * @param build     builds the network (connectivity, kernels)
     * @param run       simulates that many ms more
     * @param duration  simulated time in ms
     * @param checkName what {@code check} measures, as Brian2's side names it
     * @param check     the measure after the run
     * @param synapses  the synapses after the build (expected where marked in the case)
     * @param events    synaptic events (on_pre deliveries) so far: a spike counts once per synapse of its source
     */
    record Case(Runnable build, DoubleConsumer run, double duration, String checkName, DoubleSupplier check,
                LongSupplier synapses, DoubleSupplier events) {
        static Case of(Network network, double duration, String checkName, DoubleSupplier check,
                       LongSupplier synapses, DoubleSupplier events) {
            return new Case(network::build, network::run, duration, checkName, check, synapses, events);
        }
    }

    /** Brian2's SynapsesOnly variants: rate of the source in Hz, connection probability, duration in ms. */
    private record SynapsesOnly(double rate, double p, double duration) {
    }

    static final List<String> NAMES = List.of("LinearNeuronsOnly", "HHNeuronsOnly", "CUBAFixedConnectivity",
            "COBAHHFixedConnectivity", "VerySparseMediumRateSynapsesOnly", "SparseMediumRateSynapsesOnly",
            "DenseMediumRateSynapsesOnly", "SparseLowRateSynapsesOnly", "SparseHighRateSynapsesOnly", "STDP",
            "COBA", "BrunelDelta");

    private SpeedCases() {
    }

    static Case of(String name, int n, Backend backend, long seed) {
        return switch (name) {
            case "LinearNeuronsOnly" -> linear(n, backend, seed);
            case "HHNeuronsOnly" -> hh(n, backend, seed);
            case "CUBAFixedConnectivity" -> cuba(n, backend, seed);
            case "COBAHHFixedConnectivity" -> cobahh(n, backend, seed);
            case "VerySparseMediumRateSynapsesOnly" -> synapsesOnly(new SynapsesOnly(10, 0.02, 10_000), n, backend, seed);
            case "SparseMediumRateSynapsesOnly" -> synapsesOnly(new SynapsesOnly(10, 0.2, 1000), n, backend, seed);
            case "DenseMediumRateSynapsesOnly" -> synapsesOnly(new SynapsesOnly(10, 1.0, 1000), n, backend, seed);
            case "SparseLowRateSynapsesOnly" -> synapsesOnly(new SynapsesOnly(1, 0.2, 10_000), n, backend, seed);
            case "SparseHighRateSynapsesOnly" -> synapsesOnly(new SynapsesOnly(100, 0.2, 1000), n, backend, seed);
            case "STDP" -> stdp(n, backend, seed);
            case "COBA" -> coba(n, backend, seed);
            case "BrunelDelta" -> brunel(n, backend, seed);
            default -> throw new IllegalArgumentException("unknown speed case '" + name + "'; known: " + NAMES);
        };
    }

    /** {@code dv/dt = -v/tau}, tau = 1 s, v from linspace(0.1, 1, n), method exact, 10 s. */
    private static Case linear(int n, Backend backend, long seed) {
        NeuronModel model = NeuronModel.builder("Linear").equations("dv/dt = -v / tau : 1")
                .parameter("tau", 1000).build();
        double[] v0 = new double[n];
        for (int i = 0; i < n; i++) {
            // numpy's linspace(0.1, 1, n)
            v0[i] = n == 1 ? 0.1 : 0.1 + (1 - 0.1) * i / (n - 1);
        }
        NeuronGroup g = new NeuronGroup("G", n, model).method(GroupIntegrator.method("exact"))
                .init("v", Initializer.values(v0));
        Network net = new Network(backend).dt(DT).seed(seed).add(g);
        return Case.of(net, 10_000, "mean_v", () -> mean(g, "v"), () -> 0, () -> 0);
    }

    /**
     * Traub-Miles HH, area 20000 um^2: Cm = 200 pF, gl = 10 nS, g_na = 20000 nS, g_kd = 6000 nS,
     * I = 700 pA * i / n; spikes counted on upward crossings of -40 mV (Brian2's threshold and
     * refractory condition {@code v > -40*mV}), 1 s, method euler: Brian2's default for nonlinear
     * equations without noise, which is what its speed suite runs. Forward Euler at dt = 0.1 ms
     * diverges for this model within milliseconds (Brian2's run ends with v nan); Brian2 does not
     * check, so BrainJ's finite-state check is put off past the run to do the same work, and the
     * check value is nan on both sides.
     */
    private static Case hh(int n, Backend backend, long seed) {
        NeuronModel model = NeuronModel.builder("HH").equations("""
                dv/dt = (gl*(El-v) - g_na*(m*m*m)*h*(v-ENa) - g_kd*(n*n*n*n)*(v-EK) + I)/Cm : 1
                dm/dt = 0.32*(13-v+VT)/(exp((13-v+VT)/4)-1)*(1-m)-0.28*(v-VT-40)/(exp((v-VT-40)/5)-1)*m : 1
                dn/dt = 0.032*(15-v+VT)/(exp((15-v+VT)/5)-1)*(1-n)-0.5*exp((10-v+VT)/40)*n : 1
                dh/dt = 0.128*exp((17-v+VT)/18)*(1-h)-4/(1+exp((40-v+VT)/5))*h : 1
                I : 1
                """).parameter("Cm", 200).parameter("gl", 10).parameter("El", -65).parameter("EK", -90)
                .parameter("ENa", 50).parameter("g_na", 20_000).parameter("g_kd", 6000).parameter("VT", -63)
                .thresholdCrossing(parse("v > -40")).build();
        double[] current = new double[n];
        for (int i = 0; i < n; i++) {
            current[i] = 700.0 * i / n;
        }
        NeuronGroup g = new NeuronGroup("G", n, model).method(GroupIntegrator.EULER)
                .init("v", Initializer.constant(-65)).set("I", Initializer.values(current));
        Network net = new Network(backend).dt(DT).seed(seed).checkFiniteEvery(Integer.MAX_VALUE).add(g);
        return Case.of(net, 1000, "mean_v", () -> mean(g, "v"), () -> 0, () -> 0);
    }

    /**
     * CUBA: 80 % excitatory, p = 80/N both ways from i < Ne and i >= Ne, 1 s, method exact as in
     * Brian2 (v, ge and gi are a coupled linear system: propagators computed once per run).
     */
    private static Case cuba(int n, Backend backend, long seed) {
        NeuronModel model = NeuronModel.builder("CUBA").equations("""
                dv/dt = (ge + gi - (v - El)) / taum : 1 (unless refractory)
                dge/dt = -ge / taue : 1 (unless refractory)
                dgi/dt = -gi / taui : 1 (unless refractory)
                """).parameter("taum", 20).parameter("taue", 5).parameter("taui", 10).parameter("El", -49)
                .parameter("Vt", -50).parameter("Vr", -60).parameter("t_ref", 5)
                .threshold(parse("v > Vt")).reset("v", parse("Vr")).refractory("t_ref").build();
        int ne = (int) (0.8 * n);
        double p = 80.0 / n;
        NeuronGroup g = new NeuronGroup("P", n, model).method(GroupIntegrator.method("exact"))
                .init("v", Initializer.uniform(-60, -50));
        Projection ce = Projection.builder("Ce", g.view(0, ne), g)
                .connect(new FixedProb(p).includeSelf(true).seed(seed)).weight(60 * 0.27 / 10).onVariable("ge").build();
        Projection ci = Projection.builder("Ci", g.view(ne, n), g)
                .connect(new FixedProb(p).includeSelf(true).seed(seed + 1)).weight(-20 * 4.5 / 10).onVariable("gi").build();
        Network net = new Network(backend).dt(DT).seed(seed).add(g, ce, ci);
        return excInh(net, g, ne, ce, ci);
    }

    /**
     * COBAHH: the HH membrane with exponential conductances (we = 6 nS, wi = 67 nS, taue = 5 ms,
     * taui = 10 ms), threshold v > -20 mV, refractory 3 ms, p = 80/N from the first 80 % and the
     * rest, v0 ~ N(-65, 5) mV, ge0 ~ N(40, 15) nS, gi0 ~ N(200, 120) nS, exponential_euler, 1 s.
     */
    private static Case cobahh(int n, Backend backend, long seed) {
        int ne = (int) (0.8 * n);
        double p = 80.0 / n;
        NeuronGroup g = cobahhGroup(n);
        Projection ce = Projection.builder("Ce", g.view(0, ne), g)
                .connect(new FixedProb(p).includeSelf(true).seed(seed)).weight(6).onVariable("ge").build();
        Projection ci = Projection.builder("Ci", g.view(ne, n), g)
                .connect(new FixedProb(p).includeSelf(true).seed(seed + 1)).weight(67).onVariable("gi").build();
        Network net = new Network(backend).dt(DT).seed(seed).add(g, ce, ci);
        return excInh(net, g, ne, ce, ci);
    }

    /** COBAHH's neurons with their initial values, unconnected. */
    static NeuronGroup cobahhGroup(int n) {
        NeuronModel model = NeuronModel.builder("COBAHH").equations("""
                dv/dt = (gl*(El-v)+ge*(Ee-v)+gi*(Ei-v)-g_na*(m*m*m)*h*(v-ENa)-g_kd*(n*n*n*n)*(v-EK))/Cm : 1
                dm/dt = alpha_m*(1-m)-beta_m*m : 1
                dn/dt = alpha_n*(1-n)-beta_n*n : 1
                dh/dt = alpha_h*(1-h)-beta_h*h : 1
                dge/dt = -ge*(1/taue) : 1
                dgi/dt = -gi*(1/taui) : 1
                alpha_m = 0.32*(13-v+VT)/(exp((13-v+VT)/4)-1) : 1
                beta_m = 0.28*(v-VT-40)/(exp((v-VT-40)/5)-1) : 1
                alpha_h = 0.128*exp((17-v+VT)/18) : 1
                beta_h = 4/(1+exp((40-v+VT)/5)) : 1
                alpha_n = 0.032*(15-v+VT)/(exp((15-v+VT)/5)-1) : 1
                beta_n = 0.5*exp((10-v+VT)/40) : 1
                """).parameter("Cm", 200).parameter("gl", 10).parameter("El", -60).parameter("EK", -90)
                .parameter("ENa", 50).parameter("g_na", 20_000).parameter("g_kd", 6000).parameter("VT", -63)
                .parameter("taue", 5).parameter("taui", 10).parameter("Ee", 0).parameter("Ei", -80)
                .parameter("t_ref", 3)
                .threshold(parse("v > -20")).refractory("t_ref").build();
        return new NeuronGroup("P", n, model).method(GroupIntegrator.method("exponential_euler"))
                .init("v", Initializer.normal(-65, 5)).init("ge", Initializer.normal(40, 15))
                .init("gi", Initializer.normal(200, 120));
    }

    /**
     * M = int(rate * N * dt) sources spiking every step (threshold True) onto N targets with
     * probability p, each event adding 1 to the target's w; the check is the mean w, the events
     * per target (M * steps * p in expectation).
     */
    private static Case synapsesOnly(SynapsesOnly c, int n, Backend backend, long seed) {
        int m = Math.max(1, (int) (c.rate() * n * DT / 1000));
        NeuronModel source = NeuronModel.builder("Source").threshold(Exprs.num(1)).build();
        NeuronModel target = NeuronModel.builder("Target").equations("dw/dt = 0 : 1").build();
        NeuronGroup g = new NeuronGroup("G", m, source);
        NeuronGroup h = new NeuronGroup("H", n, target);
        Projection s = Projection.builder("S", g, h)
                .connect(new FixedProb(c.p()).includeSelf(true).seed(seed)).weight(1).onVariable("w").build();
        Network net = new Network(backend).dt(DT).seed(seed).add(g, h, s);
        // every event adds 1 to its target's w
        return Case.of(net, c.duration(), "mean_w", () -> mean(h, "w"), s::synapses, () -> mean(h, "w") * n);
    }

    /**
     * Brian2's STDP case: N Poisson inputs at 15 Hz onto one neuron ({@code dv/dt = (ge * (Ee-vr) +
     * El - v) / taum}, {@code dge/dt = -ge / taue}, method exact) through all-to-all synapses with
     * pair-based additive STDP (gmax = 0.01, dApre = 0.01 gmax, dApost = -1.05 dApre), w0 uniform
     * in [0, gmax), 1 s; the check is the inputs' rate, as Brian2's monitor records them.
     */
    private static Case stdp(int n, Backend backend, long seed) {
        CompiledNeuron neuron = NeuronText.of("""
                dv/dt = (ge * (Ee-vr) + El - v) / taum : volt
                dge/dt = -ge / taue : 1""").threshold("v > vt").reset("v = vr").parameter("taum", "10 ms")
                .parameter("Ee", "0 mV").parameter("vt", "-54 mV").parameter("vr", "-60 mV").parameter("El", "-74 mV")
                .parameter("taue", "5 ms").compile("N");
        double gmax = 0.01;
        CompiledSynapse stdp = SynapseText.of("""
                w : 1
                dApre/dt = -Apre / taupre : 1 (event-driven)
                dApost/dt = -Apost / taupost : 1 (event-driven)""")
                .onPre("ge += w\nApre += dApre\nw = clip(w + Apost, 0, gmax)")
                .onPost("Apost += dApost\nw = clip(w + Apre, 0, gmax)")
                .parameter("taupre", "20 ms").parameter("taupost", "20 ms").parameter("gmax", gmax)
                .parameter("dApre", 0.01 * gmax).parameter("dApost", -0.01 * 1.05 * gmax)
                .compile("S", Map.of(), Map.of("ge", neuron.unit("ge")));
        NeuronGroup input = new NeuronGroup("Input", n, PoissonRate.group("Input", "15*Hz"));
        NeuronGroup post = neuron.group("N", 1).method(GroupIntegrator.method("exact"));
        int[] indptr = new int[n + 1];
        for (int i = 0; i <= n; i++) {
            indptr[i] = i;
        }
        double[] w0 = new SplittableRandom(seed).doubles(n, 0, gmax).toArray();
        Synapses s = new Synapses("S", stdp.model(), input, post, new Csr(indptr, new int[n], null)).init("w", w0);
        Network net = new Network(backend).dt(DT).seed(seed).add(input, post, s);
        SpikeMonitor inputs = net.spikes(input);
        // the events are on_pre's, one per input spike; on_post's updates are plasticity, not transmission
        return Case.of(net, 1000, "rate_hz", () -> inputs.count() / (double) n, () -> n, inputs::count);
    }

    /** Brian2's COBA benchmark (examples' {@link Coba}): 4000 LIF, p = 0.02, 1 s; about 320,000 synapses expected. */
    private static Case coba(int n, Backend backend, long seed) {
        requireSize("COBA", n, Coba.N);
        Coba coba = new Coba(backend, seed);
        double outDegree = 0.02 * Coba.N;
        return Case.of(coba.network(), 1000, "rate_hz", () -> coba.spikes().count() / (double) n,
                () -> Math.round(outDegree * Coba.N), () -> coba.spikes().count() * outDegree);
    }

    /**
     * Brunel (2000) with delta synapses (examples' {@link BrunelDelta}, NEST's facade): 12,500
     * neurons, 1250 inputs each (FixedPreNum: exact), 1.5 ms delays, Poisson drive in the kernel,
     * 1 s; the check is the rate of the 50 recorded excitatory neurons, which also estimates the
     * events (every neuron sends to 1250 targets on average).
     */
    private static Case brunel(int n, Backend backend, long seed) {
        int size = BrunelDelta.NE + BrunelDelta.NI;
        requireSize("BrunelDelta", n, size);
        BrunelDelta brunel = new BrunelDelta(backend, seed);
        double[] rates = new double[2];
        double[] simulated = new double[1];
        long synapses = (long) size * (BrunelDelta.NE + BrunelDelta.NI) / 10;
        DoubleConsumer run = ms -> {
            System.arraycopy(brunel.run(ms), 0, rates, 0, 2);
            simulated[0] += ms;
        };
        return new Case(() -> run.accept(0), run, 1000, "rate_hz", () -> rates[0], () -> synapses,
                () -> rates[0] * size * simulated[0] / 1000 * synapses / size);
    }

    private static void requireSize(String name, int n, int size) {
        if (n != size) {
            throw new IllegalArgumentException(name + " has " + size + " neurons; run it with N = " + size + ", not " + n);
        }
    }

    /**
     * The E/I cases: spikes of the first {@code ne} neurons go through {@code ce}, the others'
     * through {@code ci}; the check is the mean rate over the second simulated.
     */
    private static Case excInh(Network net, NeuronGroup g, int ne, Projection ce, Projection ci) {
        SpikeMonitor spikes = net.spikes(g);
        int n = g.size();
        DoubleSupplier events = () -> {
            int[] counts = spikes.counts();
            double e = 0;
            double i = 0;
            for (int k = 0; k < n; k++) {
                if (k < ne) {
                    e += counts[k];
                } else {
                    i += counts[k];
                }
            }
            return e * ce.synapses() / ne + i * ci.synapses() / (n - ne);
        };
        return Case.of(net, 1000, "rate_hz", () -> spikes.count() / (double) n,
                () -> (long) ce.synapses() + ci.synapses(), events);
    }

    private static double mean(NeuronGroup g, String variable) {
        double sum = 0;
        double[] values = g.variable(variable).toDoubleArray();
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
