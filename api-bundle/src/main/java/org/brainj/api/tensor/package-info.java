/** Tensors, element types, and the Backend service contract with its operation sets. */
@Export
@Version("0.1.0")
package org.brainj.api.tensor;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
