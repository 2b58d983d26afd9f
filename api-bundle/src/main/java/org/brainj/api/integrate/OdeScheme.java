package org.brainj.api.integrate;

import java.util.List;

/** One step of an ODE method, written once for any {@link Arithmetic}. */
public interface OdeScheme {
    /** The reference's name of the method. */
    String name();

    /** The state at {@code t + dt} from the state {@code x} at {@code t}. */
    <S> List<S> step(Arithmetic<S> ar, VectorField<S> f, S t, List<S> x, S dt);
}
