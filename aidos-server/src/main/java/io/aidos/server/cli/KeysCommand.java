package io.aidos.server.cli;

import io.aidos.api.AiDos;
import io.aidos.api.AiDosConfig;
import io.aidos.api.InvalidInputException;
import io.aidos.core.internal.identity.Action;
import io.aidos.core.internal.identity.Identity;
import io.aidos.core.internal.identity.NewApiKey;
import io.aidos.core.internal.identity.Principal;
import io.aidos.core.internal.identity.Role;
import io.aidos.core.internal.identity.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code aidos keys create --email E [--role owner|admin|member|viewer]}: on the machine that holds the store (local
 * access is the owner's), creates the user if needed, gives them the role in the organization ({@code --org}, default
 * {@code local}; it must exist), and
 * prints a new API key once. This is how the first key of a fresh server is made.
 */
@Command(name = "keys", description = "API keys for the server.", subcommands = KeysCommand.Create.class)
final class KeysCommand {

    @Command(name = "create", description = "Create a user's API key directly in the store; the key is shown once.")
    static final class Create implements Runnable {
        @Spec
        CommandSpec spec;
        @Option(names = "--store", defaultValue = "${AIDOS_STORE:-local:./aidos-data}")
        String store;
        @Option(names = "--email", required = true)
        String email;
        @Option(names = "--name", defaultValue = "cli")
        String name;
        @Option(names = "--org", defaultValue = "local", description = "Organization id (default: ${DEFAULT-VALUE}).")
        String org;
        @Option(names = "--role", defaultValue = "OWNER", description = "owner, admin, member or viewer.")
        String role;
        @Option(names = "--output", defaultValue = "text")
        Output.Format output;

        @Override
        public void run() {
            Role granted = parseRole(role);
            try (AiDos aidos = AiDos.open(AiDosConfig.builder().uri(store).trainingWorkers(0).build())) {
                Identity identity = ServerCommand.identity(aidos);
                User user = identity.users().findByEmail(email)
                        .orElseGet(() -> identity.users().register(email, randomPassword()));
                identity.organizations().setMember(Principal.localOwner(), org, user.id(), granted);
                Set<Action> scopes = EnumSet.copyOf(granted.allowed());
                scopes.remove(Action.OWN); // keys never carry ownership: they cannot transfer the organization
                NewApiKey key = identity.createApiKey(identity.principalOf(user.id()), org, name,
                        scopes, null, "cli");
                if (output == Output.Format.json) {
                    Map<String, Object> doc = new LinkedHashMap<>();
                    doc.put("api_key", key.secret());
                    doc.put("key_id", key.key().id());
                    doc.put("user", email);
                    doc.put("role", granted.name().toLowerCase(java.util.Locale.ROOT));
                    Output.json(spec.commandLine().getOut(), doc);
                } else {
                    spec.commandLine().getOut().println(key.secret());
                    spec.commandLine().getErr().println("API key for " + email + " (" + granted + "; id "
                            + key.key().id() + "). It is shown only this once: export AIDOS_API_KEY=<the key>");
                }
            }
        }

        private static Role parseRole(String s) {
            try {
                return Role.valueOf(s.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("--role", s, "must be owner, admin, member or viewer");
            }
        }

        /** The user logs in with keys (or OIDC); this password exists only because accounts need one. */
        private static String randomPassword() {
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "-Aa1";
        }
    }
}
