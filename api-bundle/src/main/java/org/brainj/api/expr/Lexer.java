package org.brainj.api.expr;

import java.util.ArrayList;
import java.util.List;

/** Splits one line of equation text into tokens with their columns. */
final class Lexer {
    enum Kind { NUMBER, IDENT, SYMBOL, END }

    record Token(Kind kind, String text, int column) {
        boolean is(String symbol) {
            return kind != Kind.NUMBER && text.equals(symbol);
        }
    }

    private static final List<String> SYMBOLS = List.of(
            "**", "<=", ">=", "==", "!=", "&&", "||", "+=", "-=", "*=", "/=",
            "+", "-", "*", "/", "^", "(", ")", ",", "<", ">", "!", "=", ":", ";");

    private Lexer() {
    }

    /**
     * @param text        the text
     * @param line        its line, for errors
     * @param firstColumn the column of {@code text}'s first character
     */
    static List<Token> tokens(String text, int line, int firstColumn) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int column = firstColumn + i;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)))) {
                int end = number(text, i);
                String digits = text.substring(i, end);
                if (Double.isInfinite(Double.parseDouble(digits))) {
                    // an overflowing literal would pass as infinity, which a reset can then hide
                    throw new EquationSyntaxException(line, column, "the number " + digits + " is beyond float64 (at most"
                            + " 1.8e308); check its exponent, or write inf where infinity is meant");
                }
                tokens.add(new Token(Kind.NUMBER, digits, column));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i + 1;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                    end++;
                }
                String word = text.substring(i, end);
                boolean literal = word.equals("inf") || word.equals("nan");
                tokens.add(new Token(literal ? Kind.NUMBER : Kind.IDENT, word, column));
                i = end;
            } else {
                String symbol = symbolAt(text, i);
                if (symbol == null) {
                    throw new EquationSyntaxException(line, column, "unexpected character '" + c + "'; remove it: equations are written"
                            + " with numbers, names, + - * / ** ^, comparisons, and, or, not and ( )");
                }
                tokens.add(new Token(Kind.SYMBOL, symbol, column));
                i += symbol.length();
            }
        }
        tokens.add(new Token(Kind.END, "end of line", firstColumn + text.length()));
        return tokens;
    }

    /** The value of a NUMBER token. */
    static double value(Token t) {
        return switch (t.text()) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "nan" -> Double.NaN;
            default -> Double.parseDouble(t.text());
        };
    }

    private static int number(String s, int i) {
        int end = digits(s, i);
        if (end < s.length() && s.charAt(end) == '.') {
            end = digits(s, end + 1);
        }
        if (end < s.length() && (s.charAt(end) == 'e' || s.charAt(end) == 'E')) {
            int exp = end + 1;
            if (exp < s.length() && (s.charAt(exp) == '+' || s.charAt(exp) == '-')) {
                exp++;
            }
            if (exp < s.length() && Character.isDigit(s.charAt(exp))) {
                end = digits(s, exp);
            }
        }
        return end;
    }

    private static int digits(String s, int i) {
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String symbolAt(String text, int i) {
        for (String s : SYMBOLS) {
            if (text.startsWith(s, i)) {
                return s;
            }
        }
        return null;
    }
}
