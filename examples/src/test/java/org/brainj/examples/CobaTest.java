package org.brainj.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.brainj.api.tensor.Backends;
import org.junit.jupiter.api.Test;

/** The COBA E/I network's mean rates against Brian2 2.5.1 running the same model. */
class CobaTest {
    /**
     * Brian2 2.5.1 (Debian python3-brian, C++ standalone, euler, dt = 0.1 ms, 1 s), seeds 1-8,
     * from {@code benchmarks/brian2/coba.py --standalone --seeds 1 2 3 4 5 6 7 8}:
     * excitatory 22.08 21.47 21.48 22.80 19.07 19.17 24.95 22.04 Hz,
     * inhibitory 22.02 21.29 21.15 21.92 20.48 20.32 22.86 21.73 Hz.
     */
    static final double[] BRIAN2_E = {22.08, 21.47, 21.48, 22.80, 19.07, 19.17, 24.95, 22.04};
    static final double[] BRIAN2_I = {22.02, 21.29, 21.15, 21.92, 20.48, 20.32, 22.86, 21.73};
    static final long[] SEEDS = {11, 12, 13, 14};

    /**
     * Our mean over four seeds and Brian2's over eight differ by less than three standard
     * errors of the difference (each standard deviation taken from Brian2's seeds): the runs
     * are chaotic, so agreement is statistical, not spike for spike.
     */
    @Test
    void meanRatesAgreeWithBrian2() {
        double[] e = new double[SEEDS.length];
        double[] i = new double[SEEDS.length];
        for (int k = 0; k < SEEDS.length; k++) {
            Coba coba = new Coba(Backends.get("cpu"), SEEDS[k]);
            coba.network().run(1000);
            double[] r = coba.rates(1000);
            e[k] = r[0];
            i[k] = r[1];
            assertTrue(r[0] > 15 && r[0] < 30 && r[1] > 15 && r[1] < 30, "seed " + SEEDS[k] + ": " + Arrays.toString(r));
        }
        agree("excitatory", e, BRIAN2_E);
        agree("inhibitory", i, BRIAN2_I);
    }

    private static void agree(String population, double[] ours, double[] brian) {
        double sd = std(brian);
        double se = Math.sqrt(sd * sd / ours.length + sd * sd / brian.length);
        assertEquals(mean(brian), mean(ours), 3 * se, population + " mean rate " + mean(ours) + " Hz vs Brian2's "
                + mean(brian) + " Hz (ours " + Arrays.toString(ours) + ")");
    }

    static double mean(double[] x) {
        return Arrays.stream(x).average().orElseThrow();
    }

    static double std(double[] x) {
        double m = mean(x);
        return Math.sqrt(Arrays.stream(x).map(v -> (v - m) * (v - m)).sum() / (x.length - 1));
    }
}
