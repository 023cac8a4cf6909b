package io.aidos.core.internal.search;

/** What a filter or order-by clause names: {@code metrics.loss}, {@code params.lr}, {@code attributes.status}. */
record Field(Entity entity, String key) {

    enum Entity {
        METRIC, PARAM, TAG, ATTRIBUTE
    }

    /** Attributes that compare as numbers; the other attributes compare as text. */
    boolean numeric() {
        return entity == Entity.METRIC || entity == Entity.ATTRIBUTE && (key.equals("start_time")
                || key.equals("end_time"));
    }
}
