package org.brainj.launcher.output;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.brainj.api.BrainJException;

/**
 * A run's data as one HDF5 file (written with jHDF, readable by h5py, MATLAB and HDFView):
 * <pre>
 * /                      attributes: the spec file, the summary as JSON, the format version
 * /spikes/P/t            float64, ms (attribute unit)    one row per spike of population P
 * /spikes/P/i            int32, the neuron within P
 * /state/P.v/values      float64 (records, neurons), in the variable's unit (attribute unit)
 * /state/P.v/t           float64, ms, the time of each record
 * /state/P.v/index       int32, the neuron of each column
 * /NAME/COLUMN           float64, one value per row of a table (a sweep's points.h5)
 * </pre>
 * Each group under /spikes and /state has an attribute {@code count} (spikes or records); with a
 * count of 0 its t, i and values are left out, as jHDF cannot write an empty array.
 * The layout follows NWB's split of spike times and unit ids and of data and timestamps, without
 * NWB's schema attributes. Text attributes are stored as UTF-8 bytes (h5py gives them as
 * {@code bytes}: {@code .decode()}). The file is written to a temporary name and moved into place, so a
 * reader never sees half a file.
 */
public final class Hdf5 {
    /** The layout's version, an attribute of the root: readers can tell what to expect. */
    public static final String FORMAT = "brainj-run-1";

    private record Spikes(double[] t, int[] i) {
    }

    private record State(String unit, double[] t, double[][] values, int[] index) {
    }

    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final Map<String, Spikes> spikes = new LinkedHashMap<>();
    private final Map<String, State> states = new LinkedHashMap<>();
    private final Map<String, Map<String, double[]>> tables = new LinkedHashMap<>();

    /** A text attribute of the root group (the spec, the summary). */
    public Hdf5 attribute(String name, String value) {
        attributes.put(name, value);
        return this;
    }

    /** The spikes of one population: times in ms and neuron indices, one per spike. */
    public Hdf5 spikes(String population, double[] t, int[] i) {
        if (t.length != i.length) {
            throw new IllegalArgumentException(population + ": " + t.length + " times for " + i.length + " indices");
        }
        spikes.put(population, new Spikes(t, i));
        return this;
    }

    /**
     * One recorded variable: {@code values[r][c]} at time {@code t[r]} (ms) of neuron
     * {@code index[c]}, in {@code unit} (null when unitless).
     */
    public Hdf5 state(String label, String unit, double[] t, double[][] values, int[] index) {
        states.put(label, new State(unit, t, values, index));
        return this;
    }

    /**
     * A table as the group {@code /name}, one float64 dataset of one value per row per column
     * (a sweep's points), with an attribute {@code count} (rows).
     */
    public Hdf5 table(String name, Map<String, double[]> columns) {
        tables.put(name, columns);
        return this;
    }

    /** Writes the file at {@code target}; returns its file name. */
    public String write(Path target) {
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try {
            try (WritableHdfFile file = HdfFile.write(partial)) {
                file.putAttribute("format", FORMAT);
                attributes.forEach(file::putAttribute);
                if (!spikes.isEmpty()) {
                    WritableGroup group = file.putGroup("spikes");
                    spikes.forEach((name, s) -> {
                        WritableGroup g = group.putGroup(name);
                        g.putAttribute("count", (long) s.t().length);
                        if (s.t().length > 0) { // jHDF 0.10 cannot write an empty array: no spikes, no datasets
                            withUnit(g.putDataset("t", s.t()), "ms");
                            g.putDataset("i", s.i());
                        }
                    });
                }
                if (!states.isEmpty()) {
                    WritableGroup group = file.putGroup("state");
                    states.forEach((label, s) -> {
                        WritableGroup g = group.putGroup(label);
                        g.putAttribute("count", (long) s.t().length);
                        if (s.t().length > 0) { // as for spikes: no records, no datasets
                            WritableDataset values = g.putDataset("values", s.values());
                            if (s.unit() != null) {
                                withUnit(values, s.unit());
                            }
                            withUnit(g.putDataset("t", s.t()), "ms");
                        }
                        g.putDataset("index", s.index());
                    });
                }
                tables.forEach((name, columns) -> {
                    WritableGroup g = file.putGroup(name);
                    long rows = columns.values().stream().findFirst().map(c -> (long) c.length).orElse(0L);
                    g.putAttribute("count", rows);
                    if (rows > 0) { // as for spikes: jHDF cannot write an empty array
                        columns.forEach(g::putDataset);
                    }
                });
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target.getFileName().toString();
        } catch (IOException | RuntimeException e) { // jHDF reports failures unchecked
            deleteQuietly(partial);
            if (e instanceof BrainJException b) {
                throw b;
            }
            throw new BrainJException("cannot write " + target + " (" + e.getMessage()
                    + "); free disk space or give another folder with --out DIR", e);
        }
    }

    private static void withUnit(WritableDataset d, String unit) {
        d.putAttribute("unit", unit);
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the write already failed; that error is the one to report
        }
    }
}
