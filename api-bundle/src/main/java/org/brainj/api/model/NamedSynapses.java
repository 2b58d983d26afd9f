package org.brainj.api.model;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.measure.Quantity;
import javax.measure.Unit;
import org.brainj.api.sim.Synapse;
import org.brainj.api.sim.SynapticOutput;
import org.brainj.api.units.PhysicalUnits;

/**
 * The reference's synapses and outputs by name with parameters given as quantities: each
 * parameter's unit (time constants in ms, reversal potentials in mV, magnesium in mM) is checked
 * and the value converted to it, as the runtime takes it.
 */
public final class NamedSynapses {
    /** The unit of each synapse parameter. */
    public static final Map<String, String> SYNAPSE_UNITS = ordered("tau", "ms", "tau_decay", "ms", "tau_rise", "ms");
    /** The unit of each output parameter. */
    public static final Map<String, String> OUTPUT_UNITS = ordered("E", "mV", "cc_Mg", "mM", "alpha", "1/mV", "beta", "mM");

    private NamedSynapses() {
    }

    private static Map<String, String> ordered(String... keysAndUnits) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndUnits.length; i += 2) {
            m.put(keysAndUnits[i], keysAndUnits[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** {@code Exponential} with {@code tau: 5 ms}, ...; a fault names the parameter. */
    public static Synapse synapse(String kind, Map<String, Quantity<?>> params) {
        return Synapse.of(kind, values("synapse", SYNAPSE_UNITS, params));
    }

    /** {@code COBA} with {@code E: 0 mV}, ...; a fault names the parameter. */
    public static SynapticOutput output(String kind, Map<String, Quantity<?>> params) {
        return SynapticOutput.of(kind, values("output", OUTPUT_UNITS, params));
    }

    private static Map<String, Double> values(String part, Map<String, String> units, Map<String, Quantity<?>> params) {
        Map<String, Double> values = new LinkedHashMap<>();
        params.forEach((name, q) -> {
            String unitText = units.get(name);
            if (unitText == null) {
                throw new ModelTextException(part, name, 0, 0, "unknown parameter '" + name + "'; the parameters are "
                        + String.join(", ", units.keySet()), null);
            }
            Unit<?> unit = PhysicalUnits.parse(unitText);
            if (!PhysicalUnits.sameDimension(q.getUnit(), unit)) {
                throw new ModelTextException(part, name, 0, 0, "'" + q + "' is not parameter " + name + " of a " + part
                        + ": its unit is " + PhysicalUnits.describe(q.getUnit()) + "; give e.g. '1 " + unitText + "'", null);
            }
            values.put(name, PhysicalUnits.toSI(q) / PhysicalUnits.toSI(1, unit));
        });
        return values;
    }
}
