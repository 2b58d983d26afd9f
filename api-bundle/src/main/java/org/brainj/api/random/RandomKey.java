package org.brainj.api.random;

import org.brainj.api.BrainJException;

/**
 * Where a draw comes from in the counter-based generator: the user's {@code seed}, a
 * {@code stream} (one per group, variable or purpose) and a {@code counter} (typically the step).
 * Equal keys give equal numbers on every backend; see {@link Philox}.
 *
 * @param seed    the simulation seed (all 64 bits are used)
 * @param stream  which independent stream, 0 to 2^31 - 1
 * @param counter which draw of that stream, 0 to 2^32 - 1
 */
public record RandomKey(long seed, int stream, long counter) {
    public RandomKey {
        if (stream < 0) {
            throw new BrainJException("random stream " + stream + " is negative; use 0 to " + Integer.MAX_VALUE);
        }
        if (counter < 0 || counter > 0xFFFF_FFFFL) {
            throw new BrainJException("random counter " + counter + " is outside 0 to 2^32 - 1; start a new stream");
        }
    }

    /** The key for the next counter of the same stream. */
    public RandomKey next() {
        return new RandomKey(seed, stream, counter + 1);
    }

    /** The same seed and counter on another stream. */
    public RandomKey withStream(int newStream) {
        return new RandomKey(seed, newStream, counter);
    }
}
