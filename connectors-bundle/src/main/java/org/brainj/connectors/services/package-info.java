/** The catalog's services: one {@link org.brainj.api.connect.ConnectorFactory} component per connector. */
package org.brainj.connectors.services;
