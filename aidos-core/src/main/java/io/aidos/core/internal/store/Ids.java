package io.aidos.core.internal.store;

import java.util.HexFormat;
import java.util.UUID;

/** Store-assigned ids: 32 lower-case hex digits of a random UUID, as MLflow's run ids. */
public final class Ids {
    private Ids() {
    }

    public static String newId() {
        UUID u = UUID.randomUUID();
        return HexFormat.of().toHexDigits(u.getMostSignificantBits()) + HexFormat.of().toHexDigits(u.getLeastSignificantBits());
    }
}
