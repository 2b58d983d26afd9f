package org.brainj.models.files;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.measure.Quantity;
import javax.measure.Unit;
import org.brainj.api.spi.ParamSpec;
import org.brainj.api.spi.Parameters;
import org.brainj.api.units.PhysicalUnits;

/**
 * The {@code parameters:} of a model file: each default as written (its unit the one
 * the file lists), and the values a compile is given, in those units, over the defaults.
 */
record FileParameters(String owner, List<ParamSpec> specs, Map<String, Quantity<?>> defaults) {

    static FileParameters of(ModelFile file) {
        Map<String, Quantity<?>> defaults = new LinkedHashMap<>();
        file.parameters().forEach(p -> defaults.put(p.name(), p.quantity(file.origin())));
        List<ParamSpec> specs = file.parameters().stream()
                .map(p -> ParamSpec.optional(p.name(), p.unit(), p.number(), p.meaning())).toList();
        return new FileParameters(file.name(), specs, defaults);
    }

    /** Each parameter's unit as the file lists it. */
    Map<String, Unit<?>> units() {
        Map<String, Unit<?>> units = new LinkedHashMap<>();
        defaults.forEach((p, q) -> units.put(p, q.getUnit()));
        return units;
    }

    /** Every parameter's value: the given ones (checked against the specs) in the file's units, else the default. */
    Map<String, Quantity<?>> values(Map<String, ?> given) {
        Parameters checked = Parameters.of(owner, specs, given);
        Map<String, Quantity<?>> values = new LinkedHashMap<>(defaults);
        given.keySet().forEach(p -> values.put(p, PhysicalUnits.of(checked.real(p), defaults.get(p).getUnit())));
        return values;
    }
}
