package org.brainj.api.integrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.brainj.api.random.Philox;
import org.brainj.api.random.RandomKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Strong convergence on geometric Brownian motion {@code dX = mu X dt + sigma X dW}, whose
 * solution with the same Wiener path is {@code X0 exp((mu - sigma^2/2) t + sigma W(t))} (Itô) and
 * {@code X0 exp(mu t + sigma W(t))} (Stratonovich) (Kloeden and Platen 1992, 4.4): the mean
 * absolute error at {@code T = 1} over many paths (fixed seed) against {@code dt} has the
 * method's strong order as its log-log slope (Euler-Maruyama 0.5, Milstein 1, Rößler's SRI 1.5).
 * {@code W(T)} is summed from the very increments the integrator draws (Philox, stream 0, counter
 * = step, index = path).
 */
class GeometricBrownianMotionTest {
    static final double MU = 1.5;
    static final double SIGMA = 1.0;
    static final long SEED = 20260524L;
    static final int PATHS = 1000;

    static Sdeint gbm() {
        return Sdeint.scalar(List.of("X"), (t, x, d) -> d[0] = MU * x[0], (t, x, g) -> g[0][0] = SIGMA * x[0])
                .seed(SEED);
    }

    /** W(T) of one path: the sum of the increments of steps 0 .. n-1. */
    static double wiener(int path, int stream, int steps, double dt) {
        double w = 0;
        for (int k = 0; k < steps; k++) {
            w += Math.sqrt(dt) * Philox.normal(new RandomKey(SEED, stream, k), path);
        }
        return w;
    }

    static double strongError(Sdeint sde, SdeType type, double dt) {
        int steps = (int) Math.round(1 / dt);
        double sum = 0;
        for (int p = 0; p < PATHS; p++) {
            double x = sde.element(p).integrate(new double[] {1}, 0, 1, dt).last()[0];
            double w = wiener(p, 0, steps, dt);
            double drift = type == SdeType.ITO ? MU - SIGMA * SIGMA / 2 : MU;
            sum += Math.abs(x - Math.exp(drift + SIGMA * w)); // analytic solution on the same path
        }
        return sum / PATHS;
    }

    static double strongOrder(Sdeint sde, SdeType type) {
        double[] dts = {1.0 / 16, 1.0 / 32, 1.0 / 64, 1.0 / 128};
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (double dt : dts) {
            double lx = Math.log(dt);
            double ly = Math.log(strongError(sde, type, dt));
            sx += lx;
            sy += ly;
            sxx += lx * lx;
            sxy += lx * ly;
        }
        int n = dts.length;
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }

    @ParameterizedTest
    @CsvSource({
        "euler, ITO, 0.5",
        "milstein, ITO, 1.0",
        "KlPl_scalar, ITO, 1.0",
        "srk1w1_scalar, ITO, 1.5",
        "srk2w1_scalar, ITO, 1.5",
        "milstein, STRATONOVICH, 1.0",
        "heun, STRATONOVICH, 1.0",
        "euler, STRATONOVICH, 1.0",
    })
    void strongOrderOnGeometricBrownianMotion(String method, SdeType type, double order) {
        double observed = strongOrder(gbm().type(type).method(method), type);
        assertEquals(order, observed, 0.15, method + " (" + type + ")");
    }

    /** Exponential Euler needs the equations symbolically: GBM as text, same noise, strong order 0.5. */
    @Test
    void exponentialEulerFromEquationText() {
        Sdeint sde = Sdeint.of(org.brainj.api.expr.Equations.parse("dX/dt = mu*X + sigma*X*xi : 1"),
                java.util.Map.of("mu", MU, "sigma", SIGMA)).seed(SEED).method("exponential_euler");
        assertEquals(0.5, strongOrder(sde, SdeType.ITO), 0.15);
    }

    /**
     * The same SDE read as Itô and as Stratonovich differ by the drift correction
     * {@code sigma^2/2 X}: E X(T) is {@code exp(mu T)} for Itô and {@code exp((mu + sigma^2/2) T)}
     * for Stratonovich.
     */
    @Test
    void itoAndStratonovichMeansDifferByTheDriftCorrection() {
        double mu = 0.2;
        double sigma = 0.8;
        int paths = 2000;
        double dt = 1.0 / 128;
        Sdeint sde = Sdeint.scalar(List.of("X"), (t, x, d) -> d[0] = mu * x[0], (t, x, g) -> g[0][0] = sigma * x[0])
                .seed(7);
        double ito = 0;
        double stratonovich = 0;
        for (int p = 0; p < paths; p++) {
            ito += sde.method("euler").element(p).integrate(new double[] {1}, 0, 1, dt).last()[0];
            stratonovich += sde.type(SdeType.STRATONOVICH).method("heun").element(p)
                    .integrate(new double[] {1}, 0, 1, dt).last()[0];
        }
        ito /= paths;
        stratonovich /= paths;
        // standard errors of the means: sd of X(T) / sqrt(paths), from the lognormal variance
        double seIto = Math.sqrt(Math.exp(2 * mu) * (Math.exp(sigma * sigma) - 1) / paths);
        double muS = mu + sigma * sigma / 2;
        double seStrat = Math.sqrt(Math.exp(2 * muS) * (Math.exp(sigma * sigma) - 1) / paths);
        assertEquals(Math.exp(mu), ito, 4 * seIto + 0.01, "Ito mean");
        assertEquals(Math.exp(muS), stratonovich, 4 * seStrat + 0.01, "Stratonovich mean");
        assertTrue(stratonovich - ito > 0.3, "the drift correction shows: " + ito + " vs " + stratonovich);
    }

    /**
     * Vector noise: {@code dX = mu X dt + s1 X dW1 + s2 X dW2} has commuting diffusions, so the
     * derivative-free Milstein scheme keeps strong order 1; the solution is
     * {@code exp((mu - (s1^2 + s2^2)/2) t + s1 W1 + s2 W2)}.
     */
    @ParameterizedTest
    @CsvSource({"euler, 0.5", "milstein, 1.0"})
    void vectorNoiseStrongOrder(String method, double order) {
        double s1 = 0.6;
        double s2 = 0.8;
        Sdeint sde = Sdeint.vector(List.of("X"), 2, (t, x, d) -> d[0] = MU * x[0], (t, x, g) -> {
            g[0][0] = s1 * x[0];
            g[0][1] = s2 * x[0];
        }).seed(SEED).method(method);
        double[] dts = {1.0 / 16, 1.0 / 45, 1.0 / 128};
        double[] errors = new double[dts.length];
        for (int l = 0; l < dts.length; l++) {
            int steps = (int) Math.round(1 / dts[l]);
            double sum = 0;
            for (int p = 0; p < PATHS; p++) {
                double x = sde.element(p).integrate(new double[] {1}, 0, 1, dts[l]).last()[0];
                double w1 = wiener(p, 0, steps, dts[l]);
                double w2 = wiener(p, 1, steps, dts[l]);
                sum += Math.abs(x - Math.exp(MU - (s1 * s1 + s2 * s2) / 2 + s1 * w1 + s2 * w2));
            }
            errors[l] = sum / PATHS;
        }
        double slope = Math.log(errors[0] / errors[2]) / Math.log(dts[0] / dts[2]);
        assertEquals(order, slope, 0.15, method);
    }

    @Test
    void runsAreReproducibleAndPathsDiffer() {
        Sdeint sde = gbm().method("milstein");
        double[] a = sde.element(3).integrate(new double[] {1}, 0, 1, 0.01).last();
        double[] b = sde.element(3).integrate(new double[] {1}, 0, 1, 0.01).last();
        double[] c = sde.element(4).integrate(new double[] {1}, 0, 1, 0.01).last();
        double[] d = sde.seed(SEED + 1).element(3).integrate(new double[] {1}, 0, 1, 0.01).last();
        assertEquals(a[0], b[0], 0);
        assertTrue(a[0] != c[0] && a[0] != d[0]);
    }
}
