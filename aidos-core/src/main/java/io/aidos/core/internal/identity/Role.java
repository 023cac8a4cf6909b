package io.aidos.core.internal.identity;

import io.aidos.api.InvalidInputException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A role in an organization and the actions it allows. Each role allows everything the role below it does:
 *
 * <pre>
 * role    | read | write | delete | admin | own
 * viewer  |  x   |       |        |       |
 * member  |  x   |   x   |        |       |
 * admin   |  x   |   x   |   x    |   x   |
 * owner   |  x   |   x   |   x    |   x   |  x
 * </pre>
 */
public enum Role {
    VIEWER(EnumSet.of(Action.READ)),
    MEMBER(EnumSet.of(Action.READ, Action.WRITE)),
    ADMIN(EnumSet.of(Action.READ, Action.WRITE, Action.DELETE, Action.ADMIN)),
    OWNER(EnumSet.allOf(Action.class));

    private final Set<Action> allowed;

    Role(Set<Action> allowed) {
        this.allowed = allowed;
    }

    public boolean allows(Action action) {
        return allowed.contains(action);
    }

    public Set<Action> allowed() {
        return EnumSet.copyOf(allowed);
    }

    /** The stronger of two roles; null counts as no role. */
    public static Role max(Role a, Role b) {
        if (a == null) {
            return b;
        }
        return b == null || a.ordinal() >= b.ordinal() ? a : b;
    }

    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String name) {
        for (Role r : values()) {
            if (r.dbName().equalsIgnoreCase(name)) {
                return r;
            }
        }
        throw new InvalidInputException("role", name, "must be one of owner, admin, member, viewer");
    }
}
