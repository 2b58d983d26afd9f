package org.brainj.connectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.brainj.api.connect.Connectivity;
import org.brainj.api.connect.GeometryException;
import org.brainj.api.connect.InvalidConnectivityException;
import org.brainj.api.spi.InvalidParameterException;
import org.junit.jupiter.api.Test;

class CustomTest {
    @Test
    void unsortedIndexPairsBecomeCsrKeepingTheirWeights() {
        Connectivity c = new IndexConn(new int[] {2, 0, 2, 1}, new int[] {1, 3, 0, 3}, new double[] {0.5, 1.5, 2.5, 3.5})
                .connect(3, 4);
        assertArrayEquals(new int[][] {{3}, {3}, {1, 0}}, c.pre2post()); // pre 2 keeps the given order
        assertArrayEquals(new double[] {1.5, 3.5, 0.5, 2.5}, c.weights().orElseThrow());
        // CSC weights: post 0 <- pre 2 (2.5), post 1 <- pre 2 (0.5), post 3 <- pre 0 (1.5), pre 1 (3.5)
        assertArrayEquals(new double[] {2.5, 0.5, 1.5, 3.5}, c.csc().weights());
    }

    @Test
    void matrixRoundTrip() {
        double[][] w = {{0, 0.2, 0}, {1.5, 0, -2}};
        Connectivity c = MatConn.of(w).connect(2, 3);
        assertArrayEquals(new int[][] {{1}, {0, 2}}, c.pre2post());
        assertArrayEquals(new double[] {0.2, 1.5, -2}, c.weights().orElseThrow());
        boolean[][] b = {{true, false, true}, {false, false, false}};
        Connectivity d = MatConn.of(b).connect(2, 3);
        assertArrayEquals(b, d.connMat());
        assertTrue(d.weights().isEmpty());
        assertThrows(GeometryException.class, () -> MatConn.of(b).connect(3, 2));
    }

    @Test
    void csrArraysAreCheckedAgainstThePopulations() {
        Connectivity c = new CSRConn(new int[] {0, 2, 3}, new int[] {0, 4, 1}).connect(2, 5);
        assertArrayEquals(new int[][] {{0}, {1}, {}, {}, {0}}, c.post2pre()); // row 0 -> {0, 4}, row 1 -> {1}
        assertThrows(GeometryException.class, () -> new CSRConn(new int[] {0, 2, 3}, new int[] {0, 4, 1}).connect(3, 5));
        assertThrows(InvalidConnectivityException.class,
                () -> new CSRConn(new int[] {0, 2, 3}, new int[] {0, 4, 1}).connect(2, 4));
    }

    @Test
    void badIndicesNameTheirArrayAndPosition() {
        var e = assertThrows(InvalidConnectivityException.class,
                () -> new IndexConn(new int[] {0, 7}, new int[] {0, 0}).connect(5, 3));
        assertTrue(e.getMessage().contains("i[1] = 7"), e.getMessage());
        var f = assertThrows(InvalidParameterException.class, () -> new IndexConn(new int[] {0, 1}, new int[] {0}));
        assertEquals("j", f.parameter());
    }
}
