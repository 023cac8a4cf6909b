package io.aidos.core.internal.identity;

import io.aidos.api.AlreadyExistsException;
import io.aidos.api.ConflictException;
import io.aidos.api.InvalidInputException;
import io.aidos.api.NotFoundException;
import io.aidos.core.internal.store.Database;
import io.aidos.core.internal.store.Ids;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Organizations, memberships and teams. A user's role in an organization is the strongest of their direct
 * membership and the roles of the teams they are in. Changes take the acting principal and check it:
 * {@code admin} manages members and teams, only {@code own} grants or takes the owner role, and the last
 * owner cannot be removed or demoted.
 */
public final class Organizations {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private final Database db;
    private final Authorizer authorizer;
    private final Clock clock;
    private final ExpiringCache<Map<String, Role>> roles; // by user id

    Organizations(Database db, Authorizer authorizer, Clock clock, ExpiringCache<Map<String, Role>> roles) {
        this.db = db;
        this.authorizer = authorizer;
        this.clock = clock;
        this.roles = roles;
    }

    /** Creates an organization owned by {@code ownerUserId}. */
    public Organization create(String name, String ownerUserId) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidInputException("name", name, "must be 1 to 63 lower-case letters, digits or '-'");
        }
        String id = Ids.newId();
        long now = clock.millis();
        Organization created = db.inTransaction("create an organization", c -> {
            if (Database.update(c, "INSERT INTO organizations (id, name, created_at) VALUES (?, ?, ?)"
                    + " ON CONFLICT DO NOTHING", id, name, now) == 0) {
                throw new AlreadyExistsException("organization", name);
            }
            Database.update(c, "INSERT INTO memberships (org_id, user_id, role, created_at) VALUES (?, ?, ?, ?)",
                    id, ownerUserId, Role.OWNER.dbName(), now);
            return new Organization(id, name, now);
        });
        rolesChanged();
        return created;
    }

    public Organization get(String id) {
        return db.queryOne("get an organization", "SELECT id, name, created_at FROM organizations WHERE id = ?",
                rs -> new Organization(rs.getString(1), rs.getString(2), rs.getLong(3)), id)
                .orElseThrow(() -> new NotFoundException("organization", id));
    }

    /** Adds a member or changes their role. */
    public void setMember(Principal actor, String orgId, String userId, Role role) {
        authorizer.require(actor, role == Role.OWNER ? Action.OWN : Action.ADMIN, orgId);
        db.inTransaction("set a member's role", c -> {
            List<String> current = Database.query(c, "SELECT role FROM memberships WHERE org_id = ? AND user_id = ?"
                    + " FOR UPDATE", rs -> rs.getString(1), orgId, userId);
            if (!current.isEmpty() && Role.parse(current.get(0)) == Role.OWNER) {
                authorizer.require(actor, Action.OWN, orgId);
                if (role != Role.OWNER) {
                    requireAnotherOwner(c, orgId, userId);
                }
            }
            if (current.isEmpty()) {
                Database.update(c, "INSERT INTO memberships (org_id, user_id, role, created_at) VALUES (?, ?, ?, ?)",
                        orgId, userId, role.dbName(), clock.millis());
            } else {
                Database.update(c, "UPDATE memberships SET role = ? WHERE org_id = ? AND user_id = ?",
                        role.dbName(), orgId, userId);
            }
            return null;
        });
        rolesChanged();
    }

    public void removeMember(Principal actor, String orgId, String userId) {
        authorizer.require(actor, Action.ADMIN, orgId);
        db.inTransaction("remove a member", c -> {
            List<String> current = Database.query(c, "SELECT role FROM memberships WHERE org_id = ? AND user_id = ?"
                    + " FOR UPDATE", rs -> rs.getString(1), orgId, userId);
            if (current.isEmpty()) {
                throw new NotFoundException("member", userId);
            }
            if (Role.parse(current.get(0)) == Role.OWNER) {
                authorizer.require(actor, Action.OWN, orgId);
                requireAnotherOwner(c, orgId, userId);
            }
            Database.update(c, "DELETE FROM memberships WHERE org_id = ? AND user_id = ?", orgId, userId);
            Database.update(c, "DELETE FROM team_members WHERE user_id = ? AND team_id IN"
                    + " (SELECT id FROM teams WHERE org_id = ?)", userId, orgId);
            return null;
        });
        rolesChanged();
    }

    private static void requireAnotherOwner(java.sql.Connection c, String orgId, String userId)
            throws java.sql.SQLException {
        List<Long> others = Database.query(c, "SELECT COUNT(*) FROM memberships WHERE org_id = ? AND role = ?"
                + " AND user_id <> ?", rs -> rs.getLong(1), orgId, Role.OWNER.dbName(), userId);
        if (others.get(0) == 0) {
            throw new ConflictException("organization " + orgId + " must keep at least one owner");
        }
    }

    /** Direct members and their roles. */
    public Map<String, Role> members(Principal actor, String orgId) {
        authorizer.require(actor, Action.READ, orgId);
        Map<String, Role> out = new HashMap<>();
        db.query("list members", "SELECT user_id, role FROM memberships WHERE org_id = ?",
                rs -> out.put(rs.getString(1), Role.parse(rs.getString(2))), orgId);
        return out;
    }

    /** Creates a team whose members hold {@code role} in the organization; owner teams need {@code own}. */
    public Team createTeam(Principal actor, String orgId, String name, Role role) {
        authorizer.require(actor, role == Role.OWNER ? Action.OWN : Action.ADMIN, orgId);
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidInputException("name", name, "must be 1 to 63 lower-case letters, digits or '-'");
        }
        String id = Ids.newId();
        if (db.update("create a team", "INSERT INTO teams (id, org_id, name, role, created_at) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING", id, orgId, name, role.dbName(), clock.millis()) == 0) {
            throw new AlreadyExistsException("team", name);
        }
        return new Team(id, orgId, name, role);
    }

    public void addToTeam(Principal actor, String teamId, String userId) {
        Team team = team(teamId);
        authorizer.require(actor, team.role() == Role.OWNER ? Action.OWN : Action.ADMIN, team.orgId());
        db.update("add a team member", "INSERT INTO team_members (team_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                teamId, userId);
        rolesChanged();
    }

    public void removeFromTeam(Principal actor, String teamId, String userId) {
        Team team = team(teamId);
        authorizer.require(actor, team.role() == Role.OWNER ? Action.OWN : Action.ADMIN, team.orgId());
        db.update("remove a team member", "DELETE FROM team_members WHERE team_id = ? AND user_id = ?", teamId, userId);
        rolesChanged();
    }

    public Team team(String teamId) {
        return db.queryOne("get a team", "SELECT id, org_id, name, role FROM teams WHERE id = ?",
                rs -> new Team(rs.getString(1), rs.getString(2), rs.getString(3), Role.parse(rs.getString(4))), teamId)
                .orElseThrow(() -> new NotFoundException("team", teamId));
    }

    /** After a membership or team change is stored: they are rare, so every user's cached roles go. */
    private void rolesChanged() {
        roles.forget(any -> true);
    }

    /**
     * The user's effective role in every organization: the strongest of membership and teams. Read less than
     * {@link IdentityConfig#rolesCacheTtl()} ago, or after the last change made through this instance, whichever
     * is later. Unmodifiable.
     */
    public Map<String, Role> rolesOf(String userId) {
        Map<String, Role> cached = roles.get(userId);
        if (cached != null) {
            return cached;
        }
        long generation = roles.generation();
        Map<String, Role> read = new HashMap<>();
        db.query("load a user's roles", "SELECT org_id, role FROM memberships WHERE user_id = ?"
                + " UNION ALL SELECT t.org_id, t.role FROM teams t JOIN team_members m ON m.team_id = t.id"
                + " WHERE m.user_id = ?", rs -> read.merge(rs.getString(1), Role.parse(rs.getString(2)), Role::max),
                userId, userId);
        Map<String, Role> copy = Map.copyOf(read);
        roles.put(userId, copy, generation);
        return copy;
    }
}
