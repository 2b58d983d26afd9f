package org.brainj.connectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.brainj.api.connect.Connectivity;
import org.brainj.api.connect.GeometryException;
import org.junit.jupiter.api.Test;

class GaussianTest {
    /**
     * GaussianProb on a 40 x 40 torus with positions at the grid indices: for every distinct
     * squared distance d^2, the fraction of connected pairs matches exp(-d^2 / (2 sigma^2)) (the
     * reference's formula) within 4.5 binomial standard deviations.
     */
    @Test
    void connectionProbabilityFollowsTheGaussianOfDistance() {
        int h = 40;
        double sigma = 2.5;
        Connectivity c = new GaussianProb(sigma).periodicBoundary(true).seed(77).connect(new int[] {h, h}, new int[] {h, h});
        boolean[][] m = c.connMat();
        Map<Integer, long[]> byD2 = new HashMap<>(); // d2 -> {pairs, connected}
        for (int i = 0; i < h * h; i++) {
            for (int j = 0; j < h * h; j++) {
                int dr = Math.abs(i / h - j / h);
                int dc = Math.abs(i % h - j % h);
                dr = Math.min(dr, h - dr);
                dc = Math.min(dc, h - dc);
                long[] t = byD2.computeIfAbsent(dr * dr + dc * dc, k -> new long[2]);
                t[0]++;
                t[1] += m[i][j] ? 1 : 0;
            }
        }
        for (var e : byD2.entrySet()) {
            double p = Math.exp(-e.getKey() / (2 * sigma * sigma));
            long n = e.getValue()[0];
            double sd = Math.sqrt(n * p * (1 - p));
            double diff = Math.abs(e.getValue()[1] - n * p);
            assertTrue(diff <= 4.5 * sd + 1e-9, "d^2 = " + e.getKey() + ": " + e.getValue()[1] + " of " + n
                    + " connected, expected " + n * p);
        }
        assertEquals(h * h, byD2.get(0)[1]); // p = 1 at distance 0 (self included by default)
    }

    @Test
    void encodingValuesScalePositionsAndSelfCanBeExcluded() {
        // 20 neurons on a line encoded in [0, 1): spacing 0.05, so with sigma = 0.05 a neighbour
        // connects with probability exp(-1/2) and one three apart with exp(-4.5).
        Connectivity c = new GaussianProb(0.05).encodingValues(0, 1).includeSelf(false).seed(3).connect(20, 20);
        for (int i = 0; i < 20; i++) {
            for (int j : c.pre2post()[i]) {
                assertTrue(j != i && Math.abs(i - j) <= 8, "pair " + i + ", " + j);
            }
        }
        assertThrows(GeometryException.class, () -> new GaussianProb(1).connect(new int[] {4, 5}, new int[] {5, 4}));
    }

    /** GaussianWeight's weights, recomputed from the reference's formula with positions scaled to [0, 1]. */
    @Test
    void gaussianWeightsMatchTheFormula() {
        int[] pre = {6, 5};
        int[] post = {4, 7};
        double sigma = 0.3;
        double wMax = 2;
        double wMin = 0.01 * wMax;
        Connectivity c = new GaussianWeight(sigma, wMax).connect(pre, post);
        checkWeights(c, pre, post, d2 -> wMax * Math.exp(-d2 / (2 * sigma * sigma)), wMin);
    }

    /** DOG: w+ exp(-d^2/2 s+^2) - w- exp(-d^2/2 s-^2), kept where |w| > 0.01 |w+ - w-| (reference 002). */
    @Test
    void differenceOfGaussiansMatchesTheFormula() {
        int[] g = {12, 12};
        Connectivity c = new DOG(new double[] {0.08, 0.15}, new double[] {1.0, 0.7}).connect(g, g);
        checkWeights(c, g, g, d2 -> Math.exp(-d2 / (2 * 0.08 * 0.08)) - 0.7 * Math.exp(-d2 / (2 * 0.15 * 0.15)), 0.003);
        assertTrue(c.weights().orElseThrow().length > 0);
        assertTrue(java.util.Arrays.stream(c.weights().orElseThrow()).anyMatch(w -> w < 0), "no inhibitory surround");
    }

    private static void checkWeights(Connectivity c, int[] pre, int[] post, java.util.function.DoubleUnaryOperator w,
            double wMin) {
        double[] weights = c.weights().orElseThrow();
        Map<Long, Double> got = new HashMap<>();
        for (int s = 0; s < c.numSynapses(); s++) {
            got.put((long) c.preIds()[s] * 1000 + c.postIds()[s], weights[s]);
        }
        int expected = 0;
        for (int i = 0; i < pre[0] * pre[1]; i++) {
            for (int j = 0; j < post[0] * post[1]; j++) {
                double dr = (double) (i / pre[1]) / (pre[0] - 1) - (double) (j / post[1]) / (post[0] - 1);
                double dc = (double) (i % pre[1]) / (pre[1] - 1) - (double) (j % post[1]) / (post[1] - 1);
                double value = w.applyAsDouble(dr * dr + dc * dc);
                Double actual = got.get((long) i * 1000 + j);
                if (Math.abs(value) > wMin) {
                    expected++;
                    assertTrue(actual != null, "missing synapse " + i + " -> " + j + " of weight " + value);
                    assertEquals(value, actual, 1e-12);
                } else {
                    assertTrue(actual == null, "synapse " + i + " -> " + j + " of weight " + value + " <= w_min");
                }
            }
        }
        assertEquals(expected, c.numSynapses());
    }
}
