package org.brainj.connectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.brainj.api.connect.Connectivity;
import org.brainj.api.spi.InvalidParameterException;
import org.hipparchus.distribution.discrete.BinomialDistribution;
import org.junit.jupiter.api.Test;

class FixedNumTest {
    private static Set<Long> pairs(Connectivity c) {
        Set<Long> s = new HashSet<>();
        for (int k = 0; k < c.numSynapses(); k++) {
            s.add((long) c.preIds()[k] * c.numPost() + c.postIds()[k]);
        }
        return s;
    }

    @Test
    void fixedPreNumGivesEveryPostNeuronExactlyNumDistinctPres() {
        Connectivity c = new FixedPreNum(25, false, false, 3).connect(200, 300);
        for (int[] pres : c.post2pre()) {
            assertEquals(25, pres.length);
            for (int k = 1; k < pres.length; k++) {
                assertTrue(pres[k - 1] < pres[k], "repeated pre neuron");
            }
        }
        for (int j = 0; j < 300; j++) {
            for (int i : c.post2pre()[j]) {
                assertNotEquals(i, j, "self-connection");
            }
        }
        // With self-connections allowed every post picks 25 of the 200 pres uniformly and
        // independently, so a pre neuron's out-degree is Binomial(300, 25/200).
        Connectivity d = new FixedPreNum(25, true, false, 4).connect(200, 300);
        BinomialDistribution b = new BinomialDistribution(300, 25.0 / 200);
        double[] pmf = java.util.stream.IntStream.rangeClosed(0, 300).mapToDouble(b::probability).toArray();
        double[] chi = Stats.chiSquare(Stats.outDegrees(d), pmf, 0.001);
        assertTrue(chi[0] < chi[1], "out-degree chi-square " + chi[0] + " >= critical " + chi[1]);
    }

    @Test
    void fixedPostNumGivesEveryPreNeuronExactlyNumDistinctPosts() {
        Connectivity c = new FixedPostNum(40, false, false, 11).connect(500, 100);
        for (int i = 0; i < 500; i++) {
            int[] posts = c.pre2post()[i];
            assertEquals(40, posts.length);
            for (int k = 1; k < posts.length; k++) {
                assertTrue(posts[k - 1] < posts[k], "repeated post neuron");
            }
            for (int j : posts) {
                assertNotEquals(i, j);
            }
        }
        // Pre neurons 100..499 choose 40 of all 100 posts uniformly: each post is hit with
        // probability 0.4, so in-degrees over those rows are Binomial(400, 0.4).
        int[] in = new int[100];
        for (int i = 100; i < 500; i++) {
            for (int j : c.pre2post()[i]) {
                in[j]++;
            }
        }
        BinomialDistribution b = new BinomialDistribution(400, 0.4);
        for (int d : in) {
            assertTrue(b.cumulativeProbability(d) > 1e-5 && b.cumulativeProbability(d) < 1 - 1e-5, "in-degree " + d);
        }
    }

    @Test
    void multapsesMayRepeatPairsAndKeepTheDegree() {
        Connectivity c = Nest.fixedIndegree(50).seed(8).connect(10, 20);
        for (int[] pres : c.post2pre()) {
            assertEquals(50, pres.length); // more than the 10 pre neurons: only possible with multapses
        }
        Connectivity d = new FixedPostNum(30, true, true, 8).connect(20, 10);
        assertEquals(20 * 30, d.numSynapses());
    }

    @Test
    void fixedPostNumDoesNotDependOnTheThreadCount() throws Exception {
        FixedPostNum rule = new FixedPostNum(50, false, false, 99);
        int[] one = new java.util.concurrent.ForkJoinPool(1).submit(() -> rule.connect(2000, 3000).postIds()).get();
        int[] four = new java.util.concurrent.ForkJoinPool(4).submit(() -> rule.connect(2000, 3000).postIds()).get();
        org.junit.jupiter.api.Assertions.assertArrayEquals(one, four);
    }

    @Test
    void fixedTotalNumDrawsExactlyNumDistinctPairs() {
        for (int num : new int[] {500, 9000}) { // sparse (rejection) and dense (selection sampling)
            Connectivity c = new FixedTotalNum(num, false, false, 5).connect(100, 120);
            assertEquals(num, c.numSynapses());
            Set<Long> s = pairs(c);
            assertEquals(num, s.size());
            for (int k = 0; k < num; k++) {
                assertNotEquals(c.preIds()[k], c.postIds()[k]);
            }
        }
        // Every allowed pair is equally likely: of num distinct pairs among the 12,000 of 100 x 120,
        // those in the first 50 rows (6,000 pairs) are hypergeometric with mean num / 2 and variance
        // num (1/4) (12000 - num) / 11999. Both the rejection (2,000) and selection (6,000) paths.
        for (int num : new int[] {2000, 6000}) {
            Connectivity c = new FixedTotalNum(num, true, false, 17).connect(100, 120);
            int firstHalf = c.csr().indptr()[50];
            assertEquals(num / 2.0, firstHalf, 4 * Math.sqrt(num * 0.25 * (12000 - num) / 11999.0), "num " + num);
        }
    }

    @Test
    void moreThanThePopulationWithoutMultapsesIsRefused() {
        var e1 = assertThrows(InvalidParameterException.class, () -> new FixedPreNum(11, true, false, 1).connect(10, 5));
        assertTrue(e1.getMessage().contains("num <= 10") && e1.getMessage().contains("multapses"), e1.getMessage());
        var e2 = assertThrows(InvalidParameterException.class, () -> new FixedPostNum(10, false, false, 1).connect(5, 10));
        assertTrue(e2.getMessage().contains("num <= 9"), e2.getMessage());
        var e3 = assertThrows(InvalidParameterException.class, () -> new FixedTotalNum(13, false, false, 1).connect(4, 4));
        assertTrue(e3.getMessage().contains("num <= 12"), e3.getMessage());
        var e4 = assertThrows(InvalidParameterException.class, () -> new FixedPreNum(-1));
        assertEquals("num", e4.parameter());
    }
}
