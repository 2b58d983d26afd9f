package org.brainj.launcher.platform;

import org.brainj.api.tensor.Backend;

/**
 * Told that a backend service is leaving (its bundle stopping, its service unregistered or no
 * longer named as it was). It is called on the thread that unregisters the service, before the
 * service object is released: a run using the backend may block it briefly to read its state
 * off the backend and continue elsewhere.
 */
@FunctionalInterface
public interface BackendDeparture {
    void departing(String name, Backend backend);
}
