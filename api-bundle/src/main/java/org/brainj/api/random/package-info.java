/** The counter-based random generator (Philox4x32-10) that every backend reproduces. */
@Export
@Version("0.2.0")
package org.brainj.api.random;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
