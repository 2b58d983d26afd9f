package org.brainj.benchmarks.speed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.brainj.api.tensor.Backends;
import org.junit.jupiter.api.Test;

/** The speed cases' counts against closed forms, so the benchmark table's events and rates mean what they say. */
class SpeedCasesTest {

    /**
     * SynapsesOnly: every source spikes every step and, without delay, its events arrive in that step
     * (Brian2's order: thresholds, then delivery), so after S steps each synapse has carried S events,
     * and the mean w is their sum over the targets.
     */
    @Test
    void synapsesOnlyEventsAreSynapsesTimesSteps() {
        SpeedCases.Case c = SpeedCases.of("SparseHighRateSynapsesOnly", 1000, Backends.get("cpu"), 3);
        c.build().run();
        c.run().accept(50);
        long synapses = c.synapses().getAsLong();
        // M = 100 Hz * 1000 * 0.1 ms = 10 sources, p = 0.2 onto 1000 targets
        assertTrue(synapses > 1500 && synapses < 2500, synapses + " synapses for 10 x 1000 at p = 0.2");
        assertEquals(synapses * 500.0, c.events().getAsDouble(), 1e-9);
        assertEquals(synapses * 500.0 / 1000, c.check().getAsDouble(), 1e-9);
    }

    /** STDP's 15 Hz Poisson inputs: n * 1 s * 15 Hz spikes in expectation, within five standard deviations. */
    @Test
    void stdpInputsFireAtFifteenHertz() {
        SpeedCases.Case c = SpeedCases.of("STDP", 2000, Backends.get("cpu"), 5);
        c.build().run();
        c.run().accept(1000);
        double expected = 2000 * 15.0;
        assertEquals(expected, c.events().getAsDouble(), 5 * Math.sqrt(expected));
        assertEquals(15, c.check().getAsDouble(), 5 * Math.sqrt(expected) / 2000);
        assertEquals(2000, c.synapses().getAsLong());
    }

    /**
     * CUBA, integrated exactly as Brian2 does, fires at Brian2's rate within the seed spread: the
     * mean over seeds 1-4 here against Brian2's mean over its seeds 1-8 (Cython runtime,
     * {@code /usr/bin/python3 benchmarks/brian2/speed/run_brian2_speed.py CUBAFixedConnectivity 1000 8
     * --target cython --seed 1}, stored in {@code brian2/cuba_1000_cython_seeds_1-8.jsonl}), within
     * three standard errors of the difference, each side's spread taken as Brian2's across seeds.
     * The two sides draw different networks from a seed, so only the distributions can agree.
     */
    @Test
    void cubaFiresAtBrian2sRateWithinSeedSpread() throws IOException {
        double[] brian2 = brian2Rates("brian2/cuba_1000_cython_seeds_1-8.jsonl");
        double brian2Mean = Arrays.stream(brian2).average().orElseThrow();
        double spread = Math.sqrt(Arrays.stream(brian2).map(r -> (r - brian2Mean) * (r - brian2Mean)).sum()
                / (brian2.length - 1));
        int seeds = 4;
        double sum = 0;
        for (int seed = 1; seed <= seeds; seed++) {
            SpeedCases.Case c = SpeedCases.of("CUBAFixedConnectivity", 1000, Backends.get("cpu"), seed);
            c.build().run();
            c.run().accept(c.duration());
            sum += c.check().getAsDouble();
        }
        double tolerance = 3 * spread * Math.sqrt(1.0 / brian2.length + 1.0 / seeds);
        assertEquals(brian2Mean, sum / seeds, tolerance, "mean rate (Hz) over seeds 1-" + seeds);
    }

    private static double[] brian2Rates(String resource) throws IOException {
        try (InputStream in = SpeedCasesTest.class.getResourceAsStream("/" + resource)) {
            assertNotNull(in, resource + " is missing from the test resources");
            Matcher m = Pattern.compile("\"rate_hz\": ([0-9.eE+-]+)")
                    .matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return m.results().mapToDouble(r -> Double.parseDouble(r.group(1))).toArray();
        }
    }

    @Test
    void fixedSizeCasesNameTheirSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SpeedCases.of("COBA", 1000, Backends.get("cpu"), 1));
        assertEquals("COBA has 4000 neurons; run it with N = 4000, not 1000", e.getMessage());
    }
}
