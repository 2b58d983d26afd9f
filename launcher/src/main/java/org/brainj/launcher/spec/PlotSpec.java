package org.brainj.launcher.spec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A spec's {@code plots:} section: the pictures a run draws besides its default ones, each
 * written as {@code plot_NAME.png} and {@code plot_NAME.svg} into the output folder.
 *
 * <pre>
 * plots:
 *   - {type: raster, populations: [E, I], from: 0 ms, to: 200 ms}   # spike monitors' dots
 *   - {type: lines, monitor: E.V, neurons: [0, 3]}                   # a monitored variable over time
 *   - {type: rate, populations: [E], bin: 5 ms, name: E_rate}        # population rate per bin, in Hz
 * </pre>
 *
 * {@code from}/{@code to} (optional) cut the time axis; {@code name} (optional) names the files,
 * by default the type, numbered from the second plot of a type on ({@code raster}, {@code raster_2}).
 * What a plot shows must be monitored: the spikes of its populations ({@code monitors.spikes}), or
 * the variable ({@code monitors.state}) with the neurons it records.
 */
public final class PlotSpec {
    private static final List<String> TYPES = List.of("raster", "lines", "rate");

    /** One picture of the section. */
    public sealed interface Plot permits Raster, Lines, Rate {
        String name();

        /** The time window in ms, {@code from <= t < to}. */
        double from();

        double to();
    }

    /** The spikes of {@code populations} (monitored) as dots. */
    public record Raster(String name, List<String> populations, double from, double to) implements Plot {
    }

    /** State monitor {@code monitor} (its label, {@code P.V}) over time, columns {@code columns} of its records. */
    public record Lines(String name, String monitor, int[] columns, double from, double to) implements Plot {
    }

    /** The rate of each of {@code populations} in bins of {@code bin} ms. */
    public record Rate(String name, List<String> populations, double bin, double from, double to) implements Plot {
    }

    private PlotSpec() {
    }

    /**
     * The section's plots, checked against what the run monitors (spike monitors by population
     * and state monitors in the order written) and its duration (ms). Absent section: none.
     */
    public static List<Plot> read(SpecNode section, Set<String> spikes, List<SpecRun.State> states, double duration) {
        List<Plot> plots = new ArrayList<>();
        if (section == null) {
            return plots;
        }
        Map<String, Integer> ofType = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        for (SpecNode item : section.sequence()) {
            SpecNode typeNode = item.mapping().get("type");
            if (typeNode == null || !TYPES.contains(typeNode.text())) {
                throw (typeNode == null ? item : typeNode).error((typeNode == null ? "no type" : "unknown plot type '"
                        + typeNode.text() + "'") + "; give 'type:' one of " + String.join(", ", TYPES));
            }
            String type = typeNode.text();
            SpecNode.Fields f = switch (type) {
                case "raster" -> item.fields("type", "name", "populations", "from", "to");
                case "lines" -> item.fields("type", "name", "monitor", "neurons", "from", "to");
                default -> item.fields("type", "name", "populations", "bin", "from", "to");
            };
            int k = ofType.merge(type, 1, Integer::sum);
            String name = f.has("name") ? f.optional("name").name() : k == 1 ? type : type + "_" + k;
            if (!names.add(name)) {
                throw (f.has("name") ? f.optional("name") : item).error("a second plot named '" + name + "'; give each plot"
                        + " its own 'name:'");
            }
            double from = f.has("from") ? f.optional("from").time() : 0;
            double to = f.has("to") ? f.optional("to").time() : Double.POSITIVE_INFINITY;
            if (from < 0) {
                throw f.optional("from").error("the window starts before the run, at " + SpecLoader.ms(from) + " ms; give from >= 0");
            }
            if (from >= duration) {
                throw f.optional("from").error("the window starts at " + SpecLoader.ms(from) + " ms, when the run has ended ("
                        + SpecLoader.ms(duration) + " ms); give a from before that");
            }
            if (!(to > from)) {
                throw f.optional("to").error("the window " + SpecLoader.ms(from) + " ms to " + SpecLoader.ms(to)
                        + " ms is empty; give from < to");
            }
            plots.add(switch (type) {
                case "raster" -> new Raster(name, populations(f.required("populations"), spikes), from, to);
                case "lines" -> lines(name, f, states, from, to);
                default -> {
                    SpecNode bin = f.required("bin");
                    double width = bin.time();
                    if (!(width > 0)) {
                        throw bin.error("a bin of " + SpecLoader.ms(width) + " ms; give a positive time, e.g. bin: 5 ms");
                    }
                    yield new Rate(name, populations(f.required("populations"), spikes), width, from, to);
                }
            });
        }
        return plots;
    }

    private static List<String> populations(SpecNode list, Set<String> spikes) {
        List<String> names = new ArrayList<>();
        for (SpecNode p : list.sequence()) {
            if (!spikes.contains(p.text())) {
                throw p.error("the spikes of '" + p.text() + "' are not monitored; plot one of " + spikes
                        + " or add it to monitors.spikes");
            }
            names.add(p.text());
        }
        if (names.isEmpty()) {
            throw list.error("no populations; list at least one, e.g. populations: [E]");
        }
        return names;
    }

    /** A state monitor by its label, and the neurons among those it records, as its columns. */
    private static Lines lines(String name, SpecNode.Fields f, List<SpecRun.State> states, double from, double to) {
        SpecNode monitor = f.required("monitor");
        SpecRun.State state = states.stream().filter(s -> s.label().equals(monitor.text())).findFirst()
                .orElseThrow(() -> monitor.error("'" + monitor.text() + "' is not a monitored variable; plot one of "
                        + states.stream().map(SpecRun.State::label).toList() + " or add it to monitors.state"));
        int recorded = state.monitor().shape()[1];
        if (!f.has("neurons")) {
            return new Lines(name, state.label(), java.util.stream.IntStream.range(0, recorded).toArray(), from, to);
        }
        List<SpecNode> neurons = f.optional("neurons").sequence();
        int[] columns = new int[neurons.size()];
        for (int c = 0; c < columns.length; c++) {
            int neuron = neurons.get(c).integer(0);
            columns[c] = column(state.indices(), recorded, neuron);
            if (columns[c] < 0) {
                throw neurons.get(c).error("neuron " + neuron + " of " + state.population() + " is not recorded by the monitor "
                        + state.label() + (state.indices() == null ? " (" + recorded + " neurons)"
                        : " (it records " + java.util.Arrays.toString(state.indices()) + ")")
                        + "; plot a recorded neuron or add it to the monitor's indices");
            }
        }
        return new Lines(name, state.label(), columns, from, to);
    }

    /** The monitor's column recording {@code neuron}, or -1. */
    private static int column(int[] indices, int recorded, int neuron) {
        if (indices == null) {
            return neuron < recorded ? neuron : -1;
        }
        for (int c = 0; c < indices.length; c++) {
            if (indices[c] == neuron) {
                return c;
            }
        }
        return -1;
    }
}
