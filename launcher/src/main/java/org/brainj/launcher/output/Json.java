package org.brainj.launcher.output;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** JSON text of maps, lists, strings, numbers, booleans and null, indented, keys in map order. */
public final class Json {
    private Json() {
    }

    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, "");
        return out.append('\n').toString();
    }

    private static void write(StringBuilder out, Object value, String indent) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            container(out, indent, '{', '}', map.entrySet().iterator(), (e, inner) -> {
                string(out, String.valueOf(e.getKey()));
                out.append(": ");
                write(out, e.getValue(), inner);
            });
        } else if (value instanceof List<?> list) {
            container(out, indent, '[', ']', list.iterator(), (item, inner) -> write(out, item, inner));
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            out.append(Double.isFinite(d) ? number(d) : "null");
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else {
            string(out, value.toString());
        }
    }

    private interface Item<T> {
        void write(T item, String indent);
    }

    private static <T> void container(StringBuilder out, String indent, char open, char close, Iterator<T> items, Item<T> each) {
        out.append(open);
        if (!items.hasNext()) {
            out.append(close);
            return;
        }
        String inner = indent + "  ";
        while (items.hasNext()) {
            out.append('\n').append(inner);
            each.write(items.next(), inner);
            if (items.hasNext()) {
                out.append(',');
            }
        }
        out.append('\n').append(indent).append(close);
    }

    /** Whole numbers without a fraction; others as Java's shortest repr, which JSON reads (1.5E-5 included). */
    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
