package org.brainj.connectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.brainj.api.connect.Connectivity;
import org.brainj.api.spi.InvalidParameterException;
import org.junit.jupiter.api.Test;

class GraphModelsTest {
    private static void assertSymmetricWithoutSelf(Connectivity c) {
        boolean[][] m = c.connMat();
        for (int i = 0; i < m.length; i++) {
            assertTrue(!m[i][i], "self-connection at " + i);
            for (int j = 0; j < m.length; j++) {
                assertEquals(m[i][j], m[j][i], "asymmetric pair " + i + ", " + j);
            }
        }
    }

    /** The ring lattice (prob = 0): C(0) = 3(k-2) / (4(k-1)) and L(0) from ring distances. */
    @Test
    void ringLatticeHasTheWattsStrogatzClusteringAndPathLength() {
        int n = 300;
        int k = 6;
        Connectivity c = new SmallWorld(k, 0.0).seed(1).connect(n, n);
        assertEquals(n * k, c.numSynapses());
        assertSymmetricWithoutSelf(c);
        int[][] nb = Stats.neighbours(c);
        assertEquals(3.0 * (k - 2) / (4.0 * (k - 1)), Stats.clustering(nb), 1e-12);
        // Node pairs at ring distance r are ceil(r / (k/2)) hops apart on the lattice.
        double sum = 0;
        for (int r = 1; r < n; r++) {
            int ring = Math.min(r, n - r);
            sum += Math.ceil(ring / (k / 2.0));
        }
        assertEquals(sum / (n - 1), Stats.pathLength(nb, n), 1e-12);
    }

    /**
     * Rewiring with p = 0.1 keeps clustering near C(0)(1-p)^3 (Barrat and Weigt 2000) while the
     * path length falls to a small fraction of the lattice's (Watts and Strogatz 1998, Fig. 2:
     * L(0.1)/L(0) is about 0.1 to 0.2 for n = 1000, k = 10).
     */
    @Test
    void rewiringKeepsClusteringAndShrinksPaths() {
        int n = 2000;
        int k = 10;
        double c0 = 3.0 * (k - 2) / (4.0 * (k - 1));
        double l0 = n / (2.0 * k);
        Connectivity c = new SmallWorld(k, 0.1).seed(12).connect(n, n);
        assertEquals(n * k, c.numSynapses()); // rewiring moves edges, never adds or drops them
        assertSymmetricWithoutSelf(c);
        int[][] nb = Stats.neighbours(c);
        double cp = Stats.clustering(nb);
        double lp = Stats.pathLength(nb, 200);
        assertEquals(Math.pow(0.9, 3), cp / c0, 0.05, "C(p)/C(0)");
        assertTrue(lp / l0 < 0.2, "L(p)/L(0) = " + lp / l0);
    }

    /** Fully rewired (p = 1) the graph is random: L near (ln n - gamma)/ln k + 1/2 (Fronczak et al. 2004). */
    @Test
    void fullRewiringGivesRandomGraphPathLength() {
        int n = 2000;
        int k = 10;
        Connectivity c = new SmallWorld(k, 1.0).seed(5).connect(n, n);
        double expected = (Math.log(n) - 0.5772156649) / Math.log(k) + 0.5;
        assertEquals(expected, Stats.pathLength(Stats.neighbours(c), 200), 0.1 * expected);
    }

    @Test
    void directedSmallWorldMakesOneSynapsePerEdge() {
        Connectivity c = new SmallWorld(4, 0.2, true, false, 3).connect(100, 100);
        assertEquals(100 * 2, c.numSynapses());
    }

    /**
     * Barabasi-Albert degrees follow k^-3: the discrete MLE exponent above k_min = 20 is near 3,
     * and the share of nodes of the minimum degree m is the exact P(m) = 2m(m+1)/(m(m+1)(m+2)) =
     * 2/(m+2) of Dorogovtsev, Mendes and Samukhin (2000) / Bollobas et al. (2001).
     */
    @Test
    void scaleFreeDegreeExponentIsNearThree() {
        int n = 100_000;
        int m = 3;
        Connectivity c = new ScaleFreeBA(m).seed(2).connect(n, n);
        assertEquals(2 * (m + (long) (n - m - 1) * m), c.numSynapses()); // star of m edges, then m per node
        int[] deg = Stats.outDegrees(c);
        assertEquals(3.0, Stats.powerLawExponent(deg, 20), 0.15, "degree exponent");
        assertTrue(java.util.Arrays.stream(deg).allMatch(d -> d >= m), "a node with fewer than m edges");
        double atMin = java.util.Arrays.stream(deg).filter(d -> d == m).count() / (double) n;
        assertEquals(2.0 / (m + 2), atMin, 0.01, "share of nodes of degree m");
    }

    @Test
    void dualScaleFreeMixesTheTwoAttachmentCounts() {
        int n = 50_000;
        Connectivity c = new ScaleFreeBADual(2, 6, 0.25).seed(4).connect(n, n);
        // New nodes bring 2 edges with probability 0.25 and 6 otherwise: mean 5 edges per node.
        double edgesPerNode = c.numSynapses() / 2.0 / n;
        assertEquals(0.25 * 2 + 0.75 * 6, edgesPerNode, 0.05);
        double alpha = Stats.powerLawExponent(Stats.outDegrees(c), 20);
        assertTrue(alpha > 2.5 && alpha < 3.5, "degree exponent " + alpha);
    }

    /**
     * Holme and Kim (2002): triad formation raises clustering while degrees stay power-law; with
     * m = 3 the triangle step (p = 0.9) lifts C by an order of magnitude over plain BA (p = 0).
     */
    @Test
    void powerLawClusteringTunedByTriadProbability() {
        int n = 20_000;
        Connectivity plain = new PowerLaw(3, 0.0).seed(6).connect(n, n);
        Connectivity triads = new PowerLaw(3, 0.9).seed(6).connect(n, n);
        double c0 = Stats.clustering(Stats.neighbours(plain));
        double c9 = Stats.clustering(Stats.neighbours(triads));
        assertTrue(c9 > 10 * c0 && c9 > 0.3, "C(p=0) = " + c0 + ", C(p=0.9) = " + c9);
        double alpha = Stats.powerLawExponent(Stats.outDegrees(triads), 10);
        assertTrue(alpha > 2.5 && alpha < 3.5, "degree exponent " + alpha);
    }

    @Test
    void sameSeedSameGraph() {
        assertArrayEquals(new ScaleFreeBA(2, false, 9).connect(500, 500).postIds(),
                new ScaleFreeBA(2, false, 9).connect(500, 500).postIds());
        assertNotEquals(java.util.Arrays.toString(new PowerLaw(2, 0.5, false, 9).connect(500, 500).postIds()),
                java.util.Arrays.toString(new PowerLaw(2, 0.5, false, 10).connect(500, 500).postIds()));
    }

    @Test
    void impossibleSizesAreRefused() {
        var e = assertThrows(InvalidParameterException.class, () -> new ScaleFreeBA(10).connect(10, 10));
        assertTrue(e.getMessage().contains("m < 10"), e.getMessage());
        var w = assertThrows(InvalidParameterException.class, () -> new SmallWorld(12, 0.1).connect(12, 12));
        assertEquals("num_neighbor", w.parameter());
        assertThrows(InvalidParameterException.class, () -> new SmallWorld(4, 1.2));
    }
}
