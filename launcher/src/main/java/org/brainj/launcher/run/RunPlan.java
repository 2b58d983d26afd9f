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

    private static double usableSpace(Path dir) {
        try {
            return Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            throw new BrainJException("cannot tell the free space of '" + dir + "' (" + e.getMessage()
                    + "); give another folder with --out DIR", e);
        }
    }
}
