package io.aidos.core.internal.search;

/**
 * What a filter clause compares or an order-by clause sorts: {@code metrics.accuracy} is (METRIC, "accuracy");
 * for attributes the key is the {@link Attribute}'s column name.
 */
record Target(Entity entity, String key) {

    static Target of(Attribute attribute) {
        return new Target(Entity.ATTRIBUTE, attribute.column());
    }

    /** The attribute, or null unless the entity is {@link Entity#ATTRIBUTE}. */
    Attribute attribute() {
        return entity == Entity.ATTRIBUTE ? Attribute.named(key) : null;
    }

    /** Metrics and time attributes hold numbers; everything else holds strings. */
    boolean numeric() {
        return entity == Entity.METRIC || (entity == Entity.ATTRIBUTE && attribute().numeric());
    }

    @Override
    public String toString() {
        return entity.prefix() + "." + key;
    }
}
