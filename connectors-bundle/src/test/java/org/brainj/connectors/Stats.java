package org.brainj.connectors;

import java.util.ArrayDeque;
import java.util.Arrays;
import org.brainj.api.connect.Connectivity;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;

/** Plain graph and test statistics computed in the tests, independent of the code under test. */
final class Stats {
    private Stats() {
    }

    /** Out-degree of each pre neuron, counted from the synapse list (pre_ids). */
    static int[] outDegrees(Connectivity c) {
        int[] d = new int[c.numPre()];
        for (int i : c.preIds()) {
            d[i]++;
        }
        return d;
    }

    static int[] inDegrees(Connectivity c) {
        int[] d = new int[c.numPost()];
        for (int j : c.postIds()) {
            d[j]++;
        }
        return d;
    }

    /**
     * Pearson's chi-square of observed counts against expected probabilities, pooling the tails
     * until each bin expects at least 5; returns {statistic, critical value at level alpha}.
     */
    static double[] chiSquare(int[] values, double[] pmf, double alpha) {
        long[] counts = new long[pmf.length];
        for (int v : values) {
            counts[v]++;
        }
        int n = values.length;
        double stat = 0;
        int bins = 0;
        double expAcc = 0;
        long obsAcc = 0;
        for (int k = 0; k < pmf.length; k++) {
            expAcc += n * pmf[k];
            obsAcc += counts[k];
            boolean restSmall = n * Arrays.stream(pmf, k + 1, pmf.length).sum() < 5;
            if (expAcc >= 5 && !restSmall || k == pmf.length - 1) {
                stat += (obsAcc - expAcc) * (obsAcc - expAcc) / expAcc;
                bins++;
                expAcc = 0;
                obsAcc = 0;
            }
        }
        double critical = new ChiSquaredDistribution(bins - 1).inverseCumulativeProbability(1 - alpha);
        return new double[] {stat, critical};
    }

    /** The neighbour lists (pre2post rows) of a symmetric connectivity, as an undirected graph. */
    static int[][] neighbours(Connectivity c) {
        int[][] rows = c.pre2post();
        return Arrays.stream(rows).map(r -> r.clone()).toArray(int[][]::new);
    }

    /** Watts and Strogatz's C: the mean over nodes of (edges among neighbours) / (k (k - 1) / 2). */
    static double clustering(int[][] nb) {
        int n = nb.length;
        boolean[] mark = new boolean[n];
        double sum = 0;
        for (int u = 0; u < n; u++) {
            int k = nb[u].length;
            if (k < 2) {
                continue;
            }
            for (int v : nb[u]) {
                mark[v] = true;
            }
            long links = 0;
            for (int v : nb[u]) {
                for (int w : nb[v]) {
                    if (mark[w]) {
                        links++;
                    }
                }
            }
            for (int v : nb[u]) {
                mark[v] = false;
            }
            sum += (links / 2.0) / (k * (k - 1) / 2.0);
        }
        return sum / n;
    }

    /** The mean shortest-path length over all ordered pairs of distinct reachable nodes (BFS). */
    static double pathLength(int[][] nb, int sources) {
        int n = nb.length;
        int[] dist = new int[n];
        double sum = 0;
        long pairs = 0;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int s = 0; s < sources; s++) {
            int src = (int) ((long) s * n / sources);
            Arrays.fill(dist, -1);
            dist[src] = 0;
            queue.add(src);
            while (!queue.isEmpty()) {
                int u = queue.poll();
                for (int v : nb[u]) {
                    if (dist[v] < 0) {
                        dist[v] = dist[u] + 1;
                        sum += dist[v];
                        pairs++;
                        queue.add(v);
                    }
                }
            }
        }
        return sum / pairs;
    }

    /** The discrete power-law exponent by maximum likelihood (Clauset, Shalizi, Newman 2009, eq. 3.7). */
    static double powerLawExponent(int[] degrees, int kMin) {
        double logs = 0;
        int count = 0;
        for (int k : degrees) {
            if (k >= kMin) {
                logs += Math.log(k / (kMin - 0.5));
                count++;
            }
        }
        return 1 + count / logs;
    }
}
