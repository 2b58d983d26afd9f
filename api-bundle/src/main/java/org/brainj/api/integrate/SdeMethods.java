package org.brainj.api.integrate;

import static org.brainj.api.integrate.SdeType.ITO;
import static org.brainj.api.integrate.SdeType.STRATONOVICH;
import static org.brainj.api.integrate.WienerType.SCALAR;
import static org.brainj.api.integrate.WienerType.VECTOR;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.brainj.api.UnknownNameException;

/** The SDE methods by the reference's names, with its support table (Ito/Stratonovich, scalar/vector Wiener). */
public final class SdeMethods {
    private static final Map<String, SdeMethod> CATALOG = new LinkedHashMap<>();

    static {
        add(new SdeMethod("euler", EnumSet.of(ITO, STRATONOVICH), EnumSet.of(SCALAR, VECTOR), new EulerSde()));
        add(new SdeMethod("heun", EnumSet.of(STRATONOVICH), EnumSet.of(SCALAR, VECTOR), new HeunSde()));
        add(new SdeMethod("milstein", EnumSet.of(ITO, STRATONOVICH), EnumSet.of(SCALAR, VECTOR),
                new DerivativeFreeMilstein()));
        add(new SdeMethod(ExponentialEuler.NAME, EnumSet.of(ITO), EnumSet.of(SCALAR, VECTOR),
                new ExponentialEulerSde()));
        for (SriTableau t : new SriTableau[] {SriTableau.SRI1W1, SriTableau.SRI2W1, SriTableau.KLPL}) {
            add(new SdeMethod(t.name(), EnumSet.of(ITO), EnumSet.of(SCALAR), new StochasticRungeKutta(t)));
        }
    }

    private SdeMethods() {
    }

    private static void add(SdeMethod m) {
        CATALOG.put(m.name(), m);
    }

    public static SdeMethod of(String name) {
        SdeMethod m = CATALOG.get(name);
        if (m == null) {
            throw new UnknownNameException("SDE method", name, CATALOG.keySet());
        }
        return m;
    }

    public static Set<String> names() {
        return java.util.Collections.unmodifiableSet(CATALOG.keySet());
    }
}
