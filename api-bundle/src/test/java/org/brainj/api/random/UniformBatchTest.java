package org.brainj.api.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The batch is {@link Philox}'s mapping bit for bit: every value equals the one from
 * {@link Philox#block} and the word-to-number rules of {@link Philox#uniform} and
 * {@link Philox#uniformFloat}, over seeds, streams and counters at their extremes and at random,
 * and elements at 0, at {@link Integer#MAX_VALUE} (a batch running past it wraps to negative
 * indices, as an int element does) and negative.
 */
class UniformBatchTest {
    private static final long[] SEEDS = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0x299f31d0_a4093822L, 20_111_115L};
    private static final int[] STREAMS = {0, 1, 7, 33, Integer.MAX_VALUE};
    private static final long[] COUNTERS = {0, 1, 42, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFFL};
    private static final int[] FROMS = {0, 1, -1, -UniformBatch.SIZE, Integer.MAX_VALUE, Integer.MAX_VALUE - 100,
        Integer.MIN_VALUE, 1_000_003};

    @Test
    void uniformsAreTheBlocksWordsZeroAndOne() {
        forEveryKeyAndStart((batch, key, from) -> batch.uniforms(key, from, UniformBatch.SIZE),
                (words, key, element) -> Philox.toUnit(words[0], words[1]));
    }

    @Test
    void uniformFloatsAreWordZerosTop24Bits() {
        forEveryKeyAndStart((batch, key, from) -> batch.uniformFloats(key, from, UniformBatch.SIZE), (words, key, element) -> {
            double fromWords = (words[0] >>> 8) / 0x1.0p24;
            assertEquals(Philox.uniformFloat(key, element), fromWords);
            return fromWords;
        });
    }

    private interface Fill {
        void fill(UniformBatch batch, RandomKey key, int from);
    }

    private interface Expected {
        double of(int[] words, RandomKey key, int element);
    }

    /** Fills a whole batch for each key and start and compares each value with the one from Philox.block's words. */
    private static void forEveryKeyAndStart(Fill fill, Expected expected) {
        UniformBatch batch = new UniformBatch(UniformBatch.SIZE);
        int[] words = new int[4];
        for (long seed : SEEDS) {
            for (int stream : STREAMS) {
                for (long counter : COUNTERS) {
                    RandomKey key = new RandomKey(seed, stream, counter);
                    for (int from : FROMS) {
                        fill.fill(batch, key, from);
                        for (int j = 0; j < UniformBatch.SIZE; j++) {
                            int element = from + j;
                            Philox.block(key, element, 0, words);
                            assertEquals(Double.doubleToRawLongBits(expected.of(words, key, element)),
                                    Double.doubleToRawLongBits(batch.values()[j]), () -> "key " + key + ", element " + element);
                        }
                    }
                }
            }
        }
    }

    /** Random keys, starts and counts: every count from 1 to SIZE, so each tail of the loops runs. */
    @Test
    void randomKeysStartsAndCountsEqualTheScalarMapping() {
        SplittableRandom random = new SplittableRandom(11);
        UniformBatch batch = new UniformBatch(UniformBatch.SIZE);
        for (int count = 0; count <= UniformBatch.SIZE; count++) {
            RandomKey key = new RandomKey(random.nextLong(), random.nextInt(Integer.MAX_VALUE), random.nextLong(1L << 32));
            int from = random.nextInt();
            batch.uniforms(key, from, count);
            for (int j = 0; j < count; j++) {
                assertEquals(Philox.uniform(key, from + j), batch.values()[j], "key " + key + ", element " + (from + j));
            }
            batch.uniformFloats(key, from, count);
            for (int j = 0; j < count; j++) {
                assertEquals(Philox.uniformFloat(key, from + j), batch.values()[j], "key " + key + ", element " + (from + j));
            }
        }
    }

    @Test
    void aShortRangeGetsAShortBatchAndACountBeyondItFails() {
        assertEquals(3, new UniformBatch(3).values().length);
        assertEquals(1, new UniformBatch(0).values().length);
        assertEquals(UniformBatch.SIZE, new UniformBatch(1_000_000).values().length);
        RandomKey key = new RandomKey(1, 0, 0);
        assertThrows(IllegalArgumentException.class, () -> new UniformBatch(3).uniforms(key, 0, 4));
        assertThrows(IllegalArgumentException.class, () -> new UniformBatch(3).uniformFloats(key, 0, -1));
    }
}
