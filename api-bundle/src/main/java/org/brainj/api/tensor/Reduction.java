package org.brainj.api.tensor;

/**
 * Reductions over one axis or the whole tensor. Float operands keep their dtype; the sum of int32
 * or bool is int32 (a spike count), their mean float64; max and min of bool are bool (any/all).
 */
public enum Reduction {
    SUM, MEAN, MAX, MIN;

    /** The dtype of the result for an operand of {@code operand}, as the class comment says. */
    public DType resultType(DType operand) {
        if (operand.isFloat()) {
            return operand;
        }
        return switch (this) {
            case SUM -> DType.INT32;
            case MEAN -> DType.FLOAT64;
            case MAX, MIN -> operand;
        };
    }

    // kept, not derived at each call: a backend names its operation by it in every reduce, the
    // network's finite check included
    private final String label = name().toLowerCase(java.util.Locale.ROOT);

    public String label() {
        return label;
    }
}
