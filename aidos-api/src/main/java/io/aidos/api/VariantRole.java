package io.aidos.api;

/** What a variant does in a deployment's traffic. */
public enum VariantRole {
    /** Takes the traffic no canary or split takes. */
    PRIMARY,
    /** Takes a percentage of traffic until promoted or rolled back. */
    CANARY,
    /** One arm of an A/B split. */
    SPLIT,
    /** Gets a mirrored copy of some requests; its answers are discarded. */
    SHADOW
}
