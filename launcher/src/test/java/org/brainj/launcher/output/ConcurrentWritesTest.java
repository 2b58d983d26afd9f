package org.brainj.launcher.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.brainj.api.BrainJException;
import org.junit.jupiter.api.Test;

/** Tasks run at once, their results come back in the order given, and one task's failure leaves the others' files. */
class ConcurrentWritesTest {
    @Test
    void resultsComeInTheOrderGivenWhateverOrderTheTasksFinishIn() {
        // the first task finishes only after the last has started, so the last finishes first (given two threads)
        CountDownLatch lastStarted = new CountDownLatch(1);
        ConcurrentWrites.Task slow = new ConcurrentWrites.Task("a", files -> {
            await(lastStarted);
            files.add("a.csv");
        });
        ConcurrentWrites.Task fast = new ConcurrentWrites.Task("b", files -> {
            lastStarted.countDown();
            files.add("b.png");
            files.add("b.svg");
        });
        List<ConcurrentWrites.Result> results = ConcurrentWrites.run(List.of(slow, fast));
        assertEquals(List.of(List.of("a.csv"), List.of("b.png", "b.svg")), results.stream().map(ConcurrentWrites.Result::written).toList());
        assertNull(results.get(0).failure());
        assertNull(results.get(1).failure());
    }

    @Test
    void aFailingTaskKeepsWhatItWroteAndTheOthersFinish() {
        BrainJException full = new BrainJException("cannot write x.svg: No space left on device");
        List<ConcurrentWrites.Result> results = ConcurrentWrites.run(List.of(
                new ConcurrentWrites.Task("the plot x", files -> {
                    files.add("x.png");
                    throw full;
                }),
                new ConcurrentWrites.Task("the plot y", files -> {
                    throw new IllegalStateException("no fonts");
                }),
                new ConcurrentWrites.Task("run.h5", files -> files.add("run.h5"))));
        assertEquals(List.of("x.png"), results.get(0).written());
        assertSame(full, results.get(0).failure());
        assertEquals("cannot write the plot y (java.lang.IllegalStateException: no fonts)", results.get(1).failure().getMessage(),
                "a library's own exception named with what its task writes");
        assertEquals(List.of("run.h5"), results.get(2).written());
        assertNull(results.get(2).failure());
    }

    @Test
    void theJvmsOwnErrorsAreNotTakenForAFailedFile() {
        OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
        Error thrown = assertThrows(Error.class, () -> ConcurrentWrites.run(List.of(
                new ConcurrentWrites.Task("a", files -> files.add("a")),
                new ConcurrentWrites.Task("b", files -> {
                    throw oom;
                }))));
        assertSame(oom, thrown);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS) || Runtime.getRuntime().availableProcessors() < 2,
                    "the other task never started beside this one");
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
