package org.brainj.api.program;

/**
 * A random number per element and step that a step program's body reads under {@code name}.
 * It is drawn with {@link org.brainj.api.random.Philox} under the key
 * {@code (seed, stream, counter = step)} at the element's index, so every backend draws the same:
 * a normal is {@code Philox.normal}; a uniform is {@code Philox.uniformFloat} when any state
 * tensor of the bindings is float32 (so storing it there never rounds it up to 1, and it equals
 * what a backend's {@code uniform} gives a float32 tensor) and {@code Philox.uniform} otherwise.
 * An on-demand uniform is always {@code Philox.uniform}: it is never stored, and a backend may
 * draw it only for the elements whose step reads it (inside the taken branch of a {@code where}),
 * so a draw that a few elements need per step costs per element that needs it, not per element.
 */
public record RandomDraw(String name, Distribution distribution, int stream) {
    /**
     * Standard normal (Wiener increments are scaled by sqrt(dt) in the body), uniform in [0, 1),
     * or uniform in [0, 1) drawn on demand (see above).
     */
    public enum Distribution { NORMAL, UNIFORM, UNIFORM_ON_DEMAND }
}
