package org.brainj.launcher.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.brainj.api.model.InputKinds;
import org.brainj.api.model.ModelTextException;
import org.brainj.api.model.PoissonRate;
import org.brainj.api.sim.Input;
import org.brainj.api.sim.NeuronGroup;
import org.brainj.api.sim.NeuronModel;
import org.brainj.api.units.PhysicalUnits;
import org.brainj.launcher.output.Npy;
import org.brainj.launcher.spec.NetworkSpec.Located;

/**
 * A population that generates spikes, {@code generator:} in place of a model:
 * {@code spike_generator} (Brian2's {@code SpikeGeneratorGroup}: neuron {@code indices[k]} spikes
 * at {@code times[k]}, or the rows of a {@code file}: BrainJ's own {@code spikes_P.csv} or
 * {@code .npy}, time in ms and index), {@code poisson} (Brian2's {@code PoissonGroup} with
 * {@code rates}, an expression of {@code t} with units) and NEST's
 * {@code sinusoidal_poisson_generator} ({@code rate}, {@code amplitude}, {@code frequency},
 * {@code phase} in degrees; one independent train per neuron). {@link #read} is the reader's
 * part (the section to a {@link NetworkSpec.Generator}), {@link #build} the assembler's. The types
 * and their keys are {@link InputKinds}' table, which {@code brainj list} prints.
 */
final class GeneratorSpec {
    /** The registered model a spike generator is made of: it spikes in the step its input is set. */
    static final String SPIKE_TIME_MODEL = "SpikeTimeGroup";
    private static final javax.measure.Unit<?> HZ = PhysicalUnits.parse("Hz");
    private static final List<String> TYPES = InputKinds.at(InputKinds.Place.GENERATOR).stream().map(InputKinds.Kind::name).toList();

    /** What a generator makes spikes from. */
    sealed interface Source permits SpikeTimes, Rates, Sinusoidal {
    }

    /** Neuron {@code indices[k]} spikes at {@code times[k]} (ms). */
    record SpikeTimes(double[] times, int[] indices) implements Source {
    }

    /** Poisson trains at {@code rates}, an expression of t with units. */
    record Rates(Located<String> rates) implements Source {
    }

    /** NEST's sinusoidal Poisson generator; rates and frequency in events per ms, phase in degrees. */
    record Sinusoidal(double rate, double amplitude, double frequency, double phase) implements Source {
    }

    /** The group and, for spike times, the input that drives it. */
    record Generated(NeuronGroup group, Input input) {
    }

    private GeneratorSpec() {
    }

    /** The generator of population {@code name}, section {@code section}, whose files are relative to {@code folder}. */
    static NetworkSpec.Generator read(String name, SpecNode section, Path folder) {
        SpecNode.Fields outer = section.fields("size", "generator");
        int size = outer.required("size").integer(1);
        SpecNode node = outer.required("generator");
        SpecNode typeNode = node.mapping().get("type");
        if (typeNode == null || !TYPES.contains(typeNode.text())) {
            throw (typeNode == null ? node : typeNode).error((typeNode == null ? "no type" : "unknown generator type '"
                    + typeNode.text() + "'") + "; give 'type:' one of " + String.join(", ", TYPES));
        }
        Source source = switch (typeNode.text()) {
            case "spike_generator" -> spikes(size, node, folder);
            case "poisson" -> {
                SpecNode rates = fields(node, "poisson").required("rates");
                yield new Rates(new Located<>(rates.text(), rates.where()));
            }
            case "sinusoidal_poisson_generator" -> {
                SpecNode.Fields f = fields(node, "sinusoidal_poisson_generator");
                double phase = f.has("phase") ? f.optional("phase").quantity(PhysicalUnits.ONE, "a phase in degrees") : 0;
                yield new Sinusoidal(hz(f, "rate"), hz(f, "amplitude"), hz(f, "frequency"), phase);
            }
            default -> throw new IllegalStateException(typeNode.text());
        };
        return new NetworkSpec.Generator(name, node.where(), size, source);
    }

    /** The group of {@code g}, and the input of its spike times; the spike-time model from {@code catalog}. */
    static Generated build(NetworkSpec.Generator g, Catalog catalog) {
        Where at = g.where();
        if (g.source() instanceof SpikeTimes s) {
            NeuronModel model = SpecAssembler.wrap(at, () -> catalog.model(SPIKE_TIME_MODEL).create(Map.of()));
            NeuronGroup group = SpecAssembler.wrap(at, () -> new NeuronGroup(g.name(), g.size(), model));
            String input = model.inputs().iterator().next();
            return new Generated(group, SpecAssembler.wrap(at, () -> Input.events(group, input, s.indices(), s.times())));
        }
        NeuronModel model;
        if (g.source() instanceof Rates r) {
            try {
                model = PoissonRate.group(g.name(), r.rates().value());
            } catch (ModelTextException e) {
                throw r.rates().error("'" + r.rates().value() + "' is not a rate: " + e.problem() + "; write an"
                        + " expression of t in Hz, e.g. '10*Hz + 5*Hz*sin(2*pi*4*Hz*t)'");
            }
        } else {
            Sinusoidal s = (Sinusoidal) g.source();
            model = PoissonRate.sinusoidal(g.name(), s.rate(), s.amplitude(), s.frequency(), s.phase());
        }
        return new Generated(SpecAssembler.wrap(at, () -> new NeuronGroup(g.name(), g.size(), model)), null);
    }

    /** The fields of a generator of {@code kind}: its table's keys and {@code type}. */
    private static SpecNode.Fields fields(SpecNode node, String kind) {
        List<String> keys = new ArrayList<>(List.of("type"));
        keys.addAll(InputKinds.named(kind).keys());
        return node.fields(keys.toArray(String[]::new));
    }

    /** A rate or frequency in Hz, 0 when absent. */
    private static double hz(SpecNode.Fields f, String key) {
        return f.has(key) ? f.optional(key).quantity(HZ, "a rate in Hz") * 1000 : 0;
    }

    private static SpikeTimes spikes(int size, SpecNode node, Path folder) {
        SpecNode.Fields f = fields(node, "spike_generator");
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
        return new SpikeTimes(times, indices);
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
