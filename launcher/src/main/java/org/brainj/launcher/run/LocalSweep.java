package org.brainj.launcher.run;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.brainj.api.sim.ProgressListener;
import org.brainj.launcher.output.ProgressBar;
import org.brainj.launcher.output.RunReport;
import org.brainj.launcher.spec.SweepSpec;

/**
 * A sweep in this JVM: the points its table has not completed, one after another on one network,
 * with one progress bar over all of them and a line per point.
 */
public final class LocalSweep {
    private LocalSweep() {
    }

    /**
     * Runs the points {@code table} has no completed row of, and finishes the table; returns the
     * sweep's status: {@code completed}, {@code interrupted} (Ctrl-C: the point in progress keeps
     * what it recorded and runs again on resume), or {@code failed} when a point failed (the
     * others still run).
     */
    public static String run(SweepSpec sweep, SweepPoints points, SweepTable table, BackendSource backends,
                             ProgressListener bar, PrintWriter out) {
        List<SweepSpec.Point> todo = todo(sweep, points, table, out);
        long start = System.nanoTime();
        String status = RunReport.COMPLETED;
        for (int k = 0; k < todo.size(); k++) {
            SweepSpec.Point p = todo.get(k);
            int done = k;
            ProgressListener overall = (fraction, elapsed) ->
                    bar.progress((done + fraction) / todo.size(), (System.nanoTime() - start) * 1e-9);
            SweepTable.Row row;
            try {
                row = points.run(p, backends, overall);
            } catch (ProgressBar.Interrupted e) {
                status = RunReport.INTERRUPTED;
                break;
            }
            table.put(row, points.compilations(), (System.nanoTime() - start) * 1e-9);
            out.println(line(row, sweep.points().size()));
            out.flush();
            if (!row.status().equals(RunReport.COMPLETED)) {
                status = RunReport.FAILED;
            }
        }
        table.finish(status, points.compilations(), (System.nanoTime() - start) * 1e-9);
        return status;
    }

    /**
     * The points still to run: those without a completed row in the table and a completed run in
     * their folder (its summary.json). Says how many an earlier run completed.
     */
    public static List<SweepSpec.Point> todo(SweepSpec sweep, SweepPoints points, SweepTable table, PrintWriter out) {
        List<SweepSpec.Point> todo = sweep.points().stream()
                .filter(p -> table.completed(p.index()) == null || !points.completed(p)).toList();
        int skipped = sweep.points().size() - todo.size();
        if (skipped > 0) {
            out.println("resuming: " + skipped + " of " + sweep.points().size() + " points completed earlier");
        }
        return todo;
    }

    /** {@code point 3/11 (g_max=0.0007, seed 4): completed; HH.cross_correlation 0.231}. */
    public static String line(SweepTable.Row r, int total) {
        String values = r.values().entrySet().stream().map(e -> e.getKey().substring(e.getKey().lastIndexOf('.') + 1)
                + "=" + e.getValue()).collect(Collectors.joining(", "));
        StringBuilder s = new StringBuilder("point ").append(r.index() + 1).append('/').append(total).append(" (").append(values)
                .append(values.isEmpty() ? "" : ", ").append("seed ").append(r.seed()).append("): ").append(r.status());
        if (r.error() != null) {
            s.append(" (").append(r.error()).append(')');
        }
        r.measures().forEach((k, v) -> s.append("; ").append(k).append(' ').append(String.format(Locale.ROOT, "%.4g", v)));
        return s.toString();
    }
}
