package org.brainj.analysis.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The one decimation of line plots (launcher and analysis alike). */
class DecimateTest {
    @Test
    void decimationKeepsEachBucketsExtremesInTimeOrder() {
        int n = 4 * Plots.MAX_POINTS; // buckets of 8 samples
        double[] t = new double[n];
        double[][] v = new double[n][1];
        for (int r = 0; r < n; r++) {
            t[r] = r;
            v[r][0] = r % 8 == 5 ? 100 : r % 8 == 2 ? -100 : 0; // a spike and a trough in every bucket
        }
        double[][] xy = Plots.decimate(t, v, 0);
        assertEquals(Plots.MAX_POINTS, xy[0].length);
        // bucket 0 holds samples 0..7: the trough at 2 comes before the peak at 5
        assertArrayEquals(new double[] {2, 5, 10, 13}, java.util.Arrays.copyOf(xy[0], 4));
        assertArrayEquals(new double[] {-100, 100, -100, 100}, java.util.Arrays.copyOf(xy[1], 4));
    }

    @Test
    void shortSeriesAreDrawnWhole() {
        double[][] xy = Plots.decimate(new double[] {0, 1, 2}, new double[][] {{3, 1}, {4, 1}, {5, 9}}, 1);
        assertArrayEquals(new double[] {0, 1, 2}, xy[0]);
        assertArrayEquals(new double[] {1, 1, 9}, xy[1]);
    }
}
