package org.brainj.launcher.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.brainj.launcher.spec.NetworkSpec.Located;

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
    static final List<String> TYPES = List.of("raster", "lines", "rate");

    /** The keys a plot of {@code type} (one of {@link #TYPES}) takes. */
    static List<String> keys(String type) {
        return switch (type) {
            case "raster" -> List.of("type", "name", "populations", "from", "to");
            case "lines" -> List.of("type", "name", "monitor", "neurons", "from", "to");
            default -> List.of("type", "name", "populations", "bin", "from", "to");
        };
    }

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
     * The plots of the section's entries, checked against what the run monitors: spike monitors
     * by population and state monitors in the order written.
     */
    static List<Plot> build(List<NetworkSpec.PlotEntry> entries, Set<String> spikes, List<SpecRun.State> states) {
        List<Plot> plots = new ArrayList<>();
        for (NetworkSpec.PlotEntry e : entries) {
            plots.add(switch (e.type()) {
                case "raster" -> new Raster(e.name(), populations(e.populations(), spikes), e.from(), e.to());
                case "lines" -> lines(e, states);
                default -> new Rate(e.name(), populations(e.populations(), spikes), e.bin(), e.from(), e.to());
            });
        }
        return plots;
    }

    private static List<String> populations(List<Located<String>> list, Set<String> spikes) {
        List<String> names = new ArrayList<>();
        for (Located<String> p : list) {
            if (!spikes.contains(p.value())) {
                throw p.error("the spikes of '" + p.value() + "' are not monitored; plot one of " + spikes
                        + " or add it to monitors.spikes");
            }
            names.add(p.value());
        }
        return names;
    }

    /** A state monitor by its label, and the neurons among those it records, as its columns. */
    private static Lines lines(NetworkSpec.PlotEntry e, List<SpecRun.State> states) {
        Located<String> monitor = e.monitor();
        SpecRun.State state = states.stream().filter(s -> s.label().equals(monitor.value())).findFirst()
                .orElseThrow(() -> monitor.error("'" + monitor.value() + "' is not a monitored variable; plot one of "
                        + states.stream().map(SpecRun.State::label).toList() + " or add it to monitors.state"));
        int recorded = state.monitor().shape()[1];
        if (e.neurons() == null) {
            return new Lines(e.name(), state.label(), java.util.stream.IntStream.range(0, recorded).toArray(), e.from(), e.to());
        }
        int[] columns = new int[e.neurons().size()];
        for (int c = 0; c < columns.length; c++) {
            Located<Integer> neuron = e.neurons().get(c);
            columns[c] = column(state.indices(), recorded, neuron.value());
            if (columns[c] < 0) {
                throw neuron.error("neuron " + neuron.value() + " of " + state.population() + " is not recorded by the monitor "
                        + state.label() + (state.indices() == null ? " (" + recorded + " neurons)"
                        : " (it records " + java.util.Arrays.toString(state.indices()) + ")")
                        + "; plot a recorded neuron or add it to the monitor's indices");
            }
        }
        return new Lines(e.name(), state.label(), columns, e.from(), e.to());
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
