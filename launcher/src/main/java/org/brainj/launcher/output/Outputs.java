package org.brainj.launcher.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.brainj.api.BrainJException;
import org.brainj.api.sim.SpikeMonitor;
import org.brainj.api.sim.StateMonitor;
import org.brainj.launcher.spec.SpecRun;

/**
 * Writes a run's outputs into a folder: {@code summary.json}, spikes per population
 * ({@code spikes_P.csv}, {@code spikes_P.npy} with columns time in ms and neuron index),
 * each recorded variable ({@code state_P.V.npy} of shape (records, neurons) and its times
 * {@code state_P.V_t.npy} in ms, with a plot {@code state_P.V.png}), all of the data once more in
 * {@code run.h5} (HDF5, see {@link Hdf5}), and {@code raster.png}.
 */
public final class Outputs {
    private Outputs() {
    }

    /** Creates the folder and checks that files can be written in it, before a run starts. */
    public static Path prepare(Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".brainj-probe", "");
            Files.delete(probe);
            return dir;
        } catch (IOException | SecurityException e) {
            throw new BrainJException("cannot write outputs to '" + dir + "' (" + e.getMessage()
                    + "); give a writable folder with --out DIR");
        }
    }

    /**
     * Writes everything: the data first, then the summary, then the plots, after which the summary
     * is rewritten to list them too. An interrupted run (Ctrl-C: the JVM is shutting down, and
     * drawing would start services it no longer allows) gets no plots.
     */
    public static List<String> write(Path dir, RunReport report) {
        SpecRun run = report.run();
        List<String> files = new ArrayList<>();
        Map<String, double[][]> rasters = new LinkedHashMap<>();
        Map<String, Integer> sizes = new LinkedHashMap<>();
        run.spikes().forEach((name, m) -> {
            double[][] columns = {m.times(), IntStream.of(m.indices()).asDoubleStream().toArray()};
            rasters.put(name, columns);
            sizes.put(name, m.size());
            files.add(put(dir, "spikes_" + name + ".csv", csv(m).getBytes(StandardCharsets.UTF_8)));
            files.add(put(dir, "spikes_" + name + ".npy", pairs(columns)));
        });
        for (SpecRun.State s : run.states()) {
            StateMonitor m = s.monitor();
            files.add(put(dir, "state_" + s.label() + ".npy", Npy.float64(m.values(), m.shape()[1])));
            files.add(put(dir, "state_" + s.label() + "_t.npy", Npy.float64(m.times(), m.times().length)));
        }
        files.add(hdf5(dir, report));
        summary(dir, report, files);
        if (report.status().equals(RunReport.INTERRUPTED)) {
            return files;
        }
        for (SpecRun.State s : run.states()) {
            StateMonitor m = s.monitor();
            int[] shape = m.shape();
            if (shape[0] > 0) {
                String y = s.variable() + (s.unit() == null ? "" : " (" + s.unit() + ")");
                files.add(put(dir, "state_" + s.label() + ".png",
                        Plots.lines(s.label(), y, m.times(), m.values(), neurons(s.indices(), shape[1]))));
            }
        }
        if (!rasters.isEmpty()) {
            files.add(put(dir, "raster.png", Plots.raster(rasters, sizes)));
        }
        summary(dir, report, files);
        return files;
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
        listed.add("summary.json");
        AtomicFiles.write(dir.resolve("summary.json"), Json.write(report.summary(listed)).getBytes(StandardCharsets.UTF_8));
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
        for (int k = 0; k < t.length; k++) {
            // times are multiples of dt: rounding to 1e-9 ms drops the binary noise of step * dt
            out.append(Math.round(t[k] * 1e9) / 1e9).append(',').append(index[k]).append('\n');
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
