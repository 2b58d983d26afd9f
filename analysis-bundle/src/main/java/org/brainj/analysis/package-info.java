/**
 * Dynamics analysis of equation models, as the reference's {@code brainpy.analysis}: phase
 * planes ({@link org.brainj.analysis.PhasePlane}), fixed points and their
 * {@link org.brainj.analysis.StabilityType}, codimension-1 and -2 bifurcation diagrams
 * ({@link org.brainj.analysis.Bifurcation}) and fast-slow analysis
 * ({@link org.brainj.analysis.FastSlow}). Jacobians are exact: symbolic derivatives of the
 * equations' IR. Hipparchus does the root finding and eigenvalues; trajectories and limit
 * cycles come from {@link org.brainj.api.integrate.Odeint} with event detection.
 * {@link org.brainj.analysis.Analyzer} runs a whole {@link org.brainj.api.analysis.AnalysisJob}
 * (a plain class, and the bundle's {@link org.brainj.api.analysis.DynamicsAnalysis} service).
 */
@Export
@Version("0.2.0")
package org.brainj.analysis;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
