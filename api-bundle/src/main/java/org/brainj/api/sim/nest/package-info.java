/**
 * A NEST-style facade over the runtime (the reference's port of PyNEST): {@code create},
 * {@code connect} with a rule, population algebra, {@code simulate} returning rates and spikes.
 */
@Export
@Version("0.1.0")
package org.brainj.api.sim.nest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
