package org.brainj.api.expr;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** An identifier that is neither a variable of the equations nor a given parameter. */
public class UndefinedSymbolException extends EquationException {
    private static final long serialVersionUID = 1L;
    private final String symbol;
    private final List<String> defined;

    public UndefinedSymbolException(int line, int column, String symbol, Collection<String> defined) {
        this(line, column, symbol, readable(defined));
    }

    private UndefinedSymbolException(int line, int column, String symbol, TreeSet<String> defined) {
        super(line, column, "undefined symbol '" + symbol + "'; declare it in the equations or give it as a parameter."
                + " Defined: " + String.join(", ", defined));
        this.symbol = symbol;
        this.defined = List.copyOf(defined);
    }

    /** The names a text can read: without the checker's own statements, named in parentheses ({@code (on_pre of w)}). */
    private static TreeSet<String> readable(Collection<String> defined) {
        TreeSet<String> names = new TreeSet<>(defined);
        names.removeIf(n -> n.startsWith("("));
        return names;
    }

    public String symbol() {
        return symbol;
    }

    public List<String> defined() {
        return defined;
    }
}
