package org.brainj.connectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.brainj.api.connect.Connectivity;
import org.junit.jupiter.api.Test;

/**
 * The worked example of reference 002, "Synaptic Connectivity" / "Customize your connections":
 * {@code IndexConn(i=[0, 1, 2], j=[0, 0, 0])} with {@code pre_size=5, post_size=3}; the expected
 * arrays are the ones printed there (cells [21] to [24]).
 */
class ReferenceExampleTest {
    private final Connectivity conn = new IndexConn(new int[] {0, 1, 2}, new int[] {0, 0, 0}).connect(5, 3);

    @Test
    void connMat() {
        // [21]: array([[1., 0., 0.], [1., 0., 0.], [1., 0., 0.], [0., 0., 0.], [0., 0., 0.]])
        boolean[][] expected = {{true, false, false}, {true, false, false}, {true, false, false},
            {false, false, false}, {false, false, false}};
        assertArrayEquals(expected, (boolean[][]) conn.requires("conn_mat").get(0));
    }

    @Test
    void pre2post() {
        // [22]: [array([0]), array([0]), array([0]), array([], dtype=int32), array([], dtype=int32)]
        assertArrayEquals(new int[][] {{0}, {0}, {0}, {}, {}}, (int[][]) conn.requires("pre2post").get(0));
    }

    @Test
    void pre2syn() {
        // [23]: [array([0]), array([1]), array([2]), array([], dtype=int32), array([], dtype=int32)]
        assertArrayEquals(new int[][] {{0}, {1}, {2}, {}, {}}, (int[][]) conn.requires("pre2syn").get(0));
    }

    @Test
    void preSlice() {
        // [24]: conn.requires('pre_slice_syn') -> array([[0, 1], [1, 2], [2, 3], [3, 3], [3, 3]])
        int[][] expected = {{0, 1}, {1, 2}, {2, 3}, {3, 3}, {3, 3}};
        assertArrayEquals(expected, (int[][]) conn.requires("pre_slice_syn").get(0));
        assertArrayEquals(expected, conn.preSlice());
    }
}
