/**
 * Synaptic connectivity (BrainPy's {@code brainpy.connect}): a {@link org.brainj.api.connect.Connector}
 * turns the pre- and post-synaptic geometries into a {@link org.brainj.api.connect.Connectivity}
 * (CSR arrays, optional per-synapse weights, and the reference's derived structures on request);
 * catalogs register a {@link org.brainj.api.connect.ConnectorFactory} per connector.
 */
@Export
@Version("0.2.0")
package org.brainj.api.connect;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
