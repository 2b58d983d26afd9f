package org.brainj.connectors.services;

import org.brainj.api.connect.ConnectorFactory;
import org.brainj.connectors.Nest;
import org.osgi.service.component.annotations.Component;

/** The {@code pairwise_bernoulli} connector as a service. */
@Component(service = ConnectorFactory.class, property = ConnectorFactory.NAME_PROPERTY + "=pairwise_bernoulli")
public final class PairwiseBernoulliFactory extends CatalogFactory {
    public PairwiseBernoulliFactory() {
        super("pairwise_bernoulli", Nest.PAIRWISE_BERNOULLI, Nest::pairwiseBernoulli);
    }
}
