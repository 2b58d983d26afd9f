package org.brainj.connectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import org.brainj.api.connect.Connectivity;
import org.brainj.api.spi.InvalidParameterException;
import org.hipparchus.distribution.discrete.BinomialDistribution;
import org.junit.jupiter.api.Test;

class FixedProbTest {
    private static double[] binomialPmf(int n, double p) {
        BinomialDistribution b = new BinomialDistribution(n, p);
        double[] pmf = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            pmf[k] = b.probability(k);
        }
        return pmf;
    }

    @Test
    void degreesFollowTheBinomial() {
        Connectivity c = new FixedProb(0.1, true, 42).connect(4000, 600);
        // Each of the 600 pairs of a row is an independent Bernoulli(0.1): out-degree ~ Binomial(600, 0.1).
        double[] out = Stats.chiSquare(Stats.outDegrees(c), binomialPmf(600, 0.1), 0.001);
        assertTrue(out[0] < out[1], "out-degree chi-square " + out[0] + " >= critical " + out[1]);
        // Columns likewise: in-degree ~ Binomial(4000, 0.1).
        double[] in = Stats.chiSquare(Stats.inDegrees(c), binomialPmf(4000, 0.1), 0.001);
        assertTrue(in[0] < in[1], "in-degree chi-square " + in[0] + " >= critical " + in[1]);
    }

    @Test
    void sparseProbabilityAlsoBinomial() {
        Connectivity c = new FixedProb(0.002, true, 9).connect(5000, 5000);
        double[] out = Stats.chiSquare(Stats.outDegrees(c), binomialPmf(5000, 0.002), 0.001);
        assertTrue(out[0] < out[1], "out-degree chi-square " + out[0] + " >= critical " + out[1]);
    }

    @Test
    void denseProbabilityAlsoBinomial() {
        Connectivity c = new FixedProb(0.7, false, 13).connect(3000, 200);
        double[] out = Stats.chiSquare(java.util.Arrays.copyOfRange(Stats.outDegrees(c), 200, 3000),
                binomialPmf(200, 0.7), 0.001); // rows 200.. have no own index among the posts
        assertTrue(out[0] < out[1], "out-degree chi-square " + out[0] + " >= critical " + out[1]);
    }

    @Test
    void noSelfConnectionsWhenExcluded() {
        Connectivity c = new FixedProb(0.3, false, 5).connect(500, 500);
        int[] pre = c.preIds();
        for (int s = 0; s < pre.length; s++) {
            assertFalse(pre[s] == c.postIds()[s], "self-connection at neuron " + pre[s]);
        }
        // The other 499 pairs of each row remain Binomial(499, 0.3).
        double[] out = Stats.chiSquare(Stats.outDegrees(c), binomialPmf(499, 0.3), 0.001);
        assertTrue(out[0] < out[1], "chi-square " + out[0] + " >= critical " + out[1]);
    }

    @Test
    void rowsAreSortedAndDistinct() {
        Connectivity c = new FixedProb(0.5, true, 1).connect(50, 80);
        for (int[] row : c.pre2post()) {
            for (int k = 1; k < row.length; k++) {
                assertTrue(row[k - 1] < row[k]);
            }
        }
    }

    @Test
    void extremesAreExact() {
        assertEquals(0, new FixedProb(0, true, 1).connect(30, 40).numSynapses());
        assertEquals(30 * 40, new FixedProb(1, true, 1).connect(30, 40).numSynapses());
        assertEquals(30 * 40 - 30, new FixedProb(1, false, 1).connect(30, 40).numSynapses());
    }

    @Test
    void sameSeedSameSynapsesWhateverTheThreadCount() throws Exception {
        FixedProb rule = new FixedProb(0.05).seed(2024);
        int[] one = new ForkJoinPool(1).submit(() -> rule.connect(3000, 2000).postIds()).get();
        int[] four = new ForkJoinPool(4).submit(() -> rule.connect(3000, 2000).postIds()).get();
        assertArrayEquals(one, four);
        assertArrayEquals(one, rule.connect(3000, 2000).postIds());
        assertFalse(Arrays.equals(one, rule.seed(2025).connect(3000, 2000).postIds()));
    }

    @Test
    void probabilityOutsideTheUnitIntervalIsRefused() {
        for (double p : new double[] {-0.1, 1.5, Double.NaN}) {
            var e = assertThrows(InvalidParameterException.class, () -> new FixedProb(p));
            assertEquals("prob", e.parameter());
            assertTrue(e.getMessage().contains("[0, 1]"), e.getMessage());
        }
    }
}
