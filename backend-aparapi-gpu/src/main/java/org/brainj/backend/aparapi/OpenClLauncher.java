package org.brainj.backend.aparapi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import com.aparapi.Kernel;
import com.aparapi.Range;
import com.aparapi.device.Device;
import com.aparapi.device.JavaDevice;
import com.aparapi.device.OpenCLDevice;
import com.aparapi.internal.kernel.KernelManager;

/**
 * Launches kernels on the backend's OpenCL device and proves afterwards that they ran there.
 * Aparapi, when OpenCL is missing or a kernel does not translate or build, logs a warning and
 * runs the kernel in Java threads instead; that would pass every test while nothing ran on the
 * device, so after each launch the device Aparapi used is checked, and a fallback becomes an
 * {@link OpenClUnavailableException} naming the kernel and Aparapi's reason.
 */
final class OpenClLauncher {
    private final OpenCLDevice device;
    private final String problem;
    private volatile String failure;

    /** @param device the device to run on, or null; then {@code problem} says why there is none */
    OpenClLauncher(OpenCLDevice device, String problem) {
        this.device = device;
        this.problem = problem;
    }

    /** The launcher on the device {@link Aparapi} chose. */
    static OpenClLauncher chosen() {
        return new OpenClLauncher(Aparapi.DEVICE, Aparapi.PROBLEM);
    }

    OpenCLDevice device() {
        return device;
    }

    /** Why no device is usable, or null. */
    String problem() {
        return problem;
    }

    /** Why a kernel did not run on the device (Aparapi's reason), or null while none has failed. */
    String failure() {
        return failure;
    }

    /** The kernel that failed is no longer used. */
    void forgetFailure() {
        failure = null;
    }

    /** Binds a new kernel to the device; Aparapi's own fallback is then only Java threads, which {@link #execute} detects. */
    void adopt(Kernel kernel) {
        if (device != null) {
            LinkedHashSet<Device> devices = new LinkedHashSet<>();
            devices.add(device);
            // Java threads stay in the list so that a failure falls back to them (and is detected
            // below) instead of leaving Aparapi without a device.
            devices.add(JavaDevice.THREAD_POOL);
            KernelManager.instance().setPreferredDevices(kernel, devices);
        }
    }

    /**
     * Work-group sizes are powers of two up to this. An OpenCL implementation may build a kernel
     * anew for each work-group size it meets (PoCL does, for about a second and a half on this
     * machine): Aparapi's default takes a factor of the global size, so launches over many
     * different sizes (a read-back of a monitor's log) would each build the kernel again.
     */
    static final int MAX_GROUP = 64;

    /** The work-group size for {@code items} work items: the power of two that covers them, at most {@link #MAX_GROUP}. */
    static int groupSize(int items) {
        int group = 1;
        while (group < items && group < MAX_GROUP) {
            group <<= 1;
        }
        return group;
    }

    /**
     * Runs {@code kernel} over {@code globalSize} work items on the device, or throws why it could
     * not; the range is rounded up to whole work-groups, and the kernel ignores items from
     * {@code globalSize} on.
     */
    void execute(Kernel kernel, int globalSize) {
        String name = kernel.getClass().getSimpleName();
        if (device == null) {
            throw new OpenClUnavailableException("kernel " + name + " cannot run on OpenCL: " + problem);
        }
        Capture capture = new Capture();
        Aparapi.LOG.addHandler(capture);
        try {
            int group = groupSize(globalSize);
            kernel.execute(Range.create(device, (globalSize + group - 1) / group * group, group));
        } catch (RuntimeException | AssertionError e) {
            // With a work-group size the range is bound to the device, so where Aparapi would fall
            // back to Java threads it throws instead, after logging why; after a fallback it
            // refuses the OpenCL device for this kernel class.
            String why = capture.reasons.isEmpty() ? failure : String.join("; ", capture.reasons);
            failure = why;
            throw new OpenClUnavailableException("kernel " + name + " cannot run on OpenCL device '" + device.getName()
                    + "': " + e.getMessage() + (why == null ? "" : "; Aparapi's reasons: " + why), e);
        } finally {
            Aparapi.LOG.removeHandler(capture);
        }
        Device used = kernel.getTargetDevice();
        if (used != device) {
            String why = capture.reasons.isEmpty() ? "Aparapi gave no reason" : String.join("; ", capture.reasons);
            failure = why;
            throw new OpenClUnavailableException("kernel " + name + " did not run on OpenCL device '" + device.getName()
                    + "' but fell back to " + (used == null ? "no device" : used.getShortDescription()) + ": " + why
                    + ". Aparapi could not translate or build it; see its log above (run with -Dcom.aparapi.enableShowGeneratedOpenCL=true for the source)");
        }
    }

    /** Aparapi's warnings during one launch: the reasons it gives for a fallback (and any others). */
    private static final class Capture extends Handler {
        final List<String> reasons = new ArrayList<>();

        Capture() {
            setLevel(Level.WARNING);
        }

        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                reasons.add(record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
