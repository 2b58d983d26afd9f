/**
 * Numerical integrators for ODEs and SDEs by the reference's method names: explicit and embedded
 * Runge-Kutta methods held as Butcher tableaus, exponential Euler, the exact solution of linear
 * systems, and the SDE methods (Euler-Maruyama, Heun, Milstein, Rößler's SRK). Each scheme is
 * written once over an {@link org.brainj.api.integrate.Arithmetic}, so the same code steps a few
 * variables stand-alone ({@link org.brainj.api.integrate.Odeint}, {@link org.brainj.api.integrate.Sdeint})
 * and writes the step program of a population.
 */
@Export
@Version("0.1.0")
package org.brainj.api.integrate;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
