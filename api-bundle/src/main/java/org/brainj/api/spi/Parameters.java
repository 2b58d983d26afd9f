package org.brainj.api.spi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.brainj.api.UnknownNameException;

/**
 * The values a user gave for a list of {@link ParamSpec}s, checked and typed. Unknown names and
 * missing required parameters are refused up front; a value of the wrong type is refused when
 * read. Values come as Java objects ({@link Number}, {@link Boolean}, {@link String}, arrays,
 * {@link List}s, as a spec-file reader produces them); defaults come from their spec's text.
 */
public final class Parameters {
    private final String owner;
    private final Map<String, ParamSpec> specs = new LinkedHashMap<>();
    private final Map<String, Object> given;

    private Parameters(String owner, List<ParamSpec> specs, Map<String, Object> given) {
        this.owner = owner;
        specs.forEach(s -> this.specs.put(s.name(), s));
        this.given = Map.copyOf(given);
    }

    /**
     * Checks {@code given} against {@code specs}.
     *
     * @throws UnknownNameException       for a name no spec declares (the message lists the known ones)
     * @throws InvalidParameterException  for a required parameter that is missing
     */
    public static Parameters of(String owner, List<ParamSpec> specs, Map<String, ?> given) {
        Map<String, Object> copy = new LinkedHashMap<>();
        given.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v);
            }
        });
        Parameters p = new Parameters(owner, specs, copy);
        for (String name : copy.keySet()) {
            if (!p.specs.containsKey(name)) {
                throw new UnknownNameException("parameter of " + owner, name, p.specs.keySet());
            }
        }
        for (ParamSpec s : specs) {
            if (s.isRequired() && !copy.containsKey(s.name())) {
                throw new InvalidParameterException(owner, s.name(), "(missing)",
                        "it is required: give " + s.name() + " (" + s.description() + ")");
            }
        }
        return p;
    }

    /** Whether the parameter has a value (given, or a default other than {@link ParamSpec#NONE}). */
    public boolean has(String name) {
        return raw(name) != null;
    }

    public double real(String name) {
        Object v = require(name);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw wrongType(name, v, "a number");
    }

    public int integer(String name) {
        long v = integer64(name);
        if (v != (int) v) {
            throw wrongType(name, v, "an integer within the 32-bit range");
        }
        return (int) v;
    }

    public long integer64(String name) {
        Object v = require(name);
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        throw wrongType(name, v, "an integer");
    }

    public boolean flag(String name) {
        Object v = require(name);
        if (v instanceof Boolean b) {
            return b;
        }
        throw wrongType(name, v, "true or false");
    }

    /** An optional integer such as a seed: empty when neither given nor defaulted. */
    public OptionalLong optionalInteger64(String name) {
        return has(name) ? OptionalLong.of(integer64(name)) : OptionalLong.empty();
    }

    public double[] reals(String name) {
        List<?> items = list(name);
        double[] out = new double[items.size()];
        for (int k = 0; k < out.length; k++) {
            if (!(items.get(k) instanceof Number n)) {
                throw wrongType(name, items, "a list of numbers");
            }
            out[k] = n.doubleValue();
        }
        return out;
    }

    public int[] integers(String name) {
        List<?> items = list(name);
        int[] out = new int[items.size()];
        for (int k = 0; k < out.length; k++) {
            if (!(items.get(k) instanceof Number n) || n.doubleValue() != n.intValue()) {
                throw wrongType(name, items, "a list of integers");
            }
            out[k] = n.intValue();
        }
        return out;
    }

    /** A list value; arrays of primitives and nested lists (e.g. matrices) are given as lists. */
    public List<?> list(String name) {
        Object v = require(name);
        List<?> l = asList(v);
        if (l == null) {
            throw wrongType(name, v, "a list");
        }
        return l;
    }

    /** The value as given (or its default parsed), for parameters with structured values. */
    public Object value(String name) {
        return require(name);
    }

    private static List<?> asList(Object v) {
        if (v instanceof List<?> l) {
            return l;
        }
        if (v instanceof int[] a) {
            return java.util.Arrays.stream(a).boxed().toList();
        }
        if (v instanceof long[] a) {
            return java.util.Arrays.stream(a).boxed().toList();
        }
        if (v instanceof double[] a) {
            return java.util.Arrays.stream(a).boxed().toList();
        }
        if (v instanceof Object[] a) {
            return List.of(a);
        }
        return null;
    }

    private Object require(String name) {
        Object v = raw(name);
        if (v == null) {
            throw new InvalidParameterException(owner, name, ParamSpec.NONE, "this use needs a value: give " + name);
        }
        return v;
    }

    private Object raw(String name) {
        ParamSpec spec = specs.get(name);
        if (spec == null) {
            throw new UnknownNameException("parameter of " + owner, name, specs.keySet());
        }
        Object v = given.get(name);
        if (v != null) {
            return v;
        }
        String text = spec.defaultValue();
        return text == null || text.equals(ParamSpec.NONE) ? null : parseDefault(text.trim());
    }

    /** Default texts are numbers, booleans, or bracketed lists of numbers. */
    private static Object parseDefault(String text) {
        if (text.startsWith("[") && text.endsWith("]")) {
            List<Object> items = new ArrayList<>();
            String body = text.substring(1, text.length() - 1).trim();
            if (!body.isEmpty()) {
                for (String part : body.split(",")) {
                    items.add(parseDefault(part.trim()));
                }
            }
            return items;
        }
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        try {
            return text.matches("[-+]?\\d+") ? (Object) Long.parseLong(text) : (Object) Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private InvalidParameterException wrongType(String name, Object v, String expected) {
        return new InvalidParameterException(owner, name, v, "give " + expected);
    }
}
