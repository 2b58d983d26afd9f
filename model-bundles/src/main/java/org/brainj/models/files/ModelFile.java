package org.brainj.models.files;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.brainj.api.expr.Source;

/**
 * One model file as written: a small text format that reads top to bottom like a NESTML file.
 * Top-level lines are {@code key: value}; a key with nothing after the colon opens a block of
 * indented lines ({@code equations}, {@code parameters}, {@code state}, or a long {@code reset}).
 * In {@code parameters} and {@code state} each line is {@code name: value unit  # meaning}.
 * {@code #} starts a comment everywhere. Why not YAML: the equations are the heart of the file and
 * must keep their own line numbers for error messages, and the bundle then needs no YAML parser
 * (a plugin bundle ships files only, read by this class).
 *
 * @param origin     the file's name as messages give it
 * @param name       the model's name, as spec files use it
 * @param aliases    other names it is registered under (e.g. NEST's or an older BrainJ name)
 * @param texts      single-line values by key ({@code reference}, {@code threshold}, {@code method}, ...)
 * @param equations  the equations block
 * @param reset      the reset, inline or as a block, or null
 * @param parameters each parameter with its value text and meaning
 * @param state      initial values of state variables
 */
public record ModelFile(String origin, String name, List<String> aliases, Map<String, Line> texts, Source equations,
                        Source reset, List<Entry> parameters, List<Entry> state) {

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
    }

    private static final Set<String> SINGLE = Set.of("name", "aliases", "reference", "description", "method", "dt",
            "threshold", "threshold_crossing", "refractory", "current", "inputs", "membrane");
    private static final Set<String> BLOCKS = Set.of("equations", "parameters", "state", "reset");

    /** Reads {@code text}; a fault is a {@link ModelFileException} naming {@code origin} and the line. */
    public static ModelFile parse(String origin, String text) {
        return new Reader(origin, text).read();
    }

    public String text(String key) {
        Line l = texts.get(key);
        return l == null ? null : l.text();
    }

    private static final class Reader {
        private final String origin;
        private final String[] lines;
        private int at;
        private final Map<String, Line> texts = new LinkedHashMap<>();
        private Source equations;
        private Source reset;
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
                if (texts.containsKey(key) || (key.equals("equations") && equations != null) || (key.equals("reset") && reset != null)) {
                    throw fault(number, "'" + key + "' is given twice; keep one");
                }
                if (value.isEmpty() && BLOCKS.contains(key)) {
                    block(key, number);
                } else if (key.equals("reset")) {
                    reset = new Source(value, number, raw.indexOf(value) + 1);
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
            return new ModelFile(origin, name.text(), also, Map.copyOf(texts), equations, reset, List.copyOf(parameters),
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
