package org.brainj.launcher.output;

import java.awt.AWTError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.brainj.api.BrainJException;
import org.brainj.api.sim.SpikeMonitor;
import org.brainj.api.sim.StateMonitor;
import org.brainj.analysis.measure.Spikes;
import org.brainj.analysis.plot.Figure;
import org.brainj.analysis.plot.Plots;
import org.brainj.launcher.spec.PlotSpec;
import org.brainj.launcher.spec.SpecLoader;
import org.brainj.launcher.spec.SpecRun;

/**
 * Writes a run's outputs into a folder: {@code summary.json}, spikes per population
 * ({@code spikes_P.csv}, {@code spikes_P.npy} with columns time in ms and neuron index),
 * each recorded variable ({@code state_P.V.npy} of shape (records, neurons) and its times
 * {@code state_P.V_t.npy} in ms, with a plot {@code state_P.V.png}), all of the data once more in
 * {@code run.h5} (HDF5, see {@link Hdf5}), {@code raster.png}, and the spec's {@code plots:}
 * ({@code plot_NAME.png}); each picture also as SVG beside it, drawn by the analysis bundle's
 * public plot helpers ({@link Plots}).
 */
public final class Outputs {
    private Outputs() {
    }

    /**
     * The file that marks a folder as BrainJ's outputs: a later run may empty such a folder, and
     * refuses any other that holds files, so that no file of another run or of the user's sits
     * beside this run's summary.
     */
    public static final String MANIFEST = ".brainj-outputs";

    /**
     * Disk space kept for {@code summary.json} while the other files are written at once: a disk
     * that fills under them still takes the summary that says so (about 1 KB, and 30 bytes a file).
     */
    private static final String SUMMARY = "summary.json";

    private static final int SUMMARY_SPACE = 64 * 1024;

    /**
     * Has what the pictures need loaded on a daemon thread (see {@link Plots#warmUp}), so that it
     * overlaps the platform's start and the run (one thread for a small network) instead of
     * delaying the outputs.
     */
    public static void warmUpPlots() {
        Thread warmUp = new Thread(() -> {
            try {
                Plots.warmUp();
            } catch (RuntimeException | LinkageError | AWTError e) {
                // nothing to report here: the run's own pictures meet the same failure and report it
            }
        }, "brainj-plot-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /**
     * Creates the folder, or empties one an earlier run wrote (marked by {@link #MANIFEST}, or by
     * a summary.json of a BrainJ from before the manifest), marks it, and checks that files can
     * be written in it, before a run starts.
     */
    public static Path prepare(Path dir) {
        if (dir.toString().isBlank()) {
            throw new BrainJException("--out '' is not a folder; give a folder name, e.g. --out out/run1");
        }
        try {
            if (Files.isDirectory(dir)) {
                empty(dir);
            }
            Files.createDirectories(dir);
            AtomicFiles.write(dir.resolve(MANIFEST), ("BrainJ run outputs: a new run into this folder deletes its files\n")
                    .getBytes(StandardCharsets.UTF_8));
            return dir;
        } catch (IOException | SecurityException e) {
            throw new BrainJException("cannot write outputs to '" + dir + "' (" + e.getMessage()
                    + "); give a writable folder with --out DIR");
        }
    }

    private static void empty(Path dir) throws IOException {
        List<Path> entries;
        try (var list = Files.list(dir)) {
            entries = list.toList();
        }
        if (entries.isEmpty()) {
            return;
        }
        boolean ours = Files.exists(dir.resolve(MANIFEST)) || Files.exists(dir.resolve(SUMMARY));
        Path folder = entries.stream().filter(Files::isDirectory).findFirst().orElse(null);
        if (!ours || folder != null) {
            throw new BrainJException("--out '" + dir + "' holds " + (folder != null ? "the folder '" + folder.getFileName() + "'"
                    : "'" + entries.get(0).getFileName() + "'" + (entries.size() > 1 ? " and " + (entries.size() - 1) + " more" : ""))
                    + ", which no BrainJ run wrote; give a new or empty folder with --out DIR"
                    + " (BrainJ empties only folders it wrote)");
        }
        for (Path f : entries) {
            if (!f.getFileName().toString().equals(MANIFEST)) {
                Files.delete(f);
            }
        }
    }

    /**
     * Writes everything: the data and the plots, each file or group of files as a task of its own,
     * at once (see {@link ConcurrentWrites}), and {@code summary.json} last, so that a summary is
     * the sign of a finished folder (its space is taken first, see {@link #SUMMARY_SPACE}). A file
     * that cannot be written (a full disk, a plot that fails) stops its task only; the summary then
     * says {@code failed} and what failed and lists the files that were written, and the first
     * failure, in the order the files are listed, is rethrown with the others named. An
     * interrupted run (Ctrl-C: the JVM is shutting down, and drawing would start services it no
     * longer allows) gets no plots.
     */
    public static List<String> write(Path dir, RunReport report) {
        SpecRun run = report.run();
        // a monitor reads its last records from the backend on its first read after the run: here,
        // on the run's thread; after that its reads only copy what it holds, which the tasks may do at once
        run.spikes().values().forEach(SpikeMonitor::flush);
        run.states().forEach(s -> s.monitor().flush());
        AtomicFiles.reserve(dir.resolve(SUMMARY), SUMMARY_SPACE);
        List<ConcurrentWrites.Task> plots = report.status().equals(RunReport.INTERRUPTED) ? List.of() : plots(dir, run);
        List<ConcurrentWrites.Task> data = data(dir, report);
        int last = data.size() - 1; // run.h5
        // the longest start first, so that no long one finishes alone on a core: the pictures (each costs more than
        // all the data files), then run.h5 (all of the data once more), then the other data files
        List<ConcurrentWrites.Task> tasks = new ArrayList<>(plots);
        tasks.add(data.get(last));
        tasks.addAll(data.subList(0, last));
        List<ConcurrentWrites.Result> started = ConcurrentWrites.run(tasks);
        // listed as before: the data with run.h5 last, then the pictures
        List<ConcurrentWrites.Result> results = new ArrayList<>(started.subList(plots.size() + 1, started.size()));
        results.add(started.get(plots.size()));
        results.addAll(started.subList(0, plots.size()));
        List<String> files = new ArrayList<>();
        results.forEach(r -> files.addAll(r.written()));
        List<ConcurrentWrites.Result> failed = results.stream().filter(r -> r.failure() != null).toList();
        BrainJException failure = failed.isEmpty() ? null : failure(failed);
        summary(dir, failure == null ? report : report.failed("writing the outputs: " + failure.getMessage()), files);
        if (failure != null) {
            throw failure;
        }
        return files;
    }

    /** The first failure, in the order the files are listed, naming what else could not be written. */
    private static BrainJException failure(List<ConcurrentWrites.Result> failed) {
        BrainJException first = failed.get(0).failure();
        if (failed.size() == 1) {
            return first;
        }
        List<String> others = failed.subList(1, failed.size()).stream().map(ConcurrentWrites.Result::what).toList();
        return new BrainJException(first.getMessage() + " (not written either: " + String.join(", ", others) + ")", first);
    }

    /** The data files: spikes, recorded states, and all of it once more in run.h5 (the last task). */
    private static List<ConcurrentWrites.Task> data(Path dir, RunReport report) {
        SpecRun run = report.run();
        List<ConcurrentWrites.Task> tasks = new ArrayList<>();
        run.spikes().forEach((name, m) -> tasks.add(new ConcurrentWrites.Task("the spikes of " + name, files -> {
            double[][] columns = {m.times(), IntStream.of(m.indices()).asDoubleStream().toArray()};
            files.add(put(dir, "spikes_" + name + ".csv", csv(m).getBytes(StandardCharsets.UTF_8)));
            files.add(put(dir, "spikes_" + name + ".npy", pairs(columns)));
        })));
        for (SpecRun.State s : run.states()) {
            tasks.add(new ConcurrentWrites.Task("the records of " + s.label(), files -> {
                StateMonitor m = s.monitor();
                files.add(put(dir, "state_" + s.label() + ".npy", Npy.float64(m.values(), m.shape()[1])));
                files.add(put(dir, "state_" + s.label() + "_t.npy", Npy.float64(m.times(), m.times().length)));
            }));
        }
        for (SpecRun.SynapseState s : run.synapseStates()) {
            tasks.add(new ConcurrentWrites.Task("the records of " + s.label(), files -> {
                double[][] values = s.monitor().values();
                double[] times = java.util.Arrays.stream(s.monitor().steps()).mapToDouble(k -> k * run.settings().dt()).toArray();
                int columns = values.length == 0 ? 0 : values[0].length;
                files.add(put(dir, "state_" + s.label() + ".npy", Npy.float64(values, columns)));
                files.add(put(dir, "state_" + s.label() + "_t.npy", Npy.float64(times, times.length)));
            }));
        }
        tasks.add(new ConcurrentWrites.Task("run.h5", files -> files.add(hdf5(dir, report))));
        return tasks;
    }

    /** The pictures: each recorded state, the raster of all spikes, and the spec's plots. */
    private static List<ConcurrentWrites.Task> plots(Path dir, SpecRun run) {
        List<ConcurrentWrites.Task> tasks = new ArrayList<>();
        for (SpecRun.State s : run.states()) {
            StateMonitor m = s.monitor();
            int[] shape = m.shape();
            if (shape[0] > 0) {
                tasks.add(figure(dir, "state_" + s.label(), () -> Plots.lines(s.label(), yLabel(s), m.times(), m.values(),
                        neurons(s.indices(), shape[1]))));
            }
        }
        if (!run.spikes().isEmpty()) {
            tasks.add(figure(dir, "raster", () -> Plots.raster("Spike raster", spikes(run, run.spikes().keySet()))));
        }
        for (PlotSpec.Plot p : run.plots()) {
            tasks.add(figure(dir, "plot_" + p.name(), () -> draw(run, p)));
        }
        return tasks;
    }

    private static Figure draw(SpecRun run, PlotSpec.Plot p) {
        if (p instanceof PlotSpec.Raster r) {
            return Plots.raster("Spike raster", spikes(run, r.populations()), r.from(), r.to());
        }
        if (p instanceof PlotSpec.Rate r) {
            // to the end of the run at most: no empty bin after its last step
            return Plots.rateHistogram("Population rate (bins of " + SpecLoader.ms(r.bin()) + " ms)", spikes(run, r.populations()),
                    r.bin(), r.from(), Math.min(r.to(), run.network().time()));
        }
        return lines(run, (PlotSpec.Lines) p);
    }

    /** A figure, drawn in its task, as {@code base.png} and {@code base.svg}. */
    private static ConcurrentWrites.Task figure(Path dir, String base, Supplier<Figure> draw) {
        return new ConcurrentWrites.Task("the plot " + base, files -> {
            Figure figure = draw.get();
            files.add(put(dir, base + ".png", figure.png()));
            files.add(put(dir, base + ".svg", figure.svg()));
        });
    }

    private static Map<String, Spikes> spikes(SpecRun run, java.util.Collection<String> populations) {
        Map<String, Spikes> spikes = new LinkedHashMap<>();
        for (String p : populations) {
            spikes.put(p, Spikes.of(run.spikes().get(p), run.settings().dt(), run.network().currentStep()));
        }
        return spikes;
    }

    /** A {@code lines} plot: its monitor's chosen columns at the record times in its window. */
    private static Figure lines(SpecRun run, PlotSpec.Lines l) {
        SpecRun.State s = run.states().stream().filter(st -> st.label().equals(l.monitor())).findFirst().orElseThrow();
        double[] times = s.monitor().times();
        double[][] values = s.monitor().values();
        int[] rows = IntStream.range(0, times.length).filter(r -> times[r] >= l.from() && times[r] < l.to()).toArray();
        double[][] picked = new double[rows.length][l.columns().length];
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < l.columns().length; c++) {
                picked[r][c] = values[rows[r]][l.columns()[c]];
            }
        }
        List<String> all = neurons(s.indices(), s.monitor().shape()[1]);
        return Plots.lines(s.label(), yLabel(s), IntStream.of(rows).mapToDouble(r -> times[r]).toArray(), picked,
                IntStream.of(l.columns()).mapToObj(all::get).toList());
    }

    private static String yLabel(SpecRun.State s) {
        return s.variable() + (s.unit() == null ? "" : " (" + s.unit() + ")");
    }

    /** The same data in one HDF5 file, {@code run.h5} (see {@link Hdf5}), with the spec file and summary as attributes. */
    private static String hdf5(Path dir, RunReport report) {
        Hdf5 h5 = new Hdf5().attribute("spec_file", report.spec())
                .attribute("summary", Json.write(report.summary(List.of())));
        report.run().spikes().forEach((name, m) -> h5.spikes(name, m.times(), m.indices()));
        for (SpecRun.State s : report.run().states()) {
            StateMonitor m = s.monitor();
            int[] index = s.indices() != null ? s.indices() : IntStream.range(0, m.shape()[1]).toArray();
            h5.state(s.label(), s.unit(), m.times(), m.values(), index);
        }
        return h5.write(dir.resolve("run.h5"));
    }

    private static void summary(Path dir, RunReport report, List<String> files) {
        List<String> listed = new ArrayList<>(files);
        listed.add(SUMMARY);
        AtomicFiles.write(dir.resolve(SUMMARY), Json.write(report.summary(listed)).getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> neurons(int[] picked, int columns) {
        return IntStream.range(0, columns).mapToObj(c -> "neuron " + (picked == null ? c : picked[c])).toList();
    }

    private static String put(Path dir, String name, byte[] bytes) {
        AtomicFiles.write(dir.resolve(name), bytes);
        return name;
    }

    private static String csv(SpikeMonitor m) {
        double[] t = m.times();
        int[] index = m.indices();
        StringBuilder out = new StringBuilder(16 * t.length + 16).append("t_ms,index\n");
        double last = Double.NaN;
        String time = null;
        for (int k = 0; k < t.length; k++) {
            // the spikes of a step share its time, formatted once (a double's text costs more than the rest of a line)
            if (t[k] != last) {
                last = t[k];
                // times are multiples of dt: rounding to 1e-9 ms drops the binary noise of step * dt
                time = Double.toString(Math.round(t[k] * 1e9) / 1e9);
            }
            out.append(time).append(',').append(index[k]).append('\n');
        }
        return out.toString();
    }

    /** Two columns as an (n, 2) array. */
    private static byte[] pairs(double[][] columns) {
        int n = columns[0].length;
        double[] flat = new double[2 * n];
        for (int k = 0; k < n; k++) {
            flat[2 * k] = columns[0][k];
            flat[2 * k + 1] = columns[1][k];
        }
        return Npy.float64(flat, n, 2);
    }
}
