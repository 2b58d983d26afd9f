package org.brainj.api.tensor;

/**
 * A named operation a backend does not have built in, registered as a service with the
 * properties {@value #NAME_PROPERTY} and {@value Backend#NAME_PROPERTY} (the reference's
 * {@code ops.set_buffer}). On a plain classpath it is found through {@link java.util.ServiceLoader}.
 */
public interface CustomOp {
    /** The service property that carries an operation's name. */
    String NAME_PROPERTY = "op.name";

    String name();

    /** The backend this operation is written for. */
    String backendName();

    /** Applies the operation; {@code args} belong to {@code backend}. */
    Tensor apply(Backend backend, Tensor... args);
}
