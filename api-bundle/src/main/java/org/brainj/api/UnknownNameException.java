package org.brainj.api;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * A name (backend, operation, method, model, connector, variable...) that is not known. The
 * message lists the known names so the user can pick one.
 */
public class UnknownNameException extends BrainJException {
    private static final long serialVersionUID = 1L;
    private final String kind;
    private final String name;
    private final List<String> known;

    public UnknownNameException(String kind, String name, Collection<String> known) {
        this(kind, name, known, null);
    }

    /** With a hint after the list of known names, e.g. the close matches of a misspelled name (null for none). */
    public UnknownNameException(String kind, String name, Collection<String> known, String hint) {
        super(message(kind, name, known) + (hint == null ? "" : "; " + hint));
        this.kind = kind;
        this.name = name;
        this.known = List.copyOf(new TreeSet<>(known));
    }

    private static String message(String kind, String name, Collection<String> known) {
        String choices = known.isEmpty() ? "none is available" : "known: " + String.join(", ", new TreeSet<>(known));
        return "unknown " + kind + " '" + name + "'; " + choices;
    }

    public String kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public List<String> known() {
        return known;
    }
}
