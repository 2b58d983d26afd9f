package org.brainj.connectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.brainj.api.connect.Connectivity;
import org.brainj.api.connect.Connector;
import org.brainj.api.connect.GeometryException;
import org.junit.jupiter.api.Test;

class RegularTest {
    /** A neighbour rule as a predicate on (row, column) offsets, written independently of the stencils. */
    interface Near {
        boolean test(int dr, int dc);
    }

    /** The dense matrix the rule describes, built cell by cell in the test, against the connector's. */
    private static void assertGrid(Connector rule, int h, int w, boolean periodic, Near near) {
        boolean[][] m = rule.connect(new int[] {h, w}, new int[] {h, w}).connMat();
        for (int i = 0; i < h * w; i++) {
            for (int j = 0; j < h * w; j++) {
                int dr = j / w - i / w;
                int dc = j % w - i % w;
                if (periodic) {
                    dr = Math.min(Math.floorMod(dr, h), h - Math.floorMod(dr, h));
                    dc = Math.min(Math.floorMod(dc, w), w - Math.floorMod(dc, w));
                }
                assertEquals(near.test(Math.abs(dr), Math.abs(dc)), m[i][j], rule + " pair " + i + " -> " + j);
            }
        }
    }

    @Test
    void gridsConnectTheirNeighbourhoods() {
        assertGrid(new GridFour(), 5, 7, false, (dr, dc) -> dr + dc == 1);
        assertGrid(new GridFour(true, false), 5, 7, false, (dr, dc) -> dr + dc <= 1);
        assertGrid(new GridEight(), 5, 7, false, (dr, dc) -> Math.max(dr, dc) == 1);
        assertGrid(new GridN(2), 6, 7, false, (dr, dc) -> Math.max(dr, dc) >= 1 && Math.max(dr, dc) <= 2);
        assertGrid(new GridN(2, true, false), 6, 7, false, (dr, dc) -> Math.max(dr, dc) <= 2);
        assertGrid(new GridFour(false, true), 5, 7, true, (dr, dc) -> dr + dc == 1);
        assertGrid(new GridEight(false, true), 5, 6, true, (dr, dc) -> Math.max(dr, dc) == 1);
    }

    @Test
    void gridOnASmallTorusCountsEachNeighbourOnce() {
        // On a 2 x 2 torus the up and down neighbours of a cell are the same cell.
        Connectivity c = new GridFour(false, true).connect(new int[] {2, 2}, new int[] {2, 2});
        assertArrayEquals(new int[] {1, 2}, c.pre2post()[0]);
        assertEquals(8, c.numSynapses());
    }

    @Test
    void gridOnALineIsOneRow() {
        Connectivity c = new GridFour().connect(5, 5);
        assertArrayEquals(new int[][] {{1}, {0, 2}, {1, 3}, {2, 4}, {3}}, c.pre2post());
    }

    @Test
    void one2OneAndAll2All() {
        assertArrayEquals(new int[][] {{0}, {1}, {2}}, new One2One().connect(3, 3).pre2post());
        Connectivity all = new All2All(false).connect(3, 4);
        assertArrayEquals(new int[][] {{1, 2, 3}, {0, 2, 3}, {0, 1, 3}}, all.pre2post());
        assertEquals(12, new All2All().connect(3, 4).numSynapses());
    }

    @Test
    void one2OneBetweenUnequalSizesIsRefused() {
        var e = assertThrows(GeometryException.class, () -> new One2One().connect(10, 12));
        assertTrue(e.getMessage().contains("10") && e.getMessage().contains("12")
                && e.getMessage().contains("equal size"), e.getMessage());
    }

    @Test
    void gridsNeedMatchingSheets() {
        var e = assertThrows(GeometryException.class, () -> new GridEight().connect(new int[] {4, 4}, new int[] {4, 5}));
        assertTrue(e.getMessage().contains("(4, 5)"), e.getMessage());
        assertThrows(GeometryException.class, () -> new GridFour().connect(new int[] {2, 2, 2}, new int[] {2, 2, 2}));
        assertThrows(GeometryException.class, () -> new All2All().connect(-1, 3));
    }

    @Test
    void moreSynapsesThanInt32IdsIsRefusedBeforeAllocating() {
        var e = assertThrows(org.brainj.api.connect.ConnectivityTooLargeException.class,
                () -> new All2All().connect(50_000, 50_000));
        assertTrue(e.getMessage().contains("2500000000"), e.getMessage());
    }
}
