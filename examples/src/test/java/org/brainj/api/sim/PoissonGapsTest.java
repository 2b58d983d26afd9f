package org.brainj.api.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.brainj.api.tensor.DType;
import org.brainj.backend.cpu.CpuBackend;
import org.brainj.backend.cpu.StepThreads;
import org.brainj.models.neurons.PoissonGroup;
import org.junit.jupiter.api.Test;

/**
 * Poisson sources with a rate constant in time draw geometric gaps between spikes instead of a
 * uniform per neuron and step. The spike trains must still be the Bernoulli(p = rate dt)
 * process per step, tested against its laws: gaps geometric(p), counts per step Binomial(n, p),
 * counts per neuron at their rates, neurons independent, and rates written between runs taking
 * effect at once. Chi-squares are compared with their 0.999 quantiles (Wilson-Hilferty).
 */
class PoissonGapsTest {
    private static final double DT = 0.1;

    private static NeuronGroup sources(String name, int n, double hz) {
        return new NeuronGroup(name, n, PoissonGroup.model()).set("freqs", hz);
    }

    private static SpikeMonitor run(NeuronGroup g, long seed, double duration) {
        Network net = new Network(TestBackend.get()).dt(DT).seed(seed).add(g);
        SpikeMonitor m = net.spikes(g);
        net.run(duration);
        return m;
    }

    /** 2000 sources at p = 0.02 for 10^4 steps: ~4 10^5 gaps in steps, and the first spikes' steps. */
    @Test
    void gapsBetweenSpikesAreGeometric() {
        int n = 2000;
        double p = 200 * DT / 1000;
        SpikeMonitor m = run(sources("src", n, 200), 11, 1000);
        long[] last = new long[n];
        Arrays.fill(last, -1);
        List<Long> gaps = new ArrayList<>();
        List<Long> firsts = new ArrayList<>();
        long[] steps = m.steps();
        int[] indices = m.indices();
        for (int k = 0; k < steps.length; k++) {
            int i = indices[k];
            if (last[i] < 0) {
                firsts.add(steps[k] + 1);
            } else {
                gaps.add(steps[k] - last[i]);
            }
            last[i] = steps[k];
        }
        assertTrue(gaps.size() > 350_000, gaps.size() + " gaps");
        assertGeometric(gaps, p);
        // the first spike's step (from 0) + 1: geometric too, from the stale step's trial and its first gap
        assertGeometric(firsts, p);
    }

    /** Counts of gaps 1, 2, ... (the tail merged once a bin expects fewer than 20) against p (1-p)^(k-1). */
    private static void assertGeometric(List<Long> gaps, double p) {
        int bins = (int) (Math.log(20.0 / (gaps.size() * p)) / Math.log1p(-p));
        long[] observed = new long[bins + 1];
        for (long g : gaps) {
            assertTrue(g >= 1, "gap " + g);
            observed[(int) Math.min(g, bins + 1) - 1]++;
        }
        double[] pmf = new double[bins + 1];
        for (int k = 1; k <= bins; k++) {
            pmf[k - 1] = p * Math.pow(1 - p, k - 1);
        }
        pmf[bins] = Math.pow(1 - p, bins);
        assertChiSquare(observed, pmf);
    }

    /** 1000 sources at 15 Hz (the STDP benchmark's inputs) for 2 10^4 steps: spikes per step ~ Binomial(1000, 0.0015). */
    @Test
    void spikesPerStepAreBinomial() {
        int n = 1000;
        int stepsRun = 20000;
        double p = 15 * DT / 1000;
        SpikeMonitor m = run(sources("src", n, 15), 12, stepsRun * DT);
        int[] perStep = new int[stepsRun];
        for (long s : m.steps()) {
            perStep[(int) s]++;
        }
        int top = 6;
        long[] observed = new long[top + 1];
        for (int c : perStep) {
            observed[Math.min(c, top)]++;
        }
        double[] pmf = new double[top + 1];
        double tail = 1;
        for (int k = 0; k < top; k++) {
            pmf[k] = binomial(n, k, p);
            tail -= pmf[k];
        }
        pmf[top] = tail;
        assertChiSquare(observed, pmf);
    }

    private static double binomial(int n, int k, double p) {
        double logChoose = 0;
        for (int j = 0; j < k; j++) {
            logChoose += Math.log(n - j) - Math.log(j + 1);
        }
        return Math.exp(logChoose + k * Math.log(p) + (n - k) * Math.log1p(-p));
    }

    /** Per-neuron rates 0, 10, ..., 40 Hz: each class's count within 4 sd of Binomial(neurons x steps, p); 0 Hz never. */
    @Test
    void perNeuronRatesAreKept() {
        int n = 5000;
        double[] rates = new double[n];
        for (int i = 0; i < n; i++) {
            rates[i] = 10 * (i % 5);
        }
        NeuronGroup g = new NeuronGroup("src", n, PoissonGroup.model()).set("freqs", Initializer.values(rates));
        SpikeMonitor m = run(g, 13, 1000);
        long[] perClass = new long[5];
        for (int i : m.indices()) {
            perClass[i % 5]++;
        }
        assertEquals(0, perClass[0], "0 Hz");
        for (int c = 1; c < 5; c++) {
            double trials = n / 5.0 * 10000;
            double p = 10 * c * DT / 1000;
            assertEquals(trials * p, perClass[c], 4 * Math.sqrt(trials * p * (1 - p)), c * 10 + " Hz");
        }
    }

    /**
     * Even and odd neurons' counts per step are independent: their correlation over 2 10^4 steps
     * is within 4 / sqrt(steps) of 0; so is each half's correlation with its own next step (a
     * Bernoulli process has no memory).
     */
    @Test
    void neuronsAndStepsAreUncorrelated() {
        int n = 2000;
        int stepsRun = 20000;
        SpikeMonitor m = run(sources("src", n, 50), 14, stepsRun * DT);
        double[] even = new double[stepsRun];
        double[] odd = new double[stepsRun];
        long[] steps = m.steps();
        int[] indices = m.indices();
        for (int k = 0; k < steps.length; k++) {
            (indices[k] % 2 == 0 ? even : odd)[(int) steps[k]]++;
        }
        double bound = 4 / Math.sqrt(stepsRun);
        assertEquals(0, correlation(even, odd, 0), bound, "even with odd");
        assertEquals(0, correlation(even, even, 1), bound, "even with its next step");
        assertEquals(0, correlation(odd, odd, 1), bound, "odd with its next step");
        assertEquals(0, correlation(even, odd, 1), bound, "even with odd's next step");
    }

    /** Pearson's correlation of {@code a[s]} with {@code b[s + lag]}. */
    private static double correlation(double[] a, double[] b, int lag) {
        int len = a.length - lag;
        double ma = 0;
        double mb = 0;
        for (int s = 0; s < len; s++) {
            ma += a[s];
            mb += b[s + lag];
        }
        ma /= len;
        mb /= len;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int s = 0; s < len; s++) {
            sab += (a[s] - ma) * (b[s + lag] - mb);
            saa += (a[s] - ma) * (a[s] - ma);
            sbb += (b[s + lag] - mb) * (b[s + lag] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    /**
     * A rate written between runs takes effect at once: after 100 ms at 0.001 Hz (next spikes
     * drawn hours ahead) 500 Hz gives its count in the next 10 ms, and 0 Hz then silences at once.
     */
    @Test
    void aRateWrittenBetweenRunsTakesEffectAtOnce() {
        int n = 1000;
        NeuronGroup g = sources("src", n, 0.001);
        Network net = new Network(TestBackend.get()).dt(DT).seed(15).add(g);
        SpikeMonitor m = net.spikes(g);
        net.run(100);
        int before = m.count();
        assertTrue(before <= 2, before + " spikes at 0.001 Hz");
        g.set("freqs", 500);
        net.run(10);
        double trials = n * 100.0;
        double p = 500 * DT / 1000;
        assertEquals(trials * p, m.count() - before, 4 * Math.sqrt(trials * p * (1 - p)), "spikes in 10 ms at 500 Hz");
        int at500 = m.count();
        g.set("freqs", 0);
        net.run(10);
        assertEquals(at500, m.count(), "no spike once the rate is 0");
    }

    /** p >= 1 spikes every step (the rate beyond 1/dt clipped, as u < p has it); a negative rate never spikes. */
    @Test
    void certainAndImpossibleSpikes() {
        for (double hz : new double[] {10000, 25000}) {
            SpikeMonitor m = run(sources("src", 7, hz), 16, 5);
            assertEquals(7 * 50, m.count(), hz + " Hz");
        }
        assertEquals(0, run(sources("src", 7, -5), 16, 50).count(), "-5 Hz");
    }

    /** The same seed gives the same trains after a reset, in float32 networks, and on any number of threads. */
    @Test
    void trainsAreReproducible() {
        long[][] reference = trains(new Network(TestBackend.get()), 100);
        Network net = new Network(TestBackend.get());
        NeuronGroup g = sources("src", 3000, 40);
        net.dt(DT).seed(17).add(g);
        SpikeMonitor m = net.spikes(g);
        net.run(100);
        assertArrayEquals(reference[0], m.steps());
        net.reset();
        net.run(100);
        assertArrayEquals(reference[0], m.steps(), "after reset");
        assertArrayEquals(reference[1], Arrays.stream(m.indices()).asLongStream().toArray(), "after reset");
        assertTrue(reference[0].length > 1000, reference[0].length + " spikes");
        long[][] float32 = trains(new Network(TestBackend.get()).dtype(DType.FLOAT32), 100);
        assertArrayEquals(reference[0], float32[0], "float32 steps");
        assertArrayEquals(reference[1], float32[1], "float32 neurons");
        for (int threads : new int[] {2, 3}) {
            long[][] split = trains(new Network(new CpuBackend(new StepThreads(threads, 0))), 100);
            assertArrayEquals(reference[0], split[0], threads + " threads: steps");
            assertArrayEquals(reference[1], split[1], threads + " threads: neurons");
        }
    }

    private static long[][] trains(Network net, double duration) {
        NeuronGroup g = sources("src", 3000, 40);
        net.dt(DT).seed(17).add(g);
        SpikeMonitor m = net.spikes(g);
        net.run(duration);
        return new long[][] {m.steps(), Arrays.stream(m.indices()).asLongStream().toArray()};
    }

    private static void assertChiSquare(long[] observed, double[] probabilities) {
        long n = Arrays.stream(observed).sum();
        double chi2 = 0;
        for (int i = 0; i < observed.length; i++) {
            double expected = n * probabilities[i];
            chi2 += (observed[i] - expected) * (observed[i] - expected) / expected;
        }
        int df = observed.length - 1;
        double a = 2.0 / (9 * df);
        double critical = df * Math.pow(1 - a + 3.090232306167813 * Math.sqrt(a), 3);
        assertTrue(chi2 < critical, "chi-square " + chi2 + " with " + df + " degrees of freedom exceeds its 0.999"
                + " quantile " + critical + "; observed " + Arrays.toString(observed));
    }
}
