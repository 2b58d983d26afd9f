package org.brainj.models.files;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.measure.Quantity;
import org.brainj.api.BrainJException;
import org.brainj.api.expr.Source;
import org.brainj.api.model.ModelTextException;
import org.brainj.api.units.PhysicalUnits;
import org.brainj.api.units.UnitFormatException;

/**
 * One model file as written: a small text format that reads top to bottom like a NESTML file.
 * Top-level lines are {@code key: value}; a key with nothing after the colon opens a block of
 * indented lines ({@code equations}, {@code parameters}, {@code state}, a long {@code reset}, and
 * a synapse's {@code on_pre} and {@code on_post}). A neuron model ({@value ModelFiles#EXTENSION})
 * a synapse model ({@value ModelFiles#SYNAPSE_EXTENSION}) and a synaptic output
 * ({@value ModelFiles#OUTPUT_EXTENSION}) share the format; each refuses the keys of the others.
 * In {@code parameters} and {@code state} each line is {@code name: value unit  # meaning}.
 * {@code #} starts a comment everywhere. Why not YAML: the equations are the heart of the file and
 * must keep their own line numbers for error messages, and the bundle then needs no YAML parser
 * (a plugin bundle ships files only, read by this class).
 *
 * @param origin     the file's name as messages give it
 * @param name       the model's name, as spec files use it
 * @param aliases    other names it is registered under (e.g. NEST's or an older BrainJ name)
 * @param texts      single-line values by key ({@code reference}, {@code threshold}, {@code method},
 *                   {@code convention}: whose spike stamp and refractory count, {@code brian2} unless
 *                   {@code nest}, ...)
 * @param equations  the equations block
 * @param reset      the reset, inline or as a block, or null
 * @param onPre      a synapse's statements at a pre-synaptic spike, or null
 * @param onPost     a synapse's statements at a post-synaptic spike, or null
 * @param parameters each parameter with its value text and meaning
 * @param state      initial values of state variables (of a synapse: per-synapse variables)
 */
public record ModelFile(String origin, String name, List<String> aliases, Map<String, Line> texts, Source equations,
                        Source reset, Source onPre, Source onPost, List<Entry> parameters, List<Entry> state) {

    /** A single-line value and the line it is on. */
    public record Line(String text, int line, int column) {
        Source source() {
            return new Source(text, line, column);
        }
    }

    /** A {@code name: value  # meaning} line of a block. */
    public record Entry(String name, String value, String meaning, int line) {
        /** The number and the unit text of the value ({@code "" } for a plain number). */
        String unit() {
            String[] parts = value.trim().split("\\s+", 2);
            return parts.length == 2 ? parts[1].trim() : "";
        }

        /** The number of the value, as a listing shows the default. */
        String number() {
            return value.trim().split("\\s+", 2)[0];
        }

        /** The value as a quantity; a fault names {@code origin}, this line and the parameter. */
        Quantity<?> quantity(String origin) {
            try {
                return PhysicalUnits.quantity(value);
            } catch (UnitFormatException | IllegalArgumentException e) {
                throw new ModelFileException(origin, line, "parameter " + name + ": '" + value + "' is not a quantity ("
                        + e.getMessage() + "); give e.g. '10 ms' or a plain number", e);
            }
        }
    }

    private static final Set<String> SINGLE = Set.of("name", "aliases", "reference", "description", "method", "dt",
            "threshold", "threshold_crossing", "refractory", "current", "inputs", "membrane", "target", "convention", "conductance");
    private static final Set<String> BLOCKS = Set.of("equations", "parameters", "state", "reset", "on_pre", "on_post");
    /**
     * The keys only a neuron model has, and those only a synapse model has; {@code method} is
     * both's: a synapse's integrates its clock-driven equations, as Brian2's {@code Synapses(method=...)}.
     */
    static final Set<String> NEURON_KEYS = Set.of("dt", "threshold", "threshold_crossing", "refractory", "current",
            "inputs", "reset", "convention");
    private static final Set<String> EVENTS = Set.of("on_pre", "on_post");
    static final Set<String> SYNAPSE_KEYS = Set.of("target", "on_pre", "on_post");
    /** The keys only a synaptic output ({@value ModelFiles#OUTPUT_EXTENSION}) has. */
    static final Set<String> OUTPUT_KEYS = Set.of("conductance");

    /** Reads {@code text}; a fault is a {@link ModelFileException} naming {@code origin} and the line. */
    public static ModelFile parse(String origin, String text) {
        return new Reader(origin, text).read();
    }

    public String text(String key) {
        Line l = texts.get(key);
        return l == null ? null : l.text();
    }

    /** The line a key is given on, or 0 where the file does not give it. */
    int lineOf(String key) {
        Line l = texts.get(key);
        Source block = switch (key) {
            case "equations", "model" -> equations;
            case "reset" -> reset;
            case "on_pre" -> onPre;
            case "on_post" -> onPost;
            default -> null;
        };
        return l != null ? l.line() : block != null ? block.line() : 0;
    }

    /** Refuses the first of {@code keys} the file gives, as {@code what} (they belong to the other kind of model). */
    void refuse(Set<String> keys, String what) {
        for (String key : keys) {
            int line = lineOf(key);
            if (line > 0) {
                throw new ModelFileException(origin, line, "'" + key + "' is " + what + "; remove it", null);
            }
        }
    }

    /** The file line of a fault found compiling the text: its own line, or that of the parameter or part it names. */
    int lineOf(BrainJException e) {
        if (e instanceof ModelTextException t) {
            if (t.line() > 0) {
                return t.line();
            }
            for (Entry p : parameters) {
                if (p.name().equals(t.key())) {
                    return p.line();
                }
            }
            if (t.part() != null && lineOf(t.part()) > 0) {
                return lineOf(t.part());
            }
        }
        return equations.line();
    }

    private static final class Reader {
        private final String origin;
        private final String[] lines;
        private int at;
        private final Map<String, Line> texts = new LinkedHashMap<>();
        private Source equations;
        private Source reset;
        private final Map<String, Source> events = new LinkedHashMap<>();
        private final List<Entry> parameters = new ArrayList<>();
        private final List<Entry> state = new ArrayList<>();

        Reader(String origin, String text) {
            this.origin = origin;
            this.lines = text.split("\r?\n", -1);
        }

        ModelFile read() {
            while (at < lines.length) {
                String raw = lines[at];
                int number = ++at;
                String code = uncommented(raw);
                if (code.isBlank()) {
                    continue;
                }
                if (Character.isWhitespace(raw.charAt(0))) {
                    throw fault(number, "an indented line outside a block; indent only under 'equations:', 'parameters:',"
                            + " 'state:' or 'reset:'");
                }
                int colon = code.indexOf(':');
                if (colon < 0) {
                    throw fault(number, "expected 'key: value', e.g. 'name: LIF'");
                }
                String key = code.substring(0, colon).trim();
                String value = code.substring(colon + 1).trim();
                if (texts.containsKey(key) || (key.equals("equations") && equations != null) || (key.equals("reset") && reset != null)
                        || events.containsKey(key)) {
                    throw fault(number, "'" + key + "' is given twice; keep one");
                }
                if (value.isEmpty() && BLOCKS.contains(key)) {
                    block(key, number);
                } else if (key.equals("reset")) {
                    reset = new Source(value, number, raw.indexOf(value) + 1);
                } else if (EVENTS.contains(key)) {
                    events.put(key, new Source(value, number, raw.indexOf(value) + 1));
                } else if (SINGLE.contains(key)) {
                    if (value.isEmpty()) {
                        throw fault(number, "'" + key + "' has no value");
                    }
                    texts.put(key, new Line(value, number, raw.indexOf(value) + 1));
                } else {
                    throw fault(number, "unknown key '" + key + "'; the keys are " + new java.util.TreeSet<>(union()));
                }
            }
            Line name = texts.get("name");
            if (name == null) {
                throw fault(1, "no 'name:'; give the model's name, e.g. 'name: LIF'");
            }
            if (!name.text().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw fault(name.line(), "'" + name.text() + "' is not a name; use letters, digits and '_'");
            }
            if (equations == null) {
                throw fault(1, "no 'equations:' block");
            }
            Line aliases = texts.get("aliases");
            List<String> also = aliases == null ? List.of() : List.of(aliases.text().split("\\s*,\\s*"));
            return new ModelFile(origin, name.text(), also, Map.copyOf(texts), equations, reset,
                    events.get("on_pre"), events.get("on_post"), List.copyOf(parameters),
                    List.copyOf(state));
        }

        private static Set<String> union() {
            Set<String> all = new java.util.HashSet<>(SINGLE);
            all.addAll(BLOCKS);
            return all;
        }

        /** The indented lines after {@code key:}, up to the next line that is not indented. */
        private void block(String key, int keyLine) {
            int first = at + 1;
            int indent = -1;
            StringBuilder text = new StringBuilder();
            while (at < lines.length) {
                String raw = lines[at];
                if (!raw.isBlank() && !Character.isWhitespace(raw.charAt(0)) && !raw.startsWith("#")) {
                    break;
                }
                int number = ++at;
                if (uncommented(raw).isBlank()) {
                    text.append('\n');
                    continue;
                }
                int lead = raw.length() - raw.stripLeading().length();
                if (indent < 0) {
                    indent = lead;
                    first = number;
                    text.setLength(0);
                } else if (lead < indent) {
                    throw fault(number, "this line is indented less than the first line of '" + key + "'; indent it by "
                            + indent);
                }
                String line = raw.substring(indent);
                switch (key) {
                    case "parameters" -> parameters.add(entry(line, number));
                    case "state" -> state.add(entry(line, number));
                    default -> text.append(line).append('\n');
                }
            }
            if (indent < 0) {
                throw fault(keyLine, "'" + key + ":' has no indented lines under it");
            }
            if (key.equals("equations")) {
                equations = new Source(text.toString(), first, indent + 1);
            } else if (key.equals("reset")) {
                reset = new Source(text.toString(), first, indent + 1);
            } else if (EVENTS.contains(key)) {
                events.put(key, new Source(text.toString(), first, indent + 1));
            }
        }

        private Entry entry(String line, int number) {
            int hash = line.indexOf('#');
            String meaning = hash < 0 ? "" : line.substring(hash + 1).trim();
            String code = hash < 0 ? line : line.substring(0, hash);
            int colon = code.indexOf(':');
            if (colon < 0) {
                throw fault(number, "expected 'name: value unit  # meaning', e.g. 'tau: 10 ms  # membrane time constant'");
            }
            String name = code.substring(0, colon).trim();
            String value = code.substring(colon + 1).trim();
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*") || value.isEmpty()) {
                throw fault(number, "expected 'name: value unit  # meaning', e.g. 'tau: 10 ms  # membrane time constant'");
            }
            return new Entry(name, value, meaning, number);
        }

        private ModelFileException fault(int line, String problem) {
            return new ModelFileException(origin, line, problem, null);
        }

        private static String uncommented(String line) {
            int hash = line.indexOf('#');
            return hash < 0 ? line : line.substring(0, hash);
        }
    }
}
