package org.brainj.examples;

import org.brainj.api.sim.SpikeMonitor;

/**
 * The coherence measure of Wang and Buzsaki (1996), the reference's
 * {@code bp.measure.cross_correlation}: spike trains binned at {@code bin}, and for every pair
 * of neurons {@code sum_l X_i(l) X_j(l) / sqrt(sum_l X_i(l) sum_l X_j(l))}, averaged over the
 * pairs (pairs with a silent neuron count as 0).
 */
final class Coherence {
    private Coherence() {
    }

    static double of(SpikeMonitor spikes, int n, double dt, double duration, double bin) {
        int bins = (int) Math.ceil(duration / bin);
        boolean[][] x = new boolean[n][bins];
        double[] t = spikes.times();
        int[] idx = spikes.indices();
        for (int k = 0; k < t.length; k++) {
            x[idx[k]][Math.min(bins - 1, (int) ((t[k] - dt) / bin))] = true;
        }
        int[] count = new int[n];
        for (int i = 0; i < n; i++) {
            for (boolean b : x[i]) {
                count[i] += b ? 1 : 0;
            }
        }
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                pairs++;
                if (count[i] == 0 || count[j] == 0) {
                    continue;
                }
                int both = 0;
                for (int l = 0; l < bins; l++) {
                    both += x[i][l] && x[j][l] ? 1 : 0;
                }
                sum += both / Math.sqrt((double) count[i] * count[j]);
            }
        }
        return sum / pairs;
    }
}
