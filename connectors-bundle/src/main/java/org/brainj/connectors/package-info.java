/**
 * The connectivity catalog: BrainPy's {@code brainpy.connect} rules and NEST's connection rules
 * as {@link org.brainj.api.connect.Connector} values usable directly from Java, e.g.
 * {@code new FixedProb(0.02).seed(42).connect(4000, 4000)}. Each rule is also registered as a
 * {@link org.brainj.api.connect.ConnectorFactory} service under its reference name.
 *
 * <p>Randomness: each random rule carries a 64-bit seed (drawn once at construction when none is
 * given) and draws from {@link java.util.SplittableRandom} streams keyed by (seed, row); see
 * {@code org.brainj.connectors.internal.Rng}. The same seed gives the same synapses on every JVM
 * and for any number of threads.
 */
@Export
@Version("0.1.0")
package org.brainj.connectors;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
