package org.brainj.api.sim;

import java.math.BigDecimal;
import java.math.MathContext;

/** Times in messages, without the binary noise of multiples of dt ({@code 0.3}, not {@code 0.30000000000000004}). */
final class Times {
    private Times() {
    }

    static String format(double time) {
        return BigDecimal.valueOf(time).round(new MathContext(12)).stripTrailingZeros().toPlainString();
    }
}
