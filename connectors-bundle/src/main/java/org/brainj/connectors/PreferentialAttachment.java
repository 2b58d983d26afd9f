package org.brainj.connectors;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.brainj.api.connect.Connectivity;
import org.brainj.api.connect.Geometry;
import org.brainj.api.spi.InvalidParameterException;
import org.brainj.connectors.internal.Check;

/**
 * Growth by preferential attachment, shared by ScaleFreeBA and ScaleFreeBADual (networkx's
 * {@code barabasi_albert_graph} and {@code dual_barabasi_albert_graph}): start from a star of
 * {@code max(m1, m2) + 1} nodes, then each new node attaches m1 edges (probability p) or m2
 * edges to distinct existing nodes drawn with probability proportional to their degree.
 */
final class PreferentialAttachment {
    private PreferentialAttachment() {
    }

    static Connectivity connect(String owner, Geometry pre, Geometry post, int m1, int m2, double p,
            boolean directed, SplittableRandom rng) {
        int n = Check.sameSize(owner, pre, post);
        int start = Math.max(m1, m2);
        if (start >= n) {
            throw new InvalidParameterException(owner, m1 == m2 ? "m" : "m1, m2", start,
                    "each new node attaches to existing ones, so m must be < the population size " + n
                            + "; give m < " + n);
        }
        Graph g = new Graph(n);
        // Every edge end appears once here, so a uniform pick is a pick proportional to degree.
        int[] ends = new int[2 * (start + (n - start - 1) * start)];
        int size = 0;
        for (int leaf = 1; leaf <= start; leaf++) {
            g.addEdge(0, leaf);
            ends[size++] = 0;
            ends[size++] = leaf;
        }
        int[] targets = new int[start];
        for (int source = start + 1; source < n; source++) {
            int m = rng.nextDouble() < p ? m1 : m2;
            int chosen = 0;
            while (chosen < m) {
                int x = ends[rng.nextInt(size)];
                if (!contains(targets, chosen, x)) {
                    targets[chosen++] = x;
                }
            }
            for (int k = 0; k < m; k++) {
                g.addEdge(source, targets[k]);
                ends[size++] = targets[k];
                ends[size++] = source;
            }
        }
        return g.toConnectivity(directed);
    }

    private static boolean contains(int[] values, int count, int x) {
        return Arrays.stream(values, 0, count).anyMatch(v -> v == x);
    }
}
