package org.brainj.api.model;

import javax.measure.Quantity;
import javax.measure.Unit;
import org.brainj.api.units.PhysicalUnits;
import org.brainj.api.units.UnitFormatException;

/** How model text reads the values given beside it. */
final class Quantities {
    private Quantities() {
    }

    /** Parameter {@code name} given as quantity text ({@code 10 ms}) or a plain number. */
    static Quantity<?> parameter(String name, String value) {
        try {
            return PhysicalUnits.quantity(value);
        } catch (UnitFormatException | IllegalArgumentException e) {
            throw new ModelTextException("parameters", name, 0, 0, "'" + value + "' is not a quantity (" + e.getMessage()
                    + "); give e.g. '10 ms' or a plain number", e);
        }
    }

    static boolean dimensionless(Unit<?> unit) {
        return PhysicalUnits.sameDimension(unit, PhysicalUnits.ONE);
    }
}
