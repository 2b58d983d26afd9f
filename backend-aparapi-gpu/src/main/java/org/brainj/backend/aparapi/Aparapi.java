package org.brainj.backend.aparapi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import com.aparapi.Config;
import com.aparapi.device.Device;
import com.aparapi.device.OpenCLDevice;
import com.aparapi.internal.opencl.OpenCLLoader;

/**
 * Loading Aparapi and choosing the OpenCL device. Aparapi's static set-up lowers the level of the
 * root logging handlers to WARNING; they (and the root logger's level) are put back as the
 * application had them.
 */
final class Aparapi {
    /** The OpenCL device in use, or null with {@link #problem} saying why there is none. */
    static final OpenCLDevice DEVICE;
    static final String PROBLEM;
    /** Aparapi's logger, where it gives its reasons for falling back to Java threads. */
    static final Logger LOG;

    static {
        OpenCLDevice device = null;
        String problem = null;
        Logger log = null;
        Level rootLevel = Logger.getLogger("").getLevel();
        Handler[] handlers = Logger.getLogger("").getHandlers();
        Level[] levels = new Level[handlers.length];
        for (int h = 0; h < handlers.length; h++) {
            levels[h] = handlers[h].getLevel();
        }
        try {
            // Aparapi's Config sets the handler levels in its static initialiser: it runs here, inside this block.
            log = Logger.getLogger(Config.getLoggerName());
            if (!OpenCLLoader.isOpenCLAvailable()) {
                problem = "Aparapi could not load its native OpenCL library or the OpenCL ICD loader (libOpenCL.so)";
            } else {
                List<OpenCLDevice> devices = new ArrayList<>(OpenCLDevice.listDevices(null));
                devices.sort(Comparator.comparingInt(Aparapi::preference));
                if (devices.isEmpty()) {
                    problem = "the OpenCL loader found no platform with a device (no ICD registered in /etc/OpenCL/vendors)";
                } else {
                    device = devices.get(0);
                }
            }
        } catch (LinkageError | RuntimeException e) {
            problem = "Aparapi failed to start: " + e;
        } finally {
            Logger.getLogger("").setLevel(rootLevel);
            for (int h = 0; h < handlers.length; h++) {
                handlers[h].setLevel(levels[h]);
            }
        }
        // without Aparapi's Config no kernel runs, and nothing is logged here
        LOG = log == null ? Logger.getLogger(Aparapi.class.getName()) : log;
        DEVICE = device;
        PROBLEM = problem == null ? null
                : problem + "; install an OpenCL runtime (on Debian: run .ci/install-opencl, which installs PoCL)";
    }

    private Aparapi() {
    }

    /** GPUs first, then accelerators, then CPU devices. */
    private static int preference(OpenCLDevice d) {
        return d.getType() == Device.TYPE.GPU ? 0 : d.getType() == Device.TYPE.ACC ? 1 : 2;
    }

    /** Platform, version and device name, for listings. */
    static String describe(OpenCLDevice d) {
        return d.getOpenCLPlatform().getName() + " (" + d.getOpenCLPlatform().getVersion() + "), " + d.getType()
                + " device '" + d.getName() + "', " + d.getMaxComputeUnits() + " compute units, "
                + (d.getGlobalMemSize() >> 20) + " MiB";
    }
}
