/**
 * The contract of dynamics analysis as a service: an {@link org.brainj.api.analysis.AnalysisJob}
 * (the reference's {@code PhasePlane}, {@code Bifurcation} and {@code FastSlowBifurcation}
 * arguments) handed to a {@link org.brainj.api.analysis.DynamicsAnalysis}, which writes
 * {@code analysis.json} and the pictures. The analysis bundle provides it; the launcher's
 * {@code brainj analyze} calls it. {@link org.brainj.api.analysis.SpikeMeasures} names the
 * reference's spike measures for the launcher's sweeps.
 */
@Export
@Version("0.3.0")
package org.brainj.api.analysis;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
