package org.brainj.api.tensor;

/** Element types a backend stores. float64 is the default, as in Brian2 and NEST. */
public enum DType {
    FLOAT32("float32", 4),
    FLOAT64("float64", 8),
    INT32("int32", 4),
    BOOL("bool", 1);

    private final String label;
    private final int bytes;

    DType(String label, int bytes) {
        this.label = label;
        this.bytes = bytes;
    }

    /** The reference's name for the type, e.g. {@code float32}. */
    public String label() {
        return label;
    }

    /** Bytes per element on the host; backends may pack bool differently. */
    public int bytes() {
        return bytes;
    }

    public boolean isFloat() {
        return this == FLOAT32 || this == FLOAT64;
    }

    @Override
    public String toString() {
        return label;
    }
}
