package org.brainj.api.units;

import java.util.List;
import java.util.Map;
import javax.measure.Dimension;
import javax.measure.Quantity;
import javax.measure.Unit;
import tech.units.indriya.unit.UnitDimension;

/**
 * The one unit system BrainJ computes in: millisecond, millivolt, nanoampere and centimetre, so
 * that the runtime (whose clock and catalog models use ms and mV, as BrainPy's do) gets the
 * numbers BrainPy users write, and dimensionally consistent equations stay consistent. Derived
 * units follow from those four:
 * <table>
 * <caption>the system's unit of each usual dimension</caption>
 * <tr><th>dimension</th><th>unit</th><th>so that</th></tr>
 * <tr><td>time</td><td>ms</td><td>1 s = 1000</td></tr>
 * <tr><td>voltage</td><td>mV</td><td>1 V = 1000</td></tr>
 * <tr><td>current</td><td>nA</td><td>1 pA = 0.001</td></tr>
 * <tr><td>conductance</td><td>uS (nA/mV)</td><td>1 nS = 0.001</td></tr>
 * <tr><td>capacitance</td><td>nF (nA ms/mV)</td><td>1 pF = 0.001</td></tr>
 * <tr><td>resistance</td><td>MOhm (mV/nA)</td><td>1 GOhm = 1000</td></tr>
 * <tr><td>frequency</td><td>1/ms (kHz)</td><td>1 Hz = 0.001</td></tr>
 * <tr><td>specific capacitance</td><td>nF/cm^2</td><td>1 uF/cm^2 = 1000</td></tr>
 * </table>
 * Unit names in equation text ({@code 10*mV}, {@code 1*nS}) stand for their value in this system
 * (10 and 0.001), as do parameters given with units, so text and parameters always agree.
 */
public final class Coherent {
    /** Each SI base dimension's unit in this system, as a multiple of the SI unit; the rest stay SI. */
    private static final Map<Dimension, Double> SCALE = Map.of(
            UnitDimension.TIME, 1e-3,
            UnitDimension.ELECTRIC_CURRENT, 1e-9,
            UnitDimension.LENGTH, 1e-2,
            // mass follows from mV = kg m^2 s^-3 A^-1: 1e-3 = M * 1e-4 / (1e-9 * 1e-9)
            UnitDimension.MASS, 1e-17);
    /** The names of this system's units for the usual dimensions, to label numbers. */
    private static final List<String> LABELS = List.of("1", "ms", "mV", "nA", "uS", "nF", "Mohm", "cm", "mV/ms", "1/ms",
            "nA/cm^2", "uS/cm^2", "nF/cm^2");

    private Coherent() {
    }

    /** The quantity as a number in this system: 20 ms is 20, -60 mV is -60, 1 s is 1000. */
    public static double value(Quantity<?> q) {
        return value(q.getValue().doubleValue(), q.getUnit());
    }

    /** {@code value} in {@code unit} as a number in this system. */
    public static double value(double value, Unit<?> unit) {
        return PhysicalUnits.toSI(value, unit) / scale(unit);
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

    /** The name of this system's unit for the dimension of {@code unit}: mV for volt, uS for nS, ... */
    public static String label(Unit<?> unit) {
        for (String label : LABELS) {
            if (PhysicalUnits.sameDimension(PhysicalUnits.parse(label), unit)) {
                return label;
            }
        }
        return scale(unit) + " " + unit.getSystemUnit();
    }
}
