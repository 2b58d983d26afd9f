package org.brainj.api.units;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.measure.IncommensurableException;
import javax.measure.MetricPrefix;
import javax.measure.Quantity;
import javax.measure.Unit;
import javax.measure.UnconvertibleException;
import tech.units.indriya.AbstractUnit;
import tech.units.indriya.quantity.Quantities;
import tech.units.indriya.unit.Units;

/**
 * Brian2's unit vocabulary on Indriya. A name is a base unit ({@code volt}, {@code V},
 * {@code siemens}, {@code S}, {@code metre}, {@code m}, {@code molar}, {@code M}, ...), a metric
 * prefix before one ({@code mV}, {@code nsiemens}, {@code Mohm}, {@code um}, {@code kHz}), or
 * either with a trailing 2 or 3 for its square or cube ({@code cm2}, {@code umetre3}). Unit text
 * combines names with {@code * / ** ^} and parentheses; {@code 1} is dimensionless.
 */
public final class PhysicalUnits {
    /** The unit of dimensionless numbers. */
    public static final Unit<?> ONE = AbstractUnit.ONE;
    /** The unit of time, which {@code d/dt} divides by. */
    public static final Unit<?> SECOND = Units.SECOND;

    /**
     * Full names, which in equation text also take a one-letter metric prefix and a trailing 2 or
     * 3 ({@code mvolt}, {@code Mohm}, {@code umetre2}), as Brian2's namespace has them.
     */
    private static final Set<String> FULL_NAMES = Set.of("volt", "amp", "ampere", "second", "siemens", "ohm", "farad",
            "metre", "meter", "hertz", "mole", "molar", "litre", "liter", "gram", "kelvin", "coulomb", "joule", "watt",
            "newton", "weber", "tesla", "henry", "radian");
    /**
     * Brian2's standard abbreviations (brian2.units.stdunits), with millisiemens and the molar
     * concentrations: the only symbols equation text reads as units. Bare symbols such as
     * {@code V}, {@code C}, {@code g} or {@code EK} (exa-kelvin) are too common as parameter names
     * to be units there.
     */
    private static final Set<String> ABBREVIATIONS = Set.of("mV", "mA", "uA", "nA", "pA", "pF", "uF", "nF", "nS", "uS",
            "ms", "us", "Hz", "kHz", "MHz", "cm", "cm2", "cm3", "mm", "mm2", "mm3", "um", "um2", "um3",
            "mS", "mM", "uM", "nM");

    private static final Map<String, Unit<?>> BASE = new LinkedHashMap<>();
    private static final Map<String, MetricPrefix> PREFIXES = new LinkedHashMap<>();

    static {
        base(Units.VOLT, "volt", "V");
        base(Units.AMPERE, "amp", "ampere", "A");
        base(Units.SECOND, "second", "s");
        base(Units.SIEMENS, "siemens", "S");
        base(Units.OHM, "ohm");
        base(Units.FARAD, "farad", "F");
        base(Units.METRE, "metre", "meter", "m");
        base(Units.HERTZ, "hertz", "Hz");
        base(Units.MOLE, "mole", "mol");
        base(Units.MOLE.divide(Units.LITRE), "molar", "M");
        base(Units.LITRE, "litre", "liter", "l");
        base(Units.GRAM, "gram", "g");
        base(Units.KELVIN, "kelvin", "K");
        base(Units.COULOMB, "coulomb", "C");
        base(Units.JOULE, "joule", "J");
        base(Units.WATT, "watt", "W");
        base(Units.NEWTON, "newton", "N");
        base(Units.WEBER, "weber", "Wb");
        base(Units.TESLA, "tesla", "T");
        base(Units.HENRY, "henry", "H");
        base(Units.RADIAN, "radian", "rad");
        for (MetricPrefix p : MetricPrefix.values()) {
            if (p.getSymbol().length() == 1) {
                PREFIXES.put(p.getSymbol(), p);
            }
        }
        PREFIXES.put("u", MetricPrefix.MICRO);
        BASE.put("kg", Units.KILOGRAM);
    }

    private PhysicalUnits() {
    }

    private static void base(Unit<?> unit, String... names) {
        for (String name : names) {
            BASE.put(name, unit);
        }
    }

    /** The unit a name stands for, e.g. {@code mV}; a {@link UnitFormatException} lists the base names. */
    public static Unit<?> named(String name) {
        Unit<?> unit = lookup(name);
        if (unit == null) {
            throw new UnitFormatException(0, "unknown unit '" + name + "'; known: " + String.join(", ", new TreeSet<>(BASE.keySet()))
                    + ", each with a metric prefix (p n u m c k M G ...) and an optional 2 or 3 for square or cube");
        }
        return unit;
    }

    private static Unit<?> lookup(String name) {
        Unit<?> unit = BASE.get(name);
        if (unit != null) {
            return unit;
        }
        char last = name.charAt(name.length() - 1);
        if ((last == '2' || last == '3') && name.length() > 1) {
            Unit<?> root = prefixed(name.substring(0, name.length() - 1));
            return root == null ? null : root.pow(last - '0');
        }
        return prefixed(name);
    }

    private static Unit<?> prefixed(String name) {
        Unit<?> unit = BASE.get(name);
        if (unit != null || name.length() < 2) {
            return unit;
        }
        String rest = name.substring(1);
        String symbol = name.startsWith("μ") ? "µ" : name.substring(0, 1);
        MetricPrefix prefix = PREFIXES.get(symbol);
        Unit<?> base = BASE.get(rest);
        if (prefix == null || base == null || rest.equals("kg")) {
            return null;
        }
        return base.prefix(prefix);
    }

    /**
     * The unit an identifier in equation text stands for when nothing else defines it: a full
     * name, optionally prefixed and squared or cubed ({@code volt}, {@code nsiemens},
     * {@code cmetre2}), or one of Brian2's abbreviations ({@code mV}, {@code ms}, {@code nS},
     * {@code pF}, {@code Hz}, {@code um2}, ...). Empty for any other name.
     */
    public static Optional<Unit<?>> inEquations(String identifier) {
        if (identifier.isEmpty()) {
            return Optional.empty();
        }
        char last = identifier.charAt(identifier.length() - 1);
        String root = last == '2' || last == '3' ? identifier.substring(0, identifier.length() - 1) : identifier;
        boolean fullName = FULL_NAMES.contains(root)
                || root.length() > 1 && PREFIXES.containsKey(root.substring(0, 1)) && FULL_NAMES.contains(root.substring(1));
        return fullName || ABBREVIATIONS.contains(identifier) ? Optional.ofNullable(lookup(identifier)) : Optional.empty();
    }

    /** Unit text such as {@code mV}, {@code amp/meter**2}, {@code 1/second}, {@code 1}. */
    public static Unit<?> parse(String text) {
        return new UnitReader(text).whole();
    }

    /** A quantity such as {@code 20 ms}, {@code -60 mV}, {@code 1e-3 * second}, {@code 0.5}. */
    public static Quantity<?> quantity(String text) {
        return new UnitReader(text).quantity();
    }

    /** The value of a quantity in SI base units, e.g. 0.02 for {@code 20 ms}. */
    public static double toSI(Quantity<?> q) {
        return toSI(q.getValue().doubleValue(), q.getUnit());
    }

    /** {@code value} in {@code unit}, converted to SI base units. */
    public static double toSI(double value, Unit<?> unit) {
        try {
            return unit.getConverterToAny(unit.getSystemUnit()).convert(value);
        } catch (IncommensurableException | UnconvertibleException e) {
            throw new IllegalStateException("Indriya cannot convert " + unit + " to its own system unit", e);
        }
    }

    /** The number of {@code unit}s in {@code q}, e.g. 20 for {@code 0.02 s} in ms; {@code q} has {@code unit}'s dimension. */
    public static double valueIn(Quantity<?> q, Unit<?> unit) {
        return toSI(q) / toSI(1, unit);
    }

    /** The SI value of quantity text, e.g. 0.02 for {@code "20 ms"}. */
    public static double siValue(String text) {
        return toSI(quantity(text));
    }

    /** The unit of each quantity, e.g. for {@code Equations.checkUnits}. */
    public static Map<String, Unit<?>> unitsOf(Map<String, ? extends Quantity<?>> quantities) {
        Map<String, Unit<?>> units = new LinkedHashMap<>();
        quantities.forEach((name, q) -> units.put(name, q.getUnit()));
        return units;
    }

    /** The SI value of each quantity, e.g. {@code tau = 20 ms} gives {@code tau = 0.02}. */
    public static Map<String, Double> siValues(Map<String, ? extends Quantity<?>> quantities) {
        Map<String, Double> values = new LinkedHashMap<>();
        quantities.forEach((name, q) -> values.put(name, toSI(q)));
        return values;
    }

    /** {@code value} in {@code unit}, as an Indriya quantity. */
    public static Quantity<?> of(double value, Unit<?> unit) {
        return Quantities.getQuantity(value, unit);
    }

    /** Whether two units measure the same physical dimension (mV and volt do; volt and amp do not). */
    public static boolean sameDimension(Unit<?> a, Unit<?> b) {
        return a.getDimension().equals(b.getDimension());
    }

    /**
     * The message for a value of the wrong dimension, quoting it as {@code written}: what it was
     * meant to be, the unit it has, the unit needed and an example, so a spec and a Java caller
     * read the same words.
     */
    public static String mismatch(String written, Unit<?> given, Unit<?> needed, String what) {
        String example = sameDimension(needed, ONE) ? "a plain number" : "e.g. '1 " + needed + "'";
        return "'" + written + "' is not " + what + ": its unit is " + describe(given) + " but " + what + " needs "
                + describe(needed) + "; give " + example;
    }

    /** A unit for messages: its symbol, and its dimension where the symbol alone may not show it. */
    public static String describe(Unit<?> unit) {
        if (sameDimension(unit, ONE)) {
            return "1 (dimensionless)";
        }
        String symbol = unit.toString();
        String dimension = unit.getDimension().toString();
        return symbol.equals(dimension) ? symbol : symbol + " " + dimension;
    }
}
