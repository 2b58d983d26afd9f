package org.brainj.api.units;

import javax.measure.Quantity;
import javax.measure.Unit;
import tech.units.indriya.quantity.Quantities;

/**
 * Reads unit text by recursive descent:
 * <pre>
 * unit    := factor (('*' | '/') factor)*
 * factor  := primary (('**' | '^') integer)?
 * primary := name | '1' | '(' unit ')'
 * </pre>
 */
final class UnitReader {
    private final String text;
    private int at;

    UnitReader(String text) {
        this.text = text;
    }

    Unit<?> whole() {
        Unit<?> unit = unit();
        expectEnd();
        return unit;
    }

    Quantity<?> quantity() {
        skipSpace();
        int start = at;
        if (at < text.length() && (text.charAt(at) == '-' || text.charAt(at) == '+')) {
            at++;
        }
        while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.')) {
            at++;
        }
        if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')
                && at + 1 < text.length() && (Character.isDigit(text.charAt(at + 1)) || text.charAt(at + 1) == '-' || text.charAt(at + 1) == '+')) {
            at += 2;
            while (at < text.length() && Character.isDigit(text.charAt(at))) {
                at++;
            }
        }
        double value;
        try {
            value = Double.parseDouble(text.substring(start, at));
        } catch (NumberFormatException e) {
            throw new UnitFormatException(start, "expected a number at the start of quantity '" + text
                    + "', e.g. '20 ms' or '-60 mV'");
        }
        skipSpace();
        if (at == text.length()) {
            return Quantities.getQuantity(value, PhysicalUnits.ONE);
        }
        if (text.charAt(at) == '*') {
            at++;
        }
        return Quantities.getQuantity(value, whole());
    }

    private Unit<?> unit() {
        Unit<?> unit = factor();
        while (true) {
            skipSpace();
            if (peek('*') && !text.startsWith("**", at)) {
                at++;
                unit = unit.multiply(factor());
            } else if (peek('/')) {
                at++;
                unit = unit.divide(factor());
            } else {
                return unit;
            }
        }
    }

    private Unit<?> factor() {
        Unit<?> base = primary();
        skipSpace();
        if (text.startsWith("**", at) || peek('^')) {
            at += peek('^') ? 1 : 2;
            skipSpace();
            int start = at;
            if (peek('-') || peek('+')) {
                at++;
            }
            while (at < text.length() && Character.isDigit(text.charAt(at))) {
                at++;
            }
            try {
                int n = Integer.parseInt(text.substring(start, at));
                return n >= 0 ? base.pow(n) : base.pow(-n).inverse();
            } catch (NumberFormatException e) {
                throw new UnitFormatException(start, "a unit's power must be a whole number, in '" + text + "'");
            }
        }
        return base;
    }

    private Unit<?> primary() {
        skipSpace();
        int start = at;
        if (peek('(')) {
            at++;
            Unit<?> inner = unit();
            skipSpace();
            if (!peek(')')) {
                throw new UnitFormatException(at, "missing ')' in unit '" + text + "'");
            }
            at++;
            return inner;
        }
        if (peek('1') && (at + 1 == text.length() || !Character.isLetterOrDigit(text.charAt(at + 1)))) {
            at++;
            return PhysicalUnits.ONE;
        }
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_'
                || text.charAt(at) == 'µ' || text.charAt(at) == 'μ')) {
            at++;
        }
        if (start == at) {
            throw new UnitFormatException(at, "expected a unit name in '" + text + "'"
                    + (at < text.length() ? " at '" + text.charAt(at) + "'" : " before its end"));
        }
        try {
            return PhysicalUnits.named(text.substring(start, at));
        } catch (UnitFormatException e) {
            throw new UnitFormatException(start, e.getMessage());
        }
    }

    private void expectEnd() {
        skipSpace();
        if (at != text.length()) {
            throw new UnitFormatException(at, "unexpected '" + text.charAt(at) + "' in unit '" + text + "'; write a unit such"
                    + " as mV, nS, mV/ms or 1");
        }
    }

    private boolean peek(char c) {
        return at < text.length() && text.charAt(at) == c;
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }
}
