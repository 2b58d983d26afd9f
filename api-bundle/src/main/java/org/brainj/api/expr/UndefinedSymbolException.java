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
        super(line, column, "undefined symbol '" + symbol + "'; declare it in the equations or give it as a parameter."
                + " Defined: " + String.join(", ", new TreeSet<>(defined)));
        this.symbol = symbol;
        this.defined = List.copyOf(new TreeSet<>(defined));
    }

    public String symbol() {
        return symbol;
    }

    public List<String> defined() {
        return defined;
    }
}
