package org.brainj.launcher.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.brainj.api.model.ModelTextException;
import org.brainj.api.model.PoissonRate;
import org.brainj.api.sim.Input;
import org.brainj.api.sim.NeuronGroup;
import org.brainj.api.sim.NeuronModel;
import org.brainj.api.units.PhysicalUnits;
import org.brainj.launcher.output.Npy;

/**
 * A population that generates spikes, {@code generator:} in place of a model:
 * {@code spike_generator} (Brian2's {@code SpikeGeneratorGroup}: neuron {@code indices[k]} spikes
 * at {@code times[k]}, or the rows of a {@code file}: BrainJ's own {@code spikes_P.csv} or
 * {@code .npy}, time in ms and index), {@code poisson} (Brian2's {@code PoissonGroup} with
 * {@code rates}, an expression of {@code t} with units) and NEST's
 * {@code sinusoidal_poisson_generator} ({@code rate}, {@code amplitude}, {@code frequency},
 * {@code phase} in degrees; one independent train per neuron).
 */
final class GeneratorSpec {
    /** The registered model a spike generator is made of: it spikes in the step its input is set. */
    static final String SPIKE_TIME_MODEL = "SpikeTimeGroup";
    private static final javax.measure.Unit<?> HZ = PhysicalUnits.parse("Hz");
    private static final List<String> TYPES = List.of("spike_generator", "poisson", "sinusoidal_poisson_generator");

    /** The group and, for spike times, the input that drives it. */
    record Generated(NeuronGroup group, Input input) {
    }

    private GeneratorSpec() {
    }

    static Generated read(String name, SpecNode section, Catalog catalog, Path folder) {
        SpecNode.Fields outer = section.fields("size", "generator");
        int size = outer.required("size").integer(1);
        SpecNode node = outer.required("generator");
        SpecNode typeNode = node.mapping().get("type");
        if (typeNode == null || !TYPES.contains(typeNode.text())) {
            throw (typeNode == null ? node : typeNode).error((typeNode == null ? "no type" : "unknown generator type '"
                    + typeNode.text() + "'") + "; give 'type:' one of " + String.join(", ", TYPES));
        }
        return switch (typeNode.text()) {
            case "spike_generator" -> spikes(name, size, node, catalog, folder);
            case "poisson" -> {
                SpecNode.Fields f = node.fields("type", "rates");
                SpecNode rates = f.required("rates");
                NeuronModel model;
                try {
                    model = PoissonRate.group(name, rates.text());
                } catch (ModelTextException e) {
                    throw rates.error("'" + rates.text() + "' is not a rate: " + e.problem() + "; write an expression of t"
                            + " in Hz, e.g. '10*Hz + 5*Hz*sin(2*pi*4*Hz*t)'");
                }
                yield new Generated(SpecLoader.wrap(node, () -> new NeuronGroup(name, size, model)), null);
            }
            default -> {
                SpecNode.Fields f = node.fields("type", "rate", "amplitude", "frequency", "phase");
                double rate = hz(f, "rate");
                double amplitude = hz(f, "amplitude");
                double frequency = hz(f, "frequency");
                double phase = f.has("phase") ? f.optional("phase").quantity(PhysicalUnits.ONE, "a phase in degrees") : 0;
                yield new Generated(SpecLoader.wrap(node, () -> new NeuronGroup(name, size,
                        PoissonRate.sinusoidal(name, rate, amplitude, frequency, phase))), null);
            }
        };
    }

    /** A rate or frequency in Hz, 0 when absent. */
    private static double hz(SpecNode.Fields f, String key) {
        return f.has(key) ? f.optional(key).quantity(HZ, "a rate in Hz") * 1000 : 0;
    }

    private static Generated spikes(String name, int size, SpecNode node, Catalog catalog, Path folder) {
        SpecNode.Fields f = node.fields("type", "times", "indices", "file");
        double[] times;
        int[] indices;
        if (f.has("file")) {
            for (String key : List.of("times", "indices")) {
                if (f.has(key)) {
                    throw f.optional(key).error("give either 'file' or 'times' and 'indices', not both");
                }
            }
            double[][] rows = rows(f.optional("file"), folder);
            times = rows[0];
            indices = new int[rows[1].length];
            for (int k = 0; k < indices.length; k++) {
                indices[k] = (int) rows[1][k];
                if (indices[k] != rows[1][k]) {
                    throw f.optional("file").error("row " + (k + 1) + ": index " + rows[1][k] + " is not a whole number");
                }
            }
        } else {
            times = f.required("times").sequence().stream().mapToDouble(SpecNode::time).toArray();
            SpecNode idx = f.optional("indices");
            indices = idx == null && size == 1 ? new int[times.length]
                    : f.required("indices").sequence().stream().mapToInt(i -> i.integer(0)).toArray();
            if (indices.length != times.length) {
                throw f.required("indices").error(indices.length + " indices for " + times.length
                        + " times; give one neuron index per spike time");
            }
        }
        NeuronModel model = SpecLoader.wrap(node, () -> catalog.model(SPIKE_TIME_MODEL).create(Map.of()));
        NeuronGroup group = SpecLoader.wrap(node, () -> new NeuronGroup(name, size, model));
        String input = model.inputs().iterator().next();
        return new Generated(group, SpecLoader.wrap(node, () -> Input.events(group, input, indices, times)));
    }

    /** Times (ms) and indices from a .npy of shape (n, 2) or a CSV of rows 'time, index' (a header line allowed). */
    private static double[][] rows(SpecNode file, Path folder) {
        Path path = folder.resolve(file.text());
        List<double[]> rows = new ArrayList<>();
        try {
            if (file.text().endsWith(".npy")) {
                double[] flat = Npy.read(Files.readAllBytes(path), 2);
                for (int k = 0; k < flat.length; k += 2) {
                    rows.add(new double[] {flat[k], flat[k + 1]});
                }
            } else {
                List<String> lines = Files.readAllLines(path);
                for (int k = 0; k < lines.size(); k++) {
                    String[] cells = lines.get(k).split(",");
                    if (lines.get(k).isBlank() || k == 0 && !cells[0].strip().matches("[-+0-9.eE]+")) {
                        continue;
                    }
                    try {
                        if (cells.length != 2) {
                            throw new NumberFormatException(cells.length + " columns");
                        }
                        rows.add(new double[] {Double.parseDouble(cells[0].strip()), Double.parseDouble(cells[1].strip())});
                    } catch (NumberFormatException e) {
                        throw file.error(path + ":" + (k + 1) + ": '" + lines.get(k) + "' is not 'time in ms, index';"
                                + " write one spike a line");
                    }
                }
            }
        } catch (IOException e) {
            throw file.error("cannot read " + path + " (" + e.getMessage() + "); give a .csv or .npy file relative to the spec");
        } catch (IllegalArgumentException | java.nio.BufferUnderflowException e) {
            throw file.error(path + ": " + e.getMessage());
        }
        return new double[][] {rows.stream().mapToDouble(r -> r[0]).toArray(), rows.stream().mapToDouble(r -> r[1]).toArray()};
    }
}
