package org.brainj.launcher.output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.brainj.api.sim.SpikeMonitor;
import org.brainj.launcher.run.BackendSpan;
import org.brainj.launcher.spec.SpecRun;

/**
 * What a run did: how far it got, how long it took, and per population (groups and their views)
 * the spike count and mean rate over the simulated time.
 *
 * @param status      {@code completed}, {@code interrupted} or {@code failed}
 * @param error       the error that stopped a failed run, else null
 * @param simulatedMs the biological time simulated
 * @param backends    the backends the run used, in order
 * @param rates       the rate of every population whose group's spikes were monitored, in spec order: counted
 *                    once, as the summary, run.h5 and the line printed each give them
 */
public record RunReport(String spec, SpecRun run, String status, String error, long steps, double simulatedMs,
                        double wallSeconds, List<BackendSpan> backends, List<Rate> rates) {

    public static final String COMPLETED = "completed";
    public static final String INTERRUPTED = "interrupted";
    public static final String FAILED = "failed";

    /** One population's spikes. */
    public record Rate(String population, int size, long spikes, double hz) {
    }

    public static RunReport of(String spec, SpecRun run, String status, String error, double wallSeconds,
                               List<BackendSpan> backends) {
        return new RunReport(spec, run, status, error, run.network().currentStep(), run.network().time(), wallSeconds,
                List.copyOf(backends), rates(run, run.network().time()));
    }

    /** This report with the run marked failed by {@code error} (e.g. its outputs could not all be written). */
    public RunReport failed(String why) {
        String all = error == null ? why : error + "; then " + why;
        return new RunReport(spec, run, FAILED, all, steps, simulatedMs, wallSeconds, backends, rates);
    }

    private static List<Rate> rates(SpecRun run, double simulatedMs) {
        List<Rate> rates = new ArrayList<>();
        run.populations().forEach((name, p) -> {
            SpikeMonitor m = run.spikes().get(p.group().name());
            if (m == null) {
                return;
            }
            long count = 0;
            for (int i : m.indices()) {
                if (i >= p.offset() && i < p.offset() + p.size()) {
                    count++;
                }
            }
            double seconds = simulatedMs / 1000;
            rates.add(new Rate(name, p.size(), count, seconds > 0 ? count / (p.size() * seconds) : 0));
        });
        return List.copyOf(rates);
    }

    /** summary.json's content. */
    public Map<String, Object> summary(List<String> files) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("spec", spec);
        s.put("name", run.name());
        s.put("status", status);
        if (error != null) {
            s.put("error", error);
        }
        s.put("duration_ms", run.settings().duration());
        s.put("simulated_ms", simulatedMs);
        s.put("dt_ms", run.settings().dt());
        s.put("steps", steps);
        s.put("seed", run.settings().seed());
        s.put("precision", run.settings().precision().name().toLowerCase(Locale.ROOT));
        s.put("wall_time_s", wallSeconds);
        List<Map<String, Object>> spans = new ArrayList<>();
        for (BackendSpan b : backends) {
            Map<String, Object> span = new LinkedHashMap<>();
            span.put("name", b.backend());
            span.put("reason", b.reason());
            span.put("from_ms", b.fromMs());
            span.put("to_ms", b.toMs());
            span.put("wall_time_s", b.wallSeconds());
            span.put("move_time_s", b.moveSeconds());
            spans.add(span);
        }
        s.put("backends", spans);
        Map<String, Object> pops = new LinkedHashMap<>();
        for (Rate r : rates) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("size", r.size());
            p.put("spikes", r.spikes());
            p.put("mean_rate_hz", r.hz());
            pops.put(r.population(), p);
        }
        s.put("populations", pops);
        Map<String, Object> units = new LinkedHashMap<>(); // in this order in every run: Map.of's order changes from JVM to JVM
        units.put("time", "ms");
        units.put("rate", "Hz");
        units.put("spikes columns", "time (ms), neuron index");
        s.put("units", units);
        s.put("files", files);
        return s;
    }

    /** The line printed at the end of a run. */
    public String line() {
        StringBuilder out = new StringBuilder(run.name()).append(": ").append(status).append(", ")
                .append(steps).append(" steps (").append(fmt(simulatedMs)).append(" ms) in ")
                .append(String.format(Locale.ROOT, "%.2f s", wallSeconds)).append(" on ").append(backendsLine());
        if (!rates.isEmpty()) {
            out.append("; rates:");
            rates.forEach(r -> out.append(' ').append(r.population()).append(' ')
                    .append(String.format(Locale.ROOT, "%.2f Hz", r.hz())));
        }
        return out.toString();
    }

    /** {@code cpu}, or with several: {@code cpu 0-500 ms, aparapi 500-1000 ms}. */
    private String backendsLine() {
        if (backends.size() == 1) {
            return backends.get(0).backend();
        }
        return backends.stream().map(b -> b.backend() + " " + fmt(b.fromMs()) + "-" + fmt(b.toMs()) + " ms")
                .collect(Collectors.joining(", "));
    }

    private static String fmt(double ms) {
        return ms == Math.rint(ms) ? Long.toString((long) ms) : String.format(Locale.ROOT, "%.3f", ms);
    }
}
