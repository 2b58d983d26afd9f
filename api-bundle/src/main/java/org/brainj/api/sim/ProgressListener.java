package org.brainj.api.sim;

import java.io.PrintStream;
import java.util.Locale;

/** Told how far a run has got: after every percent of its steps and at its end. */
@FunctionalInterface
public interface ProgressListener {
    /**
     * @param fraction       the part of this run's steps done, 0 to 1
     * @param elapsedSeconds wall-clock time since the run started
     */
    void progress(double fraction, double elapsedSeconds);

    /** Prints the reference's report, {@code Run 40.0% used 0.520 s.}, at every tenth of the run. */
    static ProgressListener printing(PrintStream out) {
        return new ProgressListener() {
            private int lastTenth = -1;

            @Override
            public void progress(double fraction, double elapsedSeconds) {
                if (fraction < 0.1) {
                    return;
                }
                int tenth = (int) Math.floor(fraction * 10 + 1e-9);
                if (tenth != lastTenth) {
                    lastTenth = tenth;
                    out.printf(Locale.ROOT, "Run %.1f%% used %.3f s.%n", tenth * 10.0, elapsedSeconds);
                }
                if (fraction >= 1) {
                    lastTenth = -1;
                }
            }
        };
    }
}
