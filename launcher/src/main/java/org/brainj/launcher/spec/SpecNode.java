package org.brainj.launcher.spec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.measure.Quantity;
import javax.measure.Unit;
import org.brainj.api.expr.Source;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One node of a spec file with the place it came from; every way of reading it that fails
 * throws a {@link SpecException} at that place, saying what was expected.
 */
public final class SpecNode {
    private final Node node;
    private final Where where;
    /** The file's lines, to find where a block's text starts (YAML strips its indentation). */
    private final List<String> lines;

    SpecNode(Node node, Where where, List<String> lines) {
        this.node = node;
        this.where = where;
        this.lines = lines;
    }

    public Where where() {
        return where;
    }

    public SpecException error(String message) {
        return new SpecException(where, message);
    }

    /** The entries of a mapping, in the order written; a key given twice is an error. */
    public Map<String, SpecNode> mapping() {
        if (!(node instanceof MappingNode m)) {
            throw error("expected a mapping (indented 'key: value' lines), found " + describe());
        }
        Map<String, SpecNode> entries = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw new SpecException(where.child("?", line(t.getKeyNode())), "a key must be a plain name");
            }
            String key = k.getValue();
            SpecNode value = new SpecNode(t.getValueNode(), where.child(key, line(k)), lines);
            if (entries.putIfAbsent(key, value) != null) {
                throw new SpecException(value.where, "key '" + key + "' is given twice (also on line "
                        + entries.get(key).where.line() + "); keep one");
            }
        }
        return entries;
    }

    /** The entries of a mapping, each key one of {@code allowed}: an unknown key is an error naming those. */
    public Fields fields(String... allowed) {
        Map<String, SpecNode> entries = mapping();
        Set<String> known = new LinkedHashSet<>(List.of(allowed));
        entries.forEach((k, v) -> {
            if (!known.contains(k)) {
                throw unknownKey(v.where, k, known);
            }
        });
        return new Fields(this, entries);
    }

    /** The error of key {@code key}, not one of {@code known}: it names the close matches first, a misspelling being likeliest. */
    static SpecException unknownKey(Where at, String key, Collection<String> known) {
        List<String> close = Catalog.closeTo(key, List.copyOf(known));
        return new SpecException(at, "unknown key '" + key + "'" + (close.isEmpty() ? "" : " (did you mean "
                + String.join(" or ", close) + "?)") + "; the keys here are " + String.join(", ", known));
    }

    /** The items of a list. */
    public List<SpecNode> sequence() {
        if (!(node instanceof SequenceNode s)) {
            throw error("expected a list ('- item' lines or [a, b]), found " + describe());
        }
        List<SpecNode> items = new ArrayList<>();
        for (int i = 0; i < s.getValue().size(); i++) {
            Node item = s.getValue().get(i);
            items.add(new SpecNode(item, new Where(where.file(), line(item), where.key() + "[" + i + "]"), lines));
        }
        return items;
    }

    public boolean isSequence() {
        return node instanceof SequenceNode;
    }

    /** Whether this is a block scalar ({@code |} or {@code >}), whose text starts on the next line. */
    public boolean isBlock() {
        return node instanceof ScalarNode s && (s.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL
                || s.getScalarStyle() == DumperOptions.ScalarStyle.FOLDED);
    }

    public boolean isMapping() {
        return node instanceof MappingNode;
    }

    /** A scalar's text. */
    public String text() {
        if (!(node instanceof ScalarNode s) || s.getTag().equals(Tag.NULL)) {
            throw error("expected a value, found " + describe());
        }
        return s.getValue().trim();
    }

    /**
     * A scalar's text with the line and column where it starts in the file, so that errors in
     * model text point there: a block ({@code |}) starts on the next line at its indentation, a
     * quoted value after its quote.
     */
    public Source source() {
        text();
        ScalarNode s = (ScalarNode) node;
        if (isBlock()) {
            int first = s.getStartMark().getLine() + 1; // 0-based index of the block's first line
            int indent = 0;
            for (int i = first; i < lines.size(); i++) {
                String l = lines.get(i);
                if (!l.isBlank()) {
                    indent = l.length() - l.stripLeading().length();
                    break;
                }
            }
            return new Source(s.getValue(), first + 1, indent + 1);
        }
        boolean quoted = s.getScalarStyle() == DumperOptions.ScalarStyle.SINGLE_QUOTED
                || s.getScalarStyle() == DumperOptions.ScalarStyle.DOUBLE_QUOTED;
        return new Source(s.getValue(), s.getStartMark().getLine() + 1, s.getStartMark().getColumn() + (quoted ? 2 : 1));
    }

    /** A name: letters, digits and underscores, not starting with a digit. */
    public String name() {
        String text = text();
        if (!text.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw error("'" + text + "' is not a name; use letters, digits and '_', starting with a letter");
        }
        return text;
    }

    public long integer() {
        return scalar().integer();
    }

    /** A whole number at least {@code min}. */
    public int integer(int min) {
        long v = integer();
        if (v < min || v > Integer.MAX_VALUE) {
            throw error(v + " is out of range; give a whole number from " + min + " to " + Integer.MAX_VALUE);
        }
        return (int) v;
    }

    public boolean bool() {
        return scalar().bool();
    }

    /** The value as the assembler takes it: a scalar with its text and source, a list of values, or not a value. */
    public SpecValue value() {
        if (node instanceof SequenceNode) {
            return new SpecValue.Listed(sequence().stream().map(SpecNode::value).toList(), where);
        }
        if (node instanceof MappingNode || ((ScalarNode) node).getTag().equals(Tag.NULL)) {
            return new SpecValue.NotAValue(describe(), where);
        }
        return new SpecValue.Scalar(text(), source(), where);
    }

    /** This scalar as a value; anything else is an error saying what was found. */
    public SpecValue.Scalar scalar() {
        text();
        return (SpecValue.Scalar) value();
    }

    /** A quantity such as {@code 20 ms}; a plain number is dimensionless. */
    public Quantity<?> quantity() {
        return scalar().quantity();
    }

    /** A quantity of the dimension of {@code unit}, as a number in the {@link org.brainj.api.units.Coherent} system. */
    public double quantity(Unit<?> unit, String what) {
        return scalar().quantity(unit, what);
    }

    /** A quantity checked to have the dimension of {@code unit}. */
    public Quantity<?> quantityOf(Unit<?> unit, String what) {
        return scalar().quantityOf(unit, what);
    }

    /** A time, in ms. */
    public double time() {
        return scalar().time();
    }

    /**
     * The value as a plain Java object, as connector parameters take it: Long, Double, Boolean,
     * String, or a List of those.
     */
    public Object plain() {
        if (node instanceof SequenceNode) {
            return sequence().stream().map(SpecNode::plain).toList();
        }
        if (node instanceof MappingNode) {
            throw error("expected a value or a list, found a mapping");
        }
        ScalarNode s = (ScalarNode) node;
        String text = text();
        if (s.getTag().equals(Tag.INT)) {
            return integer();
        }
        if (s.getTag().equals(Tag.FLOAT)) {
            try {
                return Double.parseDouble(text.replace("_", ""));
            } catch (NumberFormatException e) {
                throw error("'" + text + "' is not a number; give a finite number, e.g. 0.1");
            }
        }
        if (s.getTag().equals(Tag.BOOL)) {
            return bool();
        }
        return text;
    }

    private String describe() {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode s = (ScalarNode) node;
        return s.getTag().equals(Tag.NULL) ? "nothing" : "'" + s.getValue() + "'";
    }

    static int line(Node n) {
        return n.getStartMark().getLine() + 1;
    }

    /** The keys of one mapping, read one by one. */
    public static final class Fields {
        private final SpecNode owner;
        private final Map<String, SpecNode> entries;

        Fields(SpecNode owner, Map<String, SpecNode> entries) {
            this.owner = owner;
            this.entries = entries;
        }

        public SpecNode required(String key) {
            SpecNode v = entries.get(key);
            if (v == null) {
                throw SpecException.missing(owner.where, key);
            }
            return v;
        }

        /** The place of each key given a value. */
        public Map<String, Where> places() {
            Map<String, Where> places = new LinkedHashMap<>();
            entries.keySet().stream().filter(this::has).forEach(k -> places.put(k, entries.get(k).where));
            return places;
        }

        /** The values of a mapping under {@code key}, in the order written; empty when absent. */
        public Map<String, SpecValue> values(String key) {
            Map<String, SpecValue> values = new LinkedHashMap<>();
            if (has(key)) {
                optional(key).mapping().forEach((k, v) -> values.put(k, v.value()));
            }
            return values;
        }

        /** The value, or null when the key is absent or its value empty. */
        public SpecNode optional(String key) {
            SpecNode v = entries.get(key);
            return v == null || (v.node instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) ? null : v;
        }

        /** The value as written, even when empty; null when the key is absent. */
        public SpecNode given(String key) {
            return entries.get(key);
        }

        public boolean has(String key) {
            return optional(key) != null;
        }

        public SpecNode owner() {
            return owner;
        }
    }
}
