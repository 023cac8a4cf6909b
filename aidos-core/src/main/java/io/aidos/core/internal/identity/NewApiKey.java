package io.aidos.core.internal.identity;

/**
 * A key just created: {@link #secret()} ({@code aidos_<prefix>_<secret>}) is shown to the user once and is not
 * stored; {@link #toString()} leaves it out.
 */
public record NewApiKey(ApiKey key, String secret) {
    @Override
    public String toString() {
        return "NewApiKey[id=" + key.id() + ", prefix=" + key.prefix() + "]";
    }
}
