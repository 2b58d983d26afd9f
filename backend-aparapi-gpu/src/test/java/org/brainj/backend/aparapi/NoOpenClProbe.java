package org.brainj.backend.aparapi;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Run in a JVM without OpenCL by {@link OpenClFallbackTest}: prints what the backend reports. */
public final class NoOpenClProbe {
    private NoOpenClProbe() {
    }

    public static void main(String[] args) {
        Logger.getLogger("").getHandlers()[0].setLevel(Level.ALL);
        AparapiBackend backend = new AparapiBackend();
        System.out.println("probe description: " + backend.description());
        try {
            backend.zeros(org.brainj.api.tensor.DType.FLOAT64, 3);
            System.out.println("probe error: none");
        } catch (OpenClUnavailableException e) {
            System.out.println("probe error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        System.out.println("probe root handler level: " + Logger.getLogger("").getHandlers()[0].getLevel());
    }
}
