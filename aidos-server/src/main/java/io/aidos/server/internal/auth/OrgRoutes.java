package io.aidos.server.internal.auth;

import static io.aidos.server.internal.ApiRoute.delete;
import static io.aidos.server.internal.ApiRoute.get;
import static io.aidos.server.internal.ApiRoute.post;
import static io.aidos.server.internal.ApiRoute.put;

import com.fasterxml.jackson.databind.JsonNode;
import io.aidos.api.NotFoundException;
import io.aidos.core.internal.identity.Identity;
import io.aidos.core.internal.identity.Organization;
import io.aidos.core.internal.identity.Principal;
import io.aidos.core.internal.identity.Role;
import io.aidos.core.internal.identity.Team;
import io.aidos.server.internal.ApiRoute;
import io.aidos.server.internal.Json;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Organizations, members and teams. The identity services check every change (admin manages members and teams,
 * only an owner grants or takes the owner role, an organization keeps one owner); this class only maps HTTP.
 */
final class OrgRoutes {
    private static final String TAG = "organizations";
    private static final String ORG = "/api/v1/orgs/{org_id}";
    private final Callers callers;
    private final Identity identity;

    OrgRoutes(Callers callers) {
        this.callers = callers;
        this.identity = callers.identity();
    }

    List<ApiRoute> routes() {
        return List.of(
                post("/api/v1/orgs", TAG, "Create an organization {name}; the caller owns it", this::create),
                get("/api/v1/orgs", TAG, "The caller's organizations and roles", this::list),
                get(ORG + "/members", TAG, "Members and their roles", ctx -> {
                    List<Map<String, Object>> out = new ArrayList<>();
                    identity.organizations().members(callers.of(ctx), ctx.pathParam("org_id"))
                            .forEach((user, role) -> out.add(Map.of("user_id", user, "role", role.dbName())));
                    Json.ok(ctx, out);
                }),
                put(ORG + "/members/{user_id}", TAG, "Add a member or change their {role}", ctx -> {
                    Role role = Role.parse(Callers.required(Callers.body(ctx), "role"));
                    identity.organizations().setMember(callers.of(ctx), ctx.pathParam("org_id"),
                            ctx.pathParam("user_id"), role);
                    Json.ok(ctx, Map.of("user_id", ctx.pathParam("user_id"), "role", role.dbName()));
                }),
                delete(ORG + "/members/{user_id}", TAG, "Remove a member (and from the org's teams)", ctx -> {
                    identity.organizations().removeMember(callers.of(ctx), ctx.pathParam("org_id"),
                            ctx.pathParam("user_id"));
                    Json.ok(ctx, Map.of("removed", true));
                }),
                post(ORG + "/teams", TAG, "Create a team {name, role}", ctx -> {
                    JsonNode body = Callers.body(ctx);
                    Team t = identity.organizations().createTeam(callers.of(ctx), ctx.pathParam("org_id"),
                            Callers.required(body, "name"), Role.parse(Callers.required(body, "role")));
                    Json.respond(ctx, 201, team(t));
                }),
                put(ORG + "/teams/{team_id}/members/{user_id}", TAG, "Add a user to a team", ctx -> {
                    identity.organizations().addToTeam(callers.of(ctx), team(ctx).id(), ctx.pathParam("user_id"));
                    Json.ok(ctx, Map.of("added", true));
                }),
                delete(ORG + "/teams/{team_id}/members/{user_id}", TAG, "Remove a user from a team", ctx -> {
                    identity.organizations().removeFromTeam(callers.of(ctx), team(ctx).id(),
                            ctx.pathParam("user_id"));
                    Json.ok(ctx, Map.of("removed", true));
                }));
    }

    private void create(Context ctx) {
        Principal p = callers.user(ctx);
        Organization o = identity.organizations().create(Callers.required(Callers.body(ctx), "name"), p.userId());
        Json.respond(ctx, 201, Map.of("id", o.id(), "name", o.name(), "role", Role.OWNER.dbName()));
    }

    private void list(Context ctx) {
        Principal p = callers.of(ctx);
        List<Map<String, Object>> out = new ArrayList<>();
        p.roles().forEach((orgId, role) -> {
            Organization o = identity.organizations().get(orgId);
            out.add(Map.of("id", o.id(), "name", o.name(), "role", role.dbName()));
        });
        out.sort(java.util.Comparator.comparing(m -> (String) m.get("name")));
        Json.ok(ctx, out);
    }

    /** The team of the path, which must belong to the path's organization (else 404, as for a missing one). */
    private Team team(Context ctx) {
        Team t = identity.organizations().team(ctx.pathParam("team_id"));
        if (!t.orgId().equals(ctx.pathParam("org_id"))) {
            throw new NotFoundException("team", ctx.pathParam("team_id"));
        }
        return t;
    }

    private static Map<String, Object> team(Team t) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", t.id());
        out.put("org_id", t.orgId());
        out.put("name", t.name());
        out.put("role", t.role().dbName());
        return out;
    }
}
