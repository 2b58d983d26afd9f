package org.brainj.api.integrate;

/**
 * The standard normal draws of one step, by index: a scheme asks for {@code normal(j)} for
 * Wiener process {@code j} and for further indices for what else it draws (Rößler's schemes
 * draw a second normal for the iterated integral {@code I_(1,0)}). Numbers come from Philox under
 * the key {@code (seed, base stream + index, step)} at the element's index; a step program
 * reads them as {@link org.brainj.api.program.RandomDraw}s with the same streams.
 *
 * @param <S> the scalar of the arithmetic
 */
@FunctionalInterface
public interface Noise<S> {
    S normal(int index);
}
