package org.brainj.api.integrate;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An SDE method with what it supports: the reference's SDE table says which method integrates
 * which SDE type with which Wiener type.
 */
public record SdeMethod(String name, Set<SdeType> types, Set<WienerType> wieners, SdeScheme scheme) {
    public SdeMethod {
        types = Set.copyOf(types);
        wieners = Set.copyOf(wieners);
    }

    /** Refuses what the method does not support, naming the method, what was asked and what it supports. */
    public void check(SdeType type, WienerType wiener) {
        if (!types.contains(type) || !wieners.contains(wiener)) {
            throw new UnsupportedMethodException("SDE method '" + name + "' does not support " + type + " SDEs with "
                    + wiener + " noise (asked for " + type + ", " + wiener + "); it supports "
                    + list(types, EnumSet.allOf(SdeType.class)) + " SDEs with "
                    + list(wieners, EnumSet.allOf(WienerType.class)) + " noise");
        }
    }

    private static <E extends Enum<E>> String list(Set<E> set, Set<E> order) {
        return order.stream().filter(set::contains).map(Object::toString).collect(Collectors.joining(" and "));
    }
}
