package org.brainj.backend.cpu;

import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * What spike delivery keeps about one connectivity (an indices tensor with the pointers it was
 * delivered with): whether each row's targets ascend, found once, and a {@link SplitSite} per
 * target it is delivered into. Kept on the indices tensor, so it goes when the tensor goes; a
 * connectivity's arrays must not change while it is delivered through (a split delivery that
 * finds a row no longer ascending says so).
 */
final class Connectivity {
    private final CpuTensor indptr;
    /** Null until a split delivery first asks. */
    private Boolean ascending;
    private CpuTensor[] targets = new CpuTensor[0];
    private StepThreads[] owners = new StepThreads[0];
    private SplitSite[] sites = new SplitSite[0];

    private Connectivity(CpuTensor indptr) {
        this.indptr = indptr;
    }

    /** The connectivity of {@code indices} delivered with {@code indptr}. */
    static Connectivity of(CpuTensor indptr, CpuTensor indices) {
        Connectivity c = indices.connectivity();
        if (c == null || c.indptr != indptr) {
            c = new Connectivity(indptr);
            indices.connectivity(c);
        }
        return c;
    }

    /** Whether every row's targets ascend (repeats allowed), {@code check}ed the first time only. */
    synchronized boolean ascending(BooleanSupplier check) {
        if (ascending == null) {
            ascending = check.getAsBoolean();
        }
        return ascending;
    }

    /** The site of delivering through this connectivity into {@code post}, split over {@code threads}. */
    synchronized SplitSite site(CpuTensor post, StepThreads threads) {
        for (int s = 0; s < sites.length; s++) {
            if (targets[s] == post && owners[s] == threads) {
                return sites[s];
            }
        }
        int s = sites.length;
        targets = Arrays.copyOf(targets, s + 1);
        owners = Arrays.copyOf(owners, s + 1);
        sites = Arrays.copyOf(sites, s + 1);
        targets[s] = post;
        owners[s] = threads;
        sites[s] = threads.site();
        return sites[s];
    }
}
