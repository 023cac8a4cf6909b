package io.aidos.core.internal.store;

/** The databases the store runs on. The SQL is shared; only a few statements differ. */
public enum Dialect {
    H2, POSTGRES
}
