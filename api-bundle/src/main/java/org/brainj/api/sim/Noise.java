package org.brainj.api.sim;

/**
 * A random input drawn on the backend at every step, one independent value per neuron, for
 * {@link Input#noise}: the reference's {@code wiener_process} and {@code ou_process} and NEST's
 * {@code noise_generator}. Times are in ms and a Wiener increment {@code dW ~ N(0, dt)} has dt in
 * ms (the reference's convention), so {@code sigma} is in the target's unit per sqrt(ms). Each is
 * 0 outside {@code [tStart, tEnd)}.
 */
public sealed interface Noise permits Noise.Wiener, Noise.OrnsteinUhlenbeck, Noise.Gaussian {
    double tStart();

    double tEnd();

    /** {@code wiener_process} scaled: {@code sigma dW} at each step. */
    record Wiener(double sigma, double tStart, double tEnd) implements Noise {
        public Wiener {
            window("wiener", tStart, tEnd);
        }
    }

    /**
     * {@code ou_process}: {@code x += (mean - x) / tau dt + sigma dW} from {@code x = mean} at
     * {@code tStart}; stationary mean {@code mean}, variance {@code sigma^2 tau / 2}.
     */
    record OrnsteinUhlenbeck(double mean, double sigma, double tau, double tStart, double tEnd) implements Noise {
        public OrnsteinUhlenbeck {
            window("ou", tStart, tEnd);
            if (!(tau > 0)) {
                throw new SimulationException("ou: tau " + tau + " ms must be > 0");
            }
        }
    }

    /**
     * NEST's {@code noise_generator}: a current constant over each interval of length {@code dt}
     * (NEST's name; a multiple of the simulation step), drawn for each neuron as
     * {@code mean + sqrt(std^2 + std_mod^2 sin(2 pi frequency t + phase)) N(0, 1)}, with {@code t}
     * the interval's start (intervals counted from time 0), frequency in Hz and phase in degrees.
     */
    record Gaussian(double mean, double std, double interval, double stdMod, double frequency, double phase, double tStart,
                    double tEnd) implements Noise {
        public Gaussian {
            window("noise_generator", tStart, tEnd);
            if (!(std >= 0) || !(stdMod >= 0) || stdMod > std) {
                throw new SimulationException("noise_generator: std " + std + " and std_mod " + stdMod
                        + " must be >= 0 with std_mod <= std (NEST's rule, so the variance stays >= 0)");
            }
            if (!(interval > 0)) {
                throw new SimulationException("noise_generator: dt " + interval + " ms must be > 0");
            }
        }

        /** The standard deviation of the interval starting at {@code t} (ms). */
        public double stdAt(double t) {
            double s = Math.sin(2 * Math.PI * frequency * t / 1000 + Math.toRadians(phase));
            // at least 0: with std_mod = std, sin's rounding near -1 must not make a NaN
            return Math.sqrt(Math.max(0, std * std + stdMod * stdMod * s));
        }
    }

    private static void window(String what, double tStart, double tEnd) {
        if (!(tStart >= 0) || !(tEnd >= tStart)) {
            throw new SimulationException(what + ": t_start " + tStart + " ms and t_end " + tEnd
                    + " ms must satisfy 0 <= t_start <= t_end");
        }
    }
}
