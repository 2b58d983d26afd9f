/** Step programs: what integrators produce and backends compile into one kernel per group step. */
@Export
@Version("0.2.0")
package org.brainj.api.program;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
