package org.brainj.api.connect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.brainj.api.UnknownNameException;
import org.junit.jupiter.api.Test;

class ConnectivityTest {
    private static final int NUM_PRE = 7;
    private static final int NUM_POST = 5;

    /** A dense 0/1 matrix drawn in the test; the reference every structure is checked against. */
    private static boolean[][] denseMatrix(long seed) {
        Random r = new Random(seed);
        boolean[][] m = new boolean[NUM_PRE][NUM_POST];
        for (boolean[] row : m) {
            for (int j = 0; j < NUM_POST; j++) {
                row[j] = r.nextDouble() < 0.4;
            }
        }
        m[3] = new boolean[NUM_POST]; // an empty row
        return m;
    }

    /** CSR of the dense matrix, written out by hand with row-major synapse numbering. */
    private static Connectivity fromDense(boolean[][] m, boolean weighted) {
        List<Integer> idx = new ArrayList<>();
        int[] indptr = new int[NUM_PRE + 1];
        for (int i = 0; i < NUM_PRE; i++) {
            for (int j = 0; j < NUM_POST; j++) {
                if (m[i][j]) {
                    idx.add(j);
                }
            }
            indptr[i + 1] = idx.size();
        }
        int[] indices = idx.stream().mapToInt(Integer::intValue).toArray();
        double[] w = null;
        if (weighted) {
            w = new double[indices.length];
            for (int s = 0; s < w.length; s++) {
                w[s] = 10 + s; // weight encodes the synapse id, so a permutation error shows
            }
        }
        return new Connectivity(NUM_PRE, NUM_POST, indptr, indices, w);
    }

    @Test
    void structuresAgreeWithTheDenseMatrix() {
        boolean[][] m = denseMatrix(7);
        Connectivity c = fromDense(m, true);
        assertArrayEquals(m, c.connMat());
        int[] pre = c.preIds();
        int[] post = c.postIds();
        int s = 0;
        for (int i = 0; i < NUM_PRE; i++) {
            List<Integer> posts = new ArrayList<>();
            for (int j = 0; j < NUM_POST; j++) {
                if (m[i][j]) {
                    posts.add(j);
                    assertEquals(i, pre[s]);
                    assertEquals(j, post[s]);
                    s++;
                }
            }
            assertArrayEquals(posts.stream().mapToInt(Integer::intValue).toArray(), c.pre2post()[i]);
            assertEquals(posts.size(), c.pre2syn()[i].length);
            assertEquals(c.preSlice()[i][1] - c.preSlice()[i][0], posts.size());
            for (int k = 0; k < posts.size(); k++) {
                assertEquals(c.preSlice()[i][0] + k, c.pre2syn()[i][k]);
            }
        }
        assertEquals(s, c.numSynapses());
        Csc csc = c.csc();
        for (int j = 0; j < NUM_POST; j++) {
            List<Integer> pres = new ArrayList<>();
            for (int i = 0; i < NUM_PRE; i++) {
                if (m[i][j]) {
                    pres.add(i);
                }
            }
            int[] expected = pres.stream().mapToInt(Integer::intValue).toArray();
            assertArrayEquals(expected, c.post2pre()[j]);
            int[] slice = c.postSlice()[j];
            assertEquals(expected.length, slice[1] - slice[0]);
            for (int k = 0; k < expected.length; k++) {
                int q = slice[0] + k;
                int syn = csc.synapses()[q];
                assertEquals(expected[k], csc.indices()[q]);
                assertEquals(syn, c.post2syn()[j][k]);
                // the synapse id found through CSC leads back to the same pair and weight
                assertEquals(expected[k], pre[syn]);
                assertEquals(j, post[syn]);
                assertEquals(10 + syn, csc.weights()[q]);
            }
        }
    }

    @Test
    void requiresNamesAsTheReferenceDoes() {
        Connectivity c = fromDense(denseMatrix(3), false);
        List<Object> got = c.requires("pre_ids", "post_ids", "pre_slice_syn", "weights");
        assertSame(c.preIds(), got.get(0));
        assertSame(c.postIds(), got.get(1));
        assertSame(c.preSlice(), got.get(2));
        assertNull(got.get(3));
        assertSame(c.pre2post(), c.requires("pre2post").get(0)); // cached, not rebuilt
        UnknownNameException e = assertThrows(UnknownNameException.class, () -> c.requires("pre2pots"));
        assertTrue(e.getMessage().contains("pre2post"), e.getMessage());
    }

    @Test
    void denseMatrixRefusedForHugePopulations() {
        Connectivity c = new Connectivity(100_000, 100_000, new int[100_001], new int[0]);
        ConnectivityTooLargeException e = assertThrows(ConnectivityTooLargeException.class, c::connMat);
        assertTrue(e.getMessage().contains("csr"), e.getMessage());
        assertEquals(100_000, c.pre2post().length);
    }

    @Test
    void invalidArraysAreRefusedWithTheirFault() {
        var e1 = assertThrows(InvalidConnectivityException.class,
                () -> new Connectivity(2, 3, new int[] {0, 1, 2}, new int[] {0, 3}));
        assertTrue(e1.getMessage().contains("post neuron 3"), e1.getMessage());
        var e2 = assertThrows(InvalidConnectivityException.class,
                () -> new Connectivity(2, 3, new int[] {0, 2, 1}, new int[] {0}));
        assertTrue(e2.getMessage().contains("indptr"), e2.getMessage());
        var e3 = assertThrows(InvalidConnectivityException.class,
                () -> new Connectivity(3, 3, new int[] {0, 1, 2}, new int[] {0, 1}));
        assertTrue(e3.getMessage().contains("row pointers"), e3.getMessage());
        var e4 = assertThrows(InvalidConnectivityException.class,
                () -> new Connectivity(1, 3, new int[] {0, 2}, new int[] {0, 1}, new double[] {1}));
        assertTrue(e4.getMessage().contains("one weight per synapse"), e4.getMessage());
    }

    @Test
    void negativeGeometryIsRefused() {
        var e = assertThrows(GeometryException.class, () -> Geometry.of(10, -3));
        assertTrue(e.getMessage().contains("-3"), e.getMessage());
        assertEquals(30, Geometry.of(5, 6).size());
        assertEquals("(5, 6)", Geometry.of(5, 6).toString());
    }
}
