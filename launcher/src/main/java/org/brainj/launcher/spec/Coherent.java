package org.brainj.launcher.spec;

import java.util.Map;
import javax.measure.Dimension;
import javax.measure.Quantity;
import javax.measure.Unit;
import org.brainj.api.units.PhysicalUnits;
import tech.units.indriya.unit.UnitDimension;

/**
 * The numbers a spec's quantities become: a coherent unit system with millisecond, millivolt,
 * nanoampere and centimetre, so that the runtime (whose clock and catalog models use ms and mV)
 * gets the values BrainPy users write, and dimensionally consistent equations stay consistent.
 * Derived units follow: conductance in uS, capacitance in nF, resistance in MOhm, frequency in
 * 1/ms; areas in cm^2 (so uF/cm^2 becomes 1000 nF/cm^2).
 */
public final class Coherent {
    /** Each SI base dimension's unit in this system, as a multiple of the SI unit; the rest stay SI. */
    private static final Map<Dimension, Double> SCALE = Map.of(
            UnitDimension.TIME, 1e-3,
            UnitDimension.ELECTRIC_CURRENT, 1e-9,
            UnitDimension.LENGTH, 1e-2,
            // mass follows from mV = kg m^2 s^-3 A^-1: 1e-3 = M * 1e-4 / (1e-9 * 1e-9)
            UnitDimension.MASS, 1e-17);

    private Coherent() {
    }

    /** The quantity as a number in this system: 20 ms is 20, -60 mV is -60, 1 s is 1000. */
    public static double value(Quantity<?> q) {
        return PhysicalUnits.toSI(q) / scale(q.getUnit());
    }

    /** How many SI units one unit of this system is, for the dimension of {@code unit}. */
    public static double scale(Unit<?> unit) {
        Dimension d = unit.getDimension();
        Map<? extends Dimension, Integer> base = d.getBaseDimensions();
        if (base == null) {
            return SCALE.getOrDefault(d, 1.0);
        }
        double s = 1;
        for (Map.Entry<? extends Dimension, Integer> e : base.entrySet()) {
            s *= Math.pow(SCALE.getOrDefault(e.getKey(), 1.0), e.getValue());
        }
        return s;
    }
}
