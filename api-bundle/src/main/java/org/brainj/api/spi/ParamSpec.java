package org.brainj.api.spi;

import java.util.Objects;
import javax.measure.Unit;
import org.brainj.api.units.PhysicalUnits;

/**
 * One parameter of a model or connector, as a launcher lists and validates it.
 *
 * @param name         the parameter's name as users write it (BrainPy's name, e.g. {@code include_self})
 * @param unit         the unit as text ({@code "mV"}, {@code "ms"}), or {@code ""} for a dimensionless value
 * @param defaultValue the default as text ({@code "true"}, {@code "0.01"}, {@code "[1.0, 0.7]"}),
 *                     {@link #NONE} for an optional parameter with no value, or {@code null} when
 *                     the parameter is required
 * @param description  one line saying what it does
 */
public record ParamSpec(String name, String unit, String defaultValue, String description) {
    /** The default text of an optional parameter that is absent unless given (BrainPy's {@code None}). */
    public static final String NONE = "None";

    public ParamSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(description, "description");
    }

    /** A parameter the user must give. */
    public static ParamSpec required(String name, String unit, String description) {
        return new ParamSpec(name, unit, null, description);
    }

    /** A parameter with a default. */
    public static ParamSpec optional(String name, String unit, String defaultValue, String description) {
        return new ParamSpec(name, unit, Objects.requireNonNull(defaultValue, "defaultValue"), description);
    }

    /** The unit as a unit: {@link PhysicalUnits#ONE} for a dimensionless parameter. */
    public Unit<?> physicalUnit() {
        return unit.isEmpty() ? PhysicalUnits.ONE : PhysicalUnits.parse(unit);
    }

    public boolean isRequired() {
        return defaultValue == null;
    }
}
