package org.brainj.api.sim;

import java.math.BigDecimal;
import java.math.MathContext;

/** Times to steps, and times in messages without the binary noise of multiples of dt. */
final class Times {
    private Times() {
    }

    /**
     * The step a time falls in, floored as Brian2's {@code timestep} does: a thousandth of a step
     * of slack keeps multiples of dt from landing in the step before through rounding.
     */
    static long step(double time, double dt) {
        return (long) Math.floor(time / dt + 1e-3);
    }

    /** A time in ms with its unit: {@code 0.3 ms}, not {@code 0.30000000000000004}. */
    static String format(double time) {
        return BigDecimal.valueOf(time).round(new MathContext(12)).stripTrailingZeros().toPlainString() + " ms";
    }
}
