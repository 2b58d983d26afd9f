package org.brainj.api.program;

/**
 * A random number per element and step that a step program's body reads under {@code name}.
 * It is drawn with {@link org.brainj.api.random.Philox} under the key
 * {@code (seed, stream, counter = step)} at the element's index, so every backend draws the same.
 */
public record RandomDraw(String name, Distribution distribution, int stream) {
    /** Standard normal (Wiener increments are scaled by sqrt(dt) in the body) or uniform in [0, 1). */
    public enum Distribution { NORMAL, UNIFORM }
}
