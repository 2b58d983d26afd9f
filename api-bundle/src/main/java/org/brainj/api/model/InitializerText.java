package org.brainj.api.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.measure.Quantity;
import javax.measure.Unit;
import org.brainj.api.BrainJException;
import org.brainj.api.sim.Initializer;
import org.brainj.api.units.Coherent;
import org.brainj.api.units.PhysicalUnits;

/**
 * An initial value as text, as BrainPy's {@code bp.init.Normal}/{@code Uniform} and a spec file
 * write it: {@code normal(mean, std)}, {@code uniform(low, high)} or a constant, each a quantity
 * whose unit must have the variable's dimension; the numbers are taken in the {@link Coherent}
 * system. Every entry point (spec files, sweeps, the Java API) reads initial values through here.
 */
public final class InitializerText {
    private static final Pattern DISTRIBUTION = Pattern.compile("(normal|uniform)\\s*\\((.*)\\)");

    private InitializerText() {
    }

    /**
     * @param unit the variable's unit, or {@code null} when it has none to check against
     * @param what what the value is, for messages: {@code the initial value of V}
     * @throws BrainJException one line naming the fault and the fix
     */
    public static Initializer parse(String text, Unit<?> unit, String what) {
        Matcher m = DISTRIBUTION.matcher(text);
        if (!m.matches()) {
            return Initializer.constant(number(text, unit, what));
        }
        String[] args = m.group(2).split(",");
        if (args.length != 2) {
            throw new BrainJException(m.group(1) + " takes two values, e.g. " + m.group(1) + "(-55 mV, 5 mV)");
        }
        double a = number(args[0].trim(), unit, what);
        double b = number(args[1].trim(), unit, what);
        return m.group(1).equals("normal") ? Initializer.normal(a, b) : Initializer.uniform(a, b);
    }

    private static double number(String text, Unit<?> unit, String what) {
        Quantity<?> q;
        try {
            q = PhysicalUnits.quantity(text);
        } catch (IllegalArgumentException e) {
            throw new BrainJException("'" + text + "' is not a quantity: its number is out of range; give a finite number");
        } catch (BrainJException e) {
            throw new BrainJException("'" + text + "' is not a quantity: " + e.getMessage());
        }
        if (unit != null && !PhysicalUnits.sameDimension(q.getUnit(), unit)) {
            throw new BrainJException(PhysicalUnits.mismatch(text, q.getUnit(), unit, what));
        }
        return Coherent.value(q);
    }
}
