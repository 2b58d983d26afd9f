package org.brainj.api.integrate;

import java.util.LinkedHashSet;
import java.util.Set;
import org.brainj.api.UnknownNameException;

/** The ODE methods by name: every Runge-Kutta tableau, {@code exponential_euler} and {@code exact}. */
public final class OdeMethods {
    private OdeMethods() {
    }

    public static OdeScheme of(String name) {
        if (Tableaus.contains(name)) {
            return new ExplicitRungeKutta(Tableaus.of(name));
        }
        return switch (name) {
            case ExponentialEuler.NAME -> new ExponentialEuler();
            case Exact.NAME -> new Exact();
            default -> throw new UnknownNameException("ODE method", name, names());
        };
    }

    public static Set<String> names() {
        Set<String> names = new LinkedHashSet<>(Tableaus.names());
        names.add(ExponentialEuler.NAME);
        names.add(Exact.NAME);
        return names;
    }
}
