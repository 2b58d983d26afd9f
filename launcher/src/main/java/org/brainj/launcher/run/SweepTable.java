package org.brainj.launcher.run;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.brainj.api.BrainJException;
import org.brainj.launcher.output.AtomicFiles;
import org.brainj.launcher.output.Hdf5;
import org.brainj.launcher.output.Json;
import org.brainj.analysis.plot.Figure;
import org.brainj.analysis.plot.Plots;
import org.brainj.launcher.output.RunReport;
import org.brainj.launcher.spec.SpecLoader;
import org.brainj.launcher.spec.SweepSpec;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A sweep's folder: one {@code point-NNNN/} per point (the files of {@code brainj run}), the
 * table of the points ({@code points.csv}: values, seed, status, rates, measures; its numbers
 * again in {@code points.h5}, see {@link #columns()}) and
 * {@code sweep.json} (the same rows with the sweep's summary: status, points completed, kernels
 * compiled, wall time), both rewritten after every point, and per measure a plot against the swept
 * value ({@code P.measure.png}) where one value is swept. The rows in {@code sweep.json} are what a
 * resumed sweep starts from.
 */
public final class SweepTable {
    /** The file that marks a folder as a sweep's: a sweep resumes in such a folder and refuses any other that holds files. */
    public static final String MANIFEST = ".brainj-sweep";

    /** One point's line of the table. */
    public record Row(int index, String folder, int repeat, long seed, Map<String, String> values, String status,
                      String error, double wallSeconds, Map<String, Double> rates, Map<String, Double> measures)
            implements Serializable {
        private static final long serialVersionUID = 1L;

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", index);
            m.put("folder", folder);
            m.put("repeat", repeat);
            m.put("seed", seed);
            m.put("values", values);
            m.put("status", status);
            if (error != null) {
                m.put("error", error);
            }
            m.put("wall_time_s", wallSeconds);
            m.put("rates", rates);
            m.put("measures", measures);
            return m;
        }

        @SuppressWarnings("unchecked")
        static Row of(Map<String, Object> m) {
            Map<String, Double> measures = new LinkedHashMap<>();
            ((Map<String, Object>) m.get("measures")).forEach((k, v) -> measures.put(k, v == null ? Double.NaN : number(v)));
            Map<String, Double> rates = new LinkedHashMap<>();
            ((Map<String, Object>) m.get("rates")).forEach((k, v) -> rates.put(k, number(v)));
            Map<String, String> values = new LinkedHashMap<>();
            ((Map<String, Object>) m.get("values")).forEach((k, v) -> values.put(k, String.valueOf(v)));
            return new Row(((Number) m.get("index")).intValue(), (String) m.get("folder"), ((Number) m.get("repeat")).intValue(),
                    ((Number) m.get("seed")).longValue(), values, (String) m.get("status"), (String) m.get("error"),
                    number(m.get("wall_time_s")), rates, measures);
        }

        private static double number(Object v) {
            return ((Number) v).doubleValue();
        }
    }

    private final Path dir;
    private final String spec;
    private final SweepSpec sweep;
    private final Map<Integer, Row> rows = new TreeMap<>();

    private SweepTable(Path dir, String spec, SweepSpec sweep) {
        this.dir = dir;
        this.spec = spec;
        this.sweep = sweep;
    }

    /**
     * The sweep's folder, created, or reopened with the rows an earlier run of the same points
     * left (a folder of another sweep or anyone else's files is refused).
     */
    public static SweepTable open(Path dir, String spec, SweepSpec sweep) {
        SweepTable table = new SweepTable(dir, spec, sweep);
        try {
            if (Files.isDirectory(dir) && !Files.exists(dir.resolve(MANIFEST))) {
                try (var list = Files.list(dir)) {
                    if (list.findAny().isPresent()) {
                        throw new BrainJException("--out '" + dir + "' holds files no BrainJ sweep wrote; give a new or empty"
                                + " folder with --out DIR");
                    }
                }
            }
            Files.createDirectories(dir);
            AtomicFiles.write(dir.resolve(MANIFEST), "BrainJ sweep: 'brainj sweep' with the same spec resumes here\n"
                    .getBytes(StandardCharsets.UTF_8));
            Path json = dir.resolve("sweep.json");
            if (Files.exists(json)) {
                table.reopen(Files.readString(json));
            }
        } catch (IOException e) {
            throw new BrainJException("cannot write the sweep to '" + dir + "' (" + e.getMessage()
                    + "); give a writable folder with --out DIR");
        }
        return table;
    }

    @SuppressWarnings("unchecked")
    private void reopen(String text) {
        Map<String, Object> old = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        double duration = ((Number) old.get("duration_ms")).doubleValue();
        double dt = ((Number) old.get("dt_ms")).doubleValue();
        if (duration != sweep.settings().duration() || dt != sweep.settings().dt()) {
            throw new BrainJException("the sweep in '" + dir + "' ran its points for " + SpecLoader.ms(duration) + " ms at dt = "
                    + SpecLoader.ms(dt) + " ms, this one for " + SpecLoader.ms(sweep.settings().duration()) + " ms at dt = "
                    + SpecLoader.ms(sweep.settings().dt()) + " ms; give the same --duration to resume it, or another folder with --out DIR");
        }
        for (Map<String, Object> m : (List<Map<String, Object>>) old.get("rows")) {
            Row r = Row.of(m);
            SweepSpec.Point p = r.index() < sweep.points().size() ? sweep.points().get(r.index()) : null;
            if (p == null || p.seed() != r.seed() || !p.values().equals(r.values())) {
                throw new BrainJException("the sweep in '" + dir + "' ran other points (point " + r.index() + ": seed " + r.seed()
                        + ", " + r.values() + "); the spec's sweep changed: give another folder with --out DIR, or delete this one");
            }
            rows.put(r.index(), r);
        }
    }

    public Path dir() {
        return dir;
    }

    /** The row an earlier run left for point {@code index}, if it completed; else null. */
    public Row completed(int index) {
        Row r = rows.get(index);
        return r != null && r.status().equals(RunReport.COMPLETED) ? r : null;
    }

    /** Adds a point's row and rewrites the table and the summary. */
    public synchronized void put(Row row, int compilations, double wallSeconds) {
        rows.put(row.index(), row);
        write("running", compilations, wallSeconds);
    }

    /** Writes the table and the summary with the sweep's final status, and the plots. */
    public synchronized void finish(String status, int compilations, double wallSeconds) {
        if (status.equals(RunReport.COMPLETED)) {
            plots();
        }
        write(status, compilations, wallSeconds);
    }

    public List<Row> rows() {
        return List.copyOf(rows.values());
    }

    private void write(String status, int compilations, double wallSeconds) {
        AtomicFiles.write(dir.resolve("points.csv"), csv().getBytes(StandardCharsets.UTF_8));
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("spec", spec);
        s.put("status", status);
        s.put("points", sweep.points().size());
        s.put("completed", rows.values().stream().filter(r -> r.status().equals(RunReport.COMPLETED)).count());
        s.put("compilations", compilations);
        s.put("duration_ms", sweep.settings().duration());
        s.put("dt_ms", sweep.settings().dt());
        s.put("wall_time_s", wallSeconds);
        s.put("keys", sweep.keys());
        s.put("measures", sweep.measures().stream().map(SweepSpec.Measure::column).toList());
        s.put("seeds", "point k runs with seed run.seed + k unless the sweep gives run.seed");
        s.put("rows", rows.values().stream().map(Row::json).toList());
        String json = Json.write(s);
        if (!rows.isEmpty()) {
            new Hdf5().attribute("spec", spec).attribute("sweep", json).table("points", columns()).write(dir.resolve("points.h5"));
        }
        AtomicFiles.write(dir.resolve("sweep.json"), json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The table's numbers by column, for points.h5: index, repeat, seed, completed (1 or 0),
     * wall time, the swept values that are numbers, the rates and the measures (NaN where a
     * point has none).
     */
    Map<String, double[]> columns() {
        List<Row> all = List.copyOf(rows.values());
        Map<String, double[]> c = new LinkedHashMap<>();
        c.put("index", all.stream().mapToDouble(Row::index).toArray());
        c.put("repeat", all.stream().mapToDouble(Row::repeat).toArray());
        c.put("seed", all.stream().mapToDouble(Row::seed).toArray());
        c.put("completed", all.stream().mapToDouble(r -> r.status().equals(RunReport.COMPLETED) ? 1 : 0).toArray());
        c.put("wall_time_s", all.stream().mapToDouble(Row::wallSeconds).toArray());
        for (String key : sweep.keys()) {
            if (all.stream().allMatch(r -> numberOrNull(r.values().get(key)) != null)) {
                c.put(key, all.stream().mapToDouble(r -> numberOrNull(r.values().get(key))).toArray());
            }
        }
        Set<String> rateColumns = new LinkedHashSet<>();
        all.forEach(r -> rateColumns.addAll(r.rates().keySet()));
        rateColumns.forEach(k -> c.put(k, all.stream().mapToDouble(r -> r.rates().getOrDefault(k, Double.NaN)).toArray()));
        sweep.measures().forEach(m -> c.put(m.column(),
                all.stream().mapToDouble(r -> r.measures().getOrDefault(m.column(), Double.NaN)).toArray()));
        return c;
    }

    /** The table: one line per point, values as written, numbers as Java prints them. */
    String csv() {
        Set<String> rateColumns = new LinkedHashSet<>();
        rows.values().forEach(r -> rateColumns.addAll(r.rates().keySet()));
        List<String> header = new ArrayList<>(List.of("index", "folder", "repeat", "seed"));
        header.addAll(sweep.keys());
        header.addAll(List.of("status", "wall_time_s"));
        header.addAll(rateColumns);
        sweep.measures().forEach(m -> header.add(m.column()));
        StringBuilder out = new StringBuilder(String.join(",", header.stream().map(SweepTable::cell).toList())).append('\n');
        for (Row r : rows.values()) {
            List<String> cells = new ArrayList<>(List.of(Integer.toString(r.index()), r.folder(), Integer.toString(r.repeat()),
                    Long.toString(r.seed())));
            sweep.keys().forEach(k -> cells.add(r.values().get(k)));
            cells.add(r.status());
            cells.add(Double.toString(r.wallSeconds()));
            rateColumns.forEach(c -> cells.add(number(r.rates().get(c))));
            sweep.measures().forEach(m -> cells.add(number(r.measures().get(m.column()))));
            out.append(String.join(",", cells.stream().map(SweepTable::cell).toList())).append('\n');
        }
        return out.toString();
    }

    private static String number(Double d) {
        return d == null || d.isNaN() ? "" : Double.toString(d);
    }

    /** A CSV cell, quoted where it holds a comma or a quote ({@code uniform(-70, -50)}). */
    private static String cell(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /**
     * Per measure, its value against the one swept key (when one is swept and its values are
     * numbers), the mean over repeats as the line: {@code P.measure.png}.
     */
    private void plots() {
        List<String> keys = sweep.keys().stream().filter(k -> !k.equals(SweepSpec.SEED)).toList();
        if (keys.size() != 1 || sweep.measures().isEmpty()) {
            return;
        }
        String key = keys.get(0);
        Map<Double, List<Row>> byValue = new TreeMap<>();
        for (Row r : rows.values()) {
            Double x = numberOrNull(r.values().get(key));
            if (x == null) {
                return;
            }
            byValue.computeIfAbsent(x, v -> new ArrayList<>()).add(r);
        }
        double[] x = byValue.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        for (SweepSpec.Measure m : sweep.measures()) {
            double[][] y = new double[x.length][1];
            int k = 0;
            for (List<Row> same : byValue.values()) {
                y[k++][0] = same.stream().mapToDouble(r -> r.measures().getOrDefault(m.column(), Double.NaN))
                        .filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
            }
            String name = key.substring(key.lastIndexOf('.') + 1);
            Figure figure = Plots.lines(m.column() + " against " + name, name, m.name(), x, y, List.of(m.column()));
            AtomicFiles.write(dir.resolve(m.column() + ".png"), figure.png());
            AtomicFiles.write(dir.resolve(m.column() + ".svg"), figure.svg());
        }
    }

    private static Double numberOrNull(String text) {
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
