package org.brainj.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

/**
 * Agreement of mean rates over seeds between two simulators: chaotic networks agree in
 * distribution, not spike for spike. The means must differ by less than three standard errors
 * of their difference (Welch's, each sample with its own standard deviation).
 */
final class Agreement {
    private Agreement() {
    }

    static void means(String what, double[] ours, double[] reference) {
        double se = Math.sqrt(variance(ours) / ours.length + variance(reference) / reference.length);
        assertEquals(mean(reference), mean(ours), 3 * se, what + ": mean " + mean(ours) + " (" + Arrays.toString(ours)
                + ") vs the reference's " + mean(reference) + " (" + Arrays.toString(reference) + ")");
    }

    static double mean(double[] x) {
        return Arrays.stream(x).average().orElseThrow();
    }

    static double variance(double[] x) {
        double m = mean(x);
        return Arrays.stream(x).map(v -> (v - m) * (v - m)).sum() / (x.length - 1);
    }
}
