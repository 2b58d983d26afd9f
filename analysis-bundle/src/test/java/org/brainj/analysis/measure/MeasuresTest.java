package org.brainj.analysis.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.brainj.analysis.AnalysisException;
import org.junit.jupiter.api.Test;

/** Each measure on small spike trains or recordings, against the calculation written beside it. */
class MeasuresTest {
    /**
     * dt = 0.5 ms, 3 neurons, 8 time indices (0 .. 3.5 ms):
     * <pre>
     * index   0  1  2  3  4  5  6  7
     * n0      x        x        x
     * n1         x           x
     * n2               x           x
     * </pre>
     * The events are given out of time order on purpose.
     */
    static final Spikes SMALL = new Spikes(3, 8, 0.5, new long[] {3, 0, 1, 3, 5, 6, 7}, new int[] {2, 0, 1, 0, 1, 0, 2});

    @Test
    void crossCorrelationIsTheMeanCoherenceOverPairs() {
        // bin 1 ms = 2 steps: bins {0,1} {2,3} {4,5} {6,7}. n0 fires in bins {0,1,3}, n1 in {0,2}, n2 in {1,3}.
        // kappa01 = 1/sqrt(3*2), kappa02 = 2/sqrt(3*2), kappa12 = 0/sqrt(2*2) = 0; mean = 3/sqrt(6)/3 = 1/sqrt(6)
        assertEquals(1 / Math.sqrt(6), Measures.crossCorrelation(SMALL, 1.0), 1e-15);
        // bin 0.5 ms = 1 step: n0 {0,3,6}, n1 {1,5}, n2 {3,7}: kappa01 = 0, kappa02 = 1/sqrt(6), kappa12 = 0
        assertEquals(1 / Math.sqrt(6) / 3, Measures.crossCorrelation(SMALL, 0.5), 1e-15);
        // bin 2 ms = 4 steps: every neuron fires in both bins {0..3} {4..7}: every kappa = 2/sqrt(4) = 1
        assertEquals(1.0, Measures.crossCorrelation(SMALL, 2.0), 1e-15);
    }

    @Test
    void firingRateIsTheSmoothedPopulationRateInHertz() {
        // width 1 ms: 2 int(1/2/0.5) + 1 = 3 steps, times 1000/1. Mean spikes per neuron and step:
        // [1/3, 1/3, 0, 2/3, 0, 1/3, 1/3, 1/3]; window sums (zero beyond the ends):
        // [2/3, 2/3, 1, 2/3, 1, 2/3, 1, 2/3] -> times 1000 Hz
        double[] expected = {2 / 3.0, 2 / 3.0, 1, 2 / 3.0, 1, 2 / 3.0, 1, 2 / 3.0};
        for (int t = 0; t < expected.length; t++) {
            expected[t] *= 1000;
        }
        assertArrayEquals(expected, Measures.firingRate(SMALL, 1.0), 1e-9);
    }

    @Test
    void rasterPlotListsSpikesInTimeOrder() {
        Measures.Raster r = Measures.rasterPlot(SMALL);
        assertArrayEquals(new int[] {0, 1, 0, 2, 1, 0, 2}, r.index());
        assertArrayEquals(new double[] {0, 0.5, 1.5, 1.5, 2.5, 3.0, 3.5}, r.time(), 0);
        // the same from the reference's matrix form
        boolean[][] matrix = new boolean[8][3];
        matrix[0][0] = matrix[1][1] = matrix[3][0] = matrix[3][2] = matrix[5][1] = matrix[6][0] = matrix[7][2] = true;
        Measures.Raster m = Measures.rasterPlot(Spikes.fromMatrix(matrix, 0.5));
        assertArrayEquals(r.index(), m.index());
        assertArrayEquals(r.time(), m.time(), 0);
    }

    @Test
    void isiCvAndFanoFactorOfOneTrain() {
        // dt = 1 ms, 10 steps; neuron 0 fires at 0, 1, 3, 6 ms; neuron 1 only at 2 ms; neuron 2 never
        Spikes s = new Spikes(3, 10, 1.0, new long[] {0, 1, 2, 3, 6}, new int[] {0, 0, 1, 0, 0});
        // ISIs 1, 2, 3: mean 2, variance (1 + 0 + 1)/3 = 2/3, CV = sqrt(2/3)/2
        double[] cv = Measures.isiCv(s);
        assertEquals(Math.sqrt(2 / 3.0) / 2, cv[0], 1e-15);
        assertTrue(Double.isNaN(cv[1]) && Double.isNaN(cv[2]), "fewer than two intervals: no CV");
        // windows of 2 ms: counts [2, 1, 0, 1, 0], mean 0.8, variance (1.44 + 0.04 + 0.64 + 0.04 + 0.64)/5 = 0.56
        double[] fano = Measures.fanoFactor(s, 2.0);
        assertEquals(0.56 / 0.8, fano[0], 1e-12);
        // neuron 1: counts [0, 1, 0, 0, 0], mean 0.2, variance (0.04*4 + 0.64)/5 = 0.16 -> 0.8
        assertEquals(0.8, fano[1], 1e-12);
        assertTrue(Double.isNaN(fano[2]));
        // a regular train (every 2 ms, windows of 2 ms: one spike each) has Fano factor 0 and CV 0
        Spikes regular = new Spikes(1, 10, 1.0, new long[] {0, 2, 4, 6, 8}, new int[5]);
        assertEquals(0, Measures.fanoFactor(regular, 2.0)[0], 0);
        assertEquals(0, Measures.isiCv(regular)[0], 0);
    }

    @Test
    void voltageFluctuationIsPopulationOverNeuronVariance() {
        // mean potential [1, 1, 4]: variance 2; each neuron's variance 8/3: chi^2 = 2 / (8/3) = 0.75
        assertEquals(0.75, Measures.voltageFluctuation(new double[][] {{0, 2}, {2, 0}, {4, 4}}), 1e-15);
        assertEquals(1.0, Measures.voltageFluctuation(new double[][] {{0, 0}, {1, 1}, {3, 3}}), 1e-15); // in phase
        assertEquals(0.0, Measures.voltageFluctuation(new double[][] {{0, 1}, {1, 0}}), 1e-15); // anti-phase
    }

    @Test
    void functionalConnectivityIsThePearsonMatrix() {
        // n1 = 2 n0 (r = 1), n2 reversed (r = -1), n3 constant (0, as nan_to_num), n4 = [1,0,1,0]:
        // centred n0 [-1.5,-.5,.5,1.5], n4 [.5,-.5,.5,-.5]: dot -1, norms sqrt(5) and 1 -> -1/sqrt(5)
        double[][] a = {{1, 2, 4, 5, 1}, {2, 4, 3, 5, 0}, {3, 6, 2, 5, 1}, {4, 8, 1, 5, 0}};
        double[][] fc = Measures.functionalConnectivity(a);
        assertEquals(1, fc[0][1], 1e-15);
        assertEquals(-1, fc[0][2], 1e-15);
        assertEquals(0, fc[0][3], 0);
        assertEquals(0, fc[3][3], 0);
        assertEquals(1, fc[4][4], 1e-15);
        assertEquals(-1 / Math.sqrt(5), fc[0][4], 1e-15);
        assertEquals(fc[0][4], fc[4][0], 0);
    }

    @Test
    void badInputNamesTheProblem() {
        AnalysisException e = assertThrows(AnalysisException.class, () -> Measures.crossCorrelation(SMALL, 0.1));
        assertTrue(e.getMessage().contains("cross-correlation bin 0.1"), e.getMessage());
        assertThrows(AnalysisException.class, () -> new Spikes(3, 8, 0.5, new long[] {8}, new int[] {0}));
        assertThrows(AnalysisException.class, () -> Measures.voltageFluctuation(new double[][] {{1, 2}, {3}}));
    }
}
