package org.brainj.examples;

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

    /** Mean rates over four seeds agree with Brian2's over eight (see {@link Agreement}). */
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
        }
        Agreement.means("COBA excitatory rate", e, BRIAN2_E);
        Agreement.means("COBA inhibitory rate", i, BRIAN2_I);
    }
}
