package org.brainj.connectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.brainj.api.connect.Connector;
import org.brainj.api.connect.Geometry;
import org.junit.jupiter.api.Test;

/**
 * A rule's count before drawing ({@link Connector#expectedSynapses}) against the synapses it then
 * draws: equal for the deterministic rules, within 5 standard deviations of the binomial for
 * FixedProb, never below the drawn count for the rules that give a bound.
 */
class ExpectedSynapsesTest {
    private static double drawn(Connector c, Geometry pre, Geometry post) {
        return c.connect(pre, post).numSynapses();
    }

    @Test
    void deterministicRulesCountExactly() {
        Geometry n = Geometry.of(40);
        Geometry m = Geometry.of(25);
        Geometry sheet = Geometry.of(new int[] {6, 7});
        List<Connector> exact = List.of(new All2All(), new All2All(true), new FixedPreNum(5).seed(3),
                new FixedPostNum(4).seed(3), new FixedTotalNum(300).seed(3));
        for (Connector c : exact) {
            assertEquals(drawn(c, n, m), c.expectedSynapses(n, m), c.toString());
        }
        assertEquals(drawn(new One2One(), n, n), new One2One().expectedSynapses(n, n));
        IndexConn index = new IndexConn(new int[] {0, 1, 1}, new int[] {2, 0, 1});
        assertEquals(3, index.expectedSynapses(Geometry.of(2), Geometry.of(3)));
        MatConn mat = MatConn.of(new double[][] {{0, 2, 0}, {1, 0, 3}});
        assertEquals(drawn(mat, Geometry.of(2), Geometry.of(3)), mat.expectedSynapses(Geometry.of(2), Geometry.of(3)));
        Connector periodic = new GridEight(false, true);
        assertEquals(drawn(periodic, sheet, sheet), periodic.expectedSynapses(sheet, sheet));
        Connector ring = new SmallWorld(6, 0.3).seed(5);
        assertEquals(drawn(ring, n, n), ring.expectedSynapses(n, n));
    }

    @Test
    void fixedProbIsTheBinomialMean() {
        int np = 300;
        int nq = 200;
        double p = 0.05;
        assertEquals(p * np * nq, new FixedProb(p).expectedSynapses(Geometry.of(np), Geometry.of(nq)), 1e-9);
        Connector c = new FixedProb(p).includeSelf(false).seed(11);
        double mean = c.expectedSynapses(Geometry.of(np), Geometry.of(nq));
        assertEquals(p * (np * nq - nq), mean, 1e-9, "without the pairs (i, i)");
        double sd = Math.sqrt(mean * (1 - p));
        double got = drawn(c, Geometry.of(np), Geometry.of(nq));
        assertTrue(Math.abs(got - mean) < 5 * sd, got + " synapses drawn, expected " + mean + " +- " + sd);
    }

    @Test
    void boundsAreNeverBelowWhatIsDrawn() {
        Geometry n = Geometry.of(200);
        Geometry sheet = Geometry.of(new int[] {9, 9});
        List<Connector> bounded = List.of(new ScaleFreeBA(3).seed(2), new ScaleFreeBADual(2, 4, 0.5).seed(2),
                new PowerLaw(3, 0.4).seed(2), new GaussianProb(2.0).seed(2));
        for (Connector c : bounded) {
            assertTrue(c.expectedSynapses(n, n) >= drawn(c, n, n), c.getClass().getSimpleName());
        }
        for (Connector c : List.<Connector>of(new GridFour(false, false), new GridN(2, true, false))) {
            assertTrue(c.expectedSynapses(sheet, sheet) >= drawn(c, sheet, sheet), c.getClass().getSimpleName());
        }
    }

    @Test
    void aHugeRandomNetworkIsCountedWithoutDrawing() {
        // the case: 5e7 neurons at p = 0.1, counted at once rather than refused after drawing
        Geometry huge = Geometry.of(50_000_000);
        assertEquals(2.5e14, new FixedProb(0.1).expectedSynapses(huge, huge), 1e7);
    }
}
