/** Exceptions shared by every part of the BrainJ API. */
@Export
@Version("0.2.0")
package org.brainj.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
