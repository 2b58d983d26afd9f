/** The expression IR of the equation language. */
@Export
@Version("0.1.0")
package org.brainj.api.expr;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
