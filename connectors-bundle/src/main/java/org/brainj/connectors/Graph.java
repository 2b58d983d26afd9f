package org.brainj.connectors;

import java.util.Arrays;
import org.brainj.api.connect.Connectivity;
import org.brainj.connectors.internal.Edges;

/**
 * A simple graph on n nodes, grown edge by edge, as the graph models (Watts-Strogatz,
 * Barabasi-Albert, Holme-Kim) build it: at most one edge per node pair, each edge remembering
 * the direction it was made in (u -> v, u the node that made it). Becomes synapses both ways
 * (undirected) or in the direction made (directed).
 */
final class Graph {
    private final int n;
    private final int[][] out;
    private final int[] outDegree;
    private final int[][] adj;
    private final int[] degree;

    Graph(int n) {
        this.n = n;
        out = new int[n][2];
        outDegree = new int[n];
        adj = new int[n][4];
        degree = new int[n];
    }

    int size() {
        return n;
    }

    int degree(int u) {
        return degree[u];
    }

    /** The neighbour at position k of u's neighbour list (either direction). */
    int neighbour(int u, int k) {
        return adj[u][k];
    }

    boolean hasEdge(int u, int v) {
        for (int k = 0; k < degree[u]; k++) {
            if (adj[u][k] == v) {
                return true;
            }
        }
        return false;
    }

    /** Adds u -> v unless u and v are already joined; returns whether it was added. */
    boolean addEdge(int u, int v) {
        if (hasEdge(u, v)) {
            return false;
        }
        append(out, outDegree, u, v);
        append(adj, degree, u, v);
        if (u != v) {
            append(adj, degree, v, u);
        }
        return true;
    }

    /** Removes the edge u -> v made by u. */
    void removeEdge(int u, int v) {
        remove(out, outDegree, u, v);
        remove(adj, degree, u, v);
        if (u != v) {
            remove(adj, degree, v, u);
        }
    }

    private static void append(int[][] lists, int[] sizes, int u, int v) {
        if (sizes[u] == lists[u].length) {
            lists[u] = Arrays.copyOf(lists[u], lists[u].length * 2);
        }
        lists[u][sizes[u]++] = v;
    }

    private static void remove(int[][] lists, int[] sizes, int u, int v) {
        for (int k = 0; k < sizes[u]; k++) {
            if (lists[u][k] == v) {
                lists[u][k] = lists[u][--sizes[u]];
                return;
            }
        }
        throw new IllegalStateException("no edge " + u + " -> " + v);
    }

    /** The synapses: each edge both ways when undirected, in the direction made when directed. */
    Connectivity toConnectivity(boolean directed) {
        long total = 0;
        for (int u = 0; u < n; u++) {
            total += directed ? outDegree[u] : degree[u];
        }
        Edges edges = new Edges((int) Math.min(total, Integer.MAX_VALUE - 8), false);
        for (int u = 0; u < n; u++) {
            int[] list = directed ? out[u] : adj[u];
            int size = directed ? outDegree[u] : degree[u];
            for (int k = 0; k < size; k++) {
                edges.add(u, list[k]);
            }
        }
        return edges.toConnectivity(n, n, true);
    }
}
