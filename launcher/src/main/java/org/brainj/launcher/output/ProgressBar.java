package org.brainj.launcher.output;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.brainj.api.sim.ProgressListener;

/**
 * A progress bar on stderr: redrawn in place on a terminal, one line per tenth of the run
 * otherwise (logs, pipes). When {@code stop} says so (Ctrl-C), it ends the run by throwing
 * {@link Interrupted}; the network keeps what its monitors recorded.
 */
public final class ProgressBar implements ProgressListener {
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean terminal;
    private final BooleanSupplier stop;
    private int lastTenth = -1;

    /** The run was asked to stop. */
    public static final class Interrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Interrupted() {
            super("interrupted", null, false, false);
        }
    }

    public ProgressBar(PrintWriter err, boolean terminal, BooleanSupplier stop) {
        this.err = err;
        this.terminal = terminal;
        this.stop = stop;
    }

    @Override
    public void progress(double fraction, double elapsedSeconds) {
        if (stop.getAsBoolean()) {
            if (terminal) {
                err.println();
            }
            err.flush();
            throw new Interrupted();
        }
        String eta = fraction > 0 && fraction < 1
                ? String.format(Locale.ROOT, ", %.1f s left", elapsedSeconds * (1 - fraction) / fraction) : "";
        if (terminal) {
            int filled = (int) Math.round(fraction * WIDTH);
            err.print(String.format(Locale.ROOT, "\r[%s%s] %3.0f%% %.1f s%s   ", "#".repeat(filled), ".".repeat(WIDTH - filled),
                    fraction * 100, elapsedSeconds, eta));
            if (fraction >= 1) {
                err.println();
            }
            err.flush();
            return;
        }
        int tenth = (int) Math.floor(fraction * 10 + 1e-9);
        if (tenth != lastTenth && tenth > 0) {
            lastTenth = tenth;
            err.println(String.format(Locale.ROOT, "run %3d%% %.1f s%s", tenth * 10, elapsedSeconds, eta));
            err.flush();
        }
    }
}
