package org.brainj.analysis.measure;

import java.util.Arrays;
import java.util.BitSet;
import org.brainj.analysis.AnalysisException;

/**
 * The reference's {@code brainpy.measure} functions, on spike events and recorded values. Time
 * is in ms and rates in Hz, as in the reference; matrices of recorded values are
 * {@code [time][neuron]}, as a state monitor records them.
 */
public final class Measures {
    private Measures() {
    }

    /** Raster data: the neuron and time of each spike, in time order (neurons in order within a step). */
    public record Raster(int[] index, double[] time) {
    }

    /**
     * The population firing rate (Hz) at each time index, smoothed by a rectangular window of
     * {@code width} ms as the reference's {@code firing_rate}: the mean spike count per neuron
     * and step, summed over the {@code 2 int(width / 2dt) + 1} steps centred on each index
     * (zeros beyond the ends, numpy's {@code convolve(..., 'same')}), times {@code 1000 / width}.
     */
    public static double[] firingRate(Spikes spikes, double width) {
        int half = (int) (width / 2 / spikes.dt() + 1e-9);
        if (!(width > 0) || 2L * half + 1 > spikes.steps()) {
            throw new AnalysisException("firing-rate window " + width + " ms must be positive and shorter than the recording ("
                    + spikes.steps() * spikes.dt() + " ms)");
        }
        int n = Math.toIntExact(spikes.steps());
        double[] perStep = new double[n];
        for (long s : spikes.step()) {
            perStep[(int) s] += 1.0 / spikes.neurons();
        }
        double[] prefix = new double[n + 1];
        for (int t = 0; t < n; t++) {
            prefix[t + 1] = prefix[t] + perStep[t];
        }
        double[] rate = new double[n];
        for (int t = 0; t < n; t++) {
            rate[t] = (prefix[Math.min(n, t + half + 1)] - prefix[Math.max(0, t - half)]) * 1000 / width;
        }
        return rate;
    }

    /**
     * The coherence of the spike trains (Wang and Buzsaki 1996), the reference's
     * {@code cross_correlation}: time is cut into whole bins of {@code int(bin / dt)} steps;
     * {@code X_i(l)} is 1 when neuron {@code i} fired in bin {@code l}; for each pair
     * {@code kappa_ij = sum_l X_i X_j / sqrt(sum_l X_i sum_l X_j)} (0 when either never fired);
     * the result is the mean over all pairs {@code i < j}.
     */
    public static double crossCorrelation(Spikes spikes, double bin) {
        if (spikes.neurons() < 2) {
            throw new AnalysisException("cross-correlation needs two or more neurons, got " + spikes.neurons());
        }
        BitSet[] active = spikes.activeWindows(spikes.windowSteps("cross-correlation bin", bin));
        double sum = 0;
        long pairs = 0;
        for (int i = 0; i < active.length; i++) {
            for (int j = i + 1; j < active.length; j++) {
                double norm = Math.sqrt((double) active[i].cardinality() * active[j].cardinality());
                if (norm > 0) {
                    BitSet both = (BitSet) active[i].clone();
                    both.and(active[j]);
                    sum += both.cardinality() / norm;
                }
                pairs++;
            }
        }
        return sum / pairs;
    }

    /**
     * The synchrony measure of Golomb and Rinzel, the reference's {@code voltage_fluctuation}:
     * the variance in time of the population-mean potential over the mean of the neurons'
     * variances in time; 1 when no neuron varies.
     */
    public static double voltageFluctuation(double[][] potentials) {
        int times = rectangular("potentials", potentials);
        int n = potentials[0].length;
        double[] average = new double[times];
        for (int t = 0; t < times; t++) {
            average[t] = mean(potentials[t]);
        }
        double populationVariance = variance(average);
        double neuronVariance = 0;
        double[] column = new double[times];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < times; t++) {
                column[t] = potentials[t][i];
            }
            neuronVariance += variance(column) / n;
        }
        return neuronVariance == 0 ? 1 : populationVariance / neuronVariance;
    }

    /** The reference's {@code raster_plot}: where the spikes are, in time order. */
    public static Raster rasterPlot(Spikes spikes) {
        Integer[] order = new Integer[spikes.count()];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> spikes.step()[a] != spikes.step()[b] ? Long.compare(spikes.step()[a], spikes.step()[b])
                : Integer.compare(spikes.neuron()[a], spikes.neuron()[b]));
        int[] index = new int[order.length];
        double[] time = new double[order.length];
        for (int k = 0; k < order.length; k++) {
            index[k] = spikes.neuron()[order[k]];
            time[k] = spikes.step()[order[k]] * spikes.dt();
        }
        return new Raster(index, time);
    }

    /**
     * Per neuron, the coefficient of variation of its inter-spike intervals: their standard
     * deviation (population form, over n) over their mean; NaN for a neuron with fewer than two
     * intervals.
     */
    public static double[] isiCv(Spikes spikes) {
        double[] cv = new double[spikes.neurons()];
        for (int i = 0; i < cv.length; i++) {
            double[] t = spikes.timesOf(i);
            if (t.length < 3) {
                cv[i] = Double.NaN;
                continue;
            }
            double[] isi = new double[t.length - 1];
            for (int k = 0; k < isi.length; k++) {
                isi[k] = t[k + 1] - t[k];
            }
            cv[i] = Math.sqrt(variance(isi)) / mean(isi);
        }
        return cv;
    }

    /**
     * Per neuron, the Fano factor of its spike counts in whole windows of {@code window} ms:
     * their variance (over n) over their mean; NaN for a neuron that never fired.
     */
    public static double[] fanoFactor(Spikes spikes, double window) {
        int[][] counts = spikes.windowCounts(spikes.windowSteps("Fano-factor window", window));
        double[] fano = new double[spikes.neurons()];
        for (int i = 0; i < fano.length; i++) {
            double[] c = Arrays.stream(counts[i]).asDoubleStream().toArray();
            double m = mean(c);
            fano[i] = m == 0 ? Double.NaN : variance(c) / m;
        }
        return fano;
    }

    /**
     * The reference's {@code functional_connectivity}: the Pearson correlation of each pair of
     * neurons' activities over time ({@code numpy.corrcoef}), undefined entries (a neuron whose
     * activity never changes) set to 0 as {@code nan_to_num} does.
     */
    public static double[][] functionalConnectivity(double[][] activities) {
        int times = rectangular("activities", activities);
        int n = activities[0].length;
        double[][] centred = new double[n][times];
        double[] norm = new double[n];
        for (int i = 0; i < n; i++) {
            double m = 0;
            for (int t = 0; t < times; t++) {
                m += activities[t][i] / times;
            }
            for (int t = 0; t < times; t++) {
                centred[i][t] = activities[t][i] - m;
                norm[i] += centred[i][t] * centred[i][t];
            }
            norm[i] = Math.sqrt(norm[i]);
        }
        double[][] fc = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double dot = 0;
                for (int t = 0; t < times; t++) {
                    dot += centred[i][t] * centred[j][t];
                }
                double r = norm[i] == 0 || norm[j] == 0 ? 0 : dot / (norm[i] * norm[j]);
                fc[i][j] = r;
                fc[j][i] = r;
            }
        }
        return fc;
    }

    private static int rectangular(String what, double[][] m) {
        if (m.length == 0 || m[0].length == 0) {
            throw new AnalysisException("the " + what + " are empty; give a [time][neuron] matrix");
        }
        for (int t = 0; t < m.length; t++) {
            if (m[t].length != m[0].length) {
                throw new AnalysisException("row " + t + " of the " + what + " has " + m[t].length + " neurons, row 0 has "
                        + m[0].length + "; give a rectangular [time][neuron] matrix");
            }
        }
        return m.length;
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** The variance over n (numpy's default). */
    private static double variance(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return s / x.length;
    }
}
