package org.brainj.examples;

import org.brainj.api.tensor.Backends;
import org.junit.jupiter.api.Test;

/** The CUBA network's mean rates against Brian2 2.5.1 running the same model. */
class CubaTest {
    /**
     * Brian2 2.5.1 (Debian python3-brian, C++ standalone, exact linear integration, dt = 0.1 ms,
     * 1 s), seeds 1-4, from {@code benchmarks/brian2/cuba.py --standalone --seeds 1 2 3 4}.
     */
    static final double[] BRIAN2_E = {5.60, 5.51, 5.62, 5.86};
    static final double[] BRIAN2_I = {5.66, 5.62, 5.62, 5.66};
    static final long[] SEEDS = {11, 12, 13, 14};

    @Test
    void meanRatesAgreeWithBrian2() {
        double[] e = new double[SEEDS.length];
        double[] i = new double[SEEDS.length];
        for (int k = 0; k < SEEDS.length; k++) {
            Cuba cuba = new Cuba(Backends.get("cpu"), SEEDS[k]);
            cuba.network().run(1000);
            double[] r = cuba.rates(1000);
            e[k] = r[0];
            i[k] = r[1];
        }
        Agreement.means("CUBA excitatory rate", e, BRIAN2_E);
        Agreement.means("CUBA inhibitory rate", i, BRIAN2_I);
    }
}
