package org.brainj.api.integrate;

/**
 * One Wiener process shared by all variables ({@code SCALAR}, the reference's default) or
 * several ({@code VECTOR}: {@code g} is a matrix, variables by Wiener processes).
 */
public enum WienerType {
    SCALAR("scalar Wiener"), VECTOR("vector Wiener");

    private final String label;

    WienerType(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
