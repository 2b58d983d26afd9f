/**
 * The equation language: the expression IR ({@link org.brainj.api.expr.Expr}) and what works on
 * it (parsing, printing, evaluation, symbolic derivatives, simplification, substitution), and
 * Brian2-style equations ({@link org.brainj.api.expr.Equations}) with dimensional analysis and
 * errors located by line and column.
 */
@Export
@Version("0.2.0")
package org.brainj.api.expr;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
