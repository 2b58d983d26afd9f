package org.brainj.launcher.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.brainj.api.BrainJException;
import org.brainj.api.sim.MemoryPlan;
import org.brainj.launcher.spec.SpecRun;

/**
 * What a built network's run will still need, checked before its first step: the recorded
 * variables of the whole duration in memory, and their files (each record is written twice: the
 * .npy and run.h5) on the output folder's disk. Spikes cannot be counted before they happen, so
 * they are left out of both.
 */
public final class RunPlan {
    private RunPlan() {
    }

    public static void check(SpecRun run, Path outputs) {
        long steps = MemoryPlan.steps(run.settings().duration(), run.settings().dt());
        MemoryPlan memory = new MemoryPlan();
        double files = 0;
        for (SpecRun.State s : run.states()) {
            long records = s.monitor().plannedRecords(steps);
            memory.add("monitor " + s.label() + " (" + records + " records of " + s.monitor().columns() + " neurons)",
                    s.monitor().plannedBytes(steps));
            files += 2 * 8.0 * records * (s.monitor().columns() + 1);
        }
        memory.check(MemoryPlan.availableHeap(), "record fewer neurons or with a longer 'period:', run shorter, or give"
                + " Java more heap (-Xmx)");
        double free = usableSpace(outputs);
        if (files > free) {
            throw new BrainJException("the recorded variables need about " + MemoryPlan.bytes(files) + " of files but '" + outputs
                    + "' has " + MemoryPlan.bytes(free) + " free; record fewer neurons or with a longer 'period:', run shorter,"
                    + " or give another folder with --out DIR");
        }
    }

    /**
     * The folder's free bytes; where Java cannot find the folder's mount (a chroot, whose mount
     * table names the host's paths), the file system's own count, and where that is unknown too
     * (0), no limit: a full disk then fails the write, which says so.
     */
    private static double usableSpace(Path dir) {
        try {
            return Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            long free = dir.toFile().getUsableSpace();
            return free > 0 ? free : Double.POSITIVE_INFINITY;
        }
    }
}
