package org.brainj.api.integrate;

/** Which stochastic integral the SDE means: Itô's (the reference's default) or Stratonovich's. */
public enum SdeType {
    ITO("Ito"), STRATONOVICH("Stratonovich");

    private final String label;

    SdeType(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
