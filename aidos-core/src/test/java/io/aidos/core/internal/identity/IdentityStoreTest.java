package io.aidos.core.internal.identity;

import io.aidos.core.LogCapture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.aidos.api.AiDos;
import io.aidos.api.AiDosConfig;
import io.aidos.api.AiDosException;
import io.aidos.api.AlreadyExistsException;
import io.aidos.api.AuthenticationException;
import io.aidos.api.ConflictException;
import io.aidos.api.InvalidInputException;
import io.aidos.api.PermissionDeniedException;
import io.aidos.core.internal.LocalAiDos;
import io.aidos.core.internal.store.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Identity and access on a real store (H2 and PostgreSQL subclasses): logins and lockout, access and refresh
 * tokens under attack, API keys, roles, MFA, the audit log's append-only guard, and secrets kept out of logs.
 * One store per class; each test uses its own users and organizations.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IdentityStoreTest {
    static final String PASSWORD = "correct horse battery staple";
    private Path temp;
    private AiDosConfig config;
    private AiDos aidos;
    Database db;
    final MutableClock clock = new MutableClock(Instant.now());
    Identity identity;

    protected abstract AiDosConfig freshStore(Path tempDir);

    protected void dropStore(AiDosConfig config) {
    }

    @BeforeAll
    void open() throws Exception {
        temp = Files.createTempDirectory("aidos-identity");
        config = freshStore(temp);
        aidos = AiDos.open(config);
        db = ((LocalAiDos) aidos).database();
        identity = Identity.open(db, settings().build());
    }

    /** Cheap Argon2id parameters keep the suite fast; PasswordHasherTest covers OWASP's. */
    IdentityConfig.Builder settings() {
        return IdentityConfig.builder().passwordHasher(new PasswordHasher(1024, 1, 1)).maxFailedLogins(3)
                .lockout(Duration.ofMinutes(15)).clock(clock);
    }

    @AfterAll
    void close() {
        aidos.close();
        dropStore(config);
    }

    static String email() {
        return "user-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    User newUser() {
        return identity.users().register(email(), PASSWORD);
    }

    @Test
    void registeredUsersLogInAndTheirAccessTokenNamesThem() {
        String email = email();
        User user = identity.users().register(email.toUpperCase(), PASSWORD);
        assertThat(user.email()).isEqualTo(email);
        TokenPair tokens = identity.login(email, PASSWORD, null, "10.0.0.1");
        Principal p = identity.authenticate(tokens.accessToken());
        assertThat(p.kind()).isEqualTo(Principal.Kind.USER);
        assertThat(p.userId()).isEqualTo(user.id());
        assertThat(tokens.accessTokenExpiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
        assertThatThrownBy(() -> identity.users().register(email, PASSWORD)).isInstanceOf(AlreadyExistsException.class);
        assertThatThrownBy(() -> identity.users().register(email(), "short")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least 12 characters");
        String stored = db.queryOne("read", "SELECT password_hash FROM users WHERE id = ?", rs -> rs.getString(1),
                user.id()).orElseThrow();
        assertThat(stored).startsWith("$argon2id$").doesNotContain(PASSWORD);
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
        User user = newUser();
        String wrong = catchMessage(() -> identity.login(user.email(), "not the password!", null, "10.0.0.1"));
        String unknown = catchMessage(() -> identity.login(email(), PASSWORD, null, "10.0.0.1"));
        String malformed = catchMessage(() -> identity.login("not-an-email", PASSWORD, null, "10.0.0.1"));
        assertThat(wrong).isEqualTo(unknown).isEqualTo(malformed).isEqualTo(PasswordLogins.FAILED);
    }

    @Test
    void repeatedFailuresLockTheAccountEvenForTheRightPasswordUntilTheLockoutEnds() {
        User user = newUser();
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> identity.login(user.email(), "wrong password " + 0, null, "10.0.0.2"))
                    .isInstanceOf(AuthenticationException.class);
        }
        assertThatThrownBy(() -> identity.login(user.email(), PASSWORD, null, "10.0.0.2"))
                .isInstanceOf(AuthenticationException.class).hasMessage(PasswordLogins.FAILED);
        clock.advance(Duration.ofMinutes(16));
        assertThat(identity.login(user.email(), PASSWORD, null, "10.0.0.2").accessToken()).isNotBlank();
        // A success resets the count: two more failures do not lock.
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> identity.login(user.email(), "wrong password", null, "10.0.0.2"))
                    .isInstanceOf(AuthenticationException.class);
        }
        assertThat(identity.login(user.email(), PASSWORD, null, "10.0.0.2").accessToken()).isNotBlank();
    }

    @Test
    void expiredForgedAndTamperedAccessTokensAreRejected() throws Exception {
        User user = newUser();
        String token = identity.login(user.email(), PASSWORD, null, null).accessToken();
        SignedJWT original = SignedJWT.parse(token);
        String[] parts = token.split("\\.");

        // Changed payload, original signature.
        JWTClaimsSet forgedClaims = new JWTClaimsSet.Builder(original.getJWTClaimsSet()).subject("someone-else").build();
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(forgedClaims.toString().getBytes(StandardCharsets.UTF_8));
        assertRejected(parts[0] + "." + payload + "." + parts[2]);

        // Signed by another key that claims the server's kid.
        ECKey attacker = new ECKeyGenerator(Curve.P_256).keyID(original.getHeader().getKeyID()).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(original.getHeader().getKeyID()).build(), forgedClaims);
        forged.sign(new ECDSASigner(attacker));
        assertRejected(forged.serialize());

        // alg: none.
        assertRejected(new PlainJWT(forgedClaims).serialize());
        assertRejected(new PlainJWT(original.getJWTClaimsSet()).serialize());
        // Garbage and truncation.
        assertRejected("not a token");
        assertRejected(parts[0] + "." + parts[1] + ".");

        // Right key, wrong issuer or audience: another deployment sharing the store.
        Identity other = Identity.open(db, settings().issuer("other").build());
        assertThatThrownBy(() -> other.authenticate(token)).isInstanceOf(AuthenticationException.class);
        Identity otherAudience = Identity.open(db, settings().audience("other").build());
        assertThatThrownBy(() -> otherAudience.authenticate(token)).isInstanceOf(AuthenticationException.class);

        assertThat(identity.authenticate(token).userId()).isEqualTo(user.id());
        clock.advance(Duration.ofMinutes(16));
        assertRejected(token);
    }

    @Test
    void rotatingTheSigningKeyKeepsOldTokensUntilTheKeyIsRetired() throws Exception {
        User user = newUser();
        String before = identity.login(user.email(), PASSWORD, null, null).accessToken();
        String oldKid = SignedJWT.parse(before).getHeader().getKeyID();
        String newKid = identity.signingKeys().rotate();
        String after = identity.login(user.email(), PASSWORD, null, null).accessToken();
        assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isEqualTo(newKid);
        assertThat(identity.authenticate(before).userId()).isEqualTo(user.id());
        assertThat(identity.signingKeys().publicKeys().getKeys()).allSatisfy(k -> assertThat(k.isPrivate()).isFalse());
        identity.signingKeys().retire(oldKid);
        assertRejected(before);
        assertThat(identity.authenticate(after).userId()).isEqualTo(user.id());
    }

    @Test
    void refreshTokensRotateAndReusingAnOldOneRevokesTheFamily() {
        User user = newUser();
        TokenPair first = identity.login(user.email(), PASSWORD, null, null);
        TokenPair second = identity.refresh(first.refreshToken());
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(identity.authenticate(second.accessToken()).userId()).isEqualTo(user.id());
        TokenPair third = identity.refresh(second.refreshToken());

        // The stolen first token comes back: rejected, and the whole family with it.
        assertThatThrownBy(() -> identity.refresh(first.refreshToken())).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> identity.refresh(third.refreshToken())).isInstanceOf(AuthenticationException.class);

        // Other sessions of the same user are untouched; logout and expiry end them.
        TokenPair other = identity.login(user.email(), PASSWORD, null, null);
        TokenPair otherNext = identity.refresh(other.refreshToken());
        identity.logout(otherNext.refreshToken());
        assertThatThrownBy(() -> identity.refresh(otherNext.refreshToken())).isInstanceOf(AuthenticationException.class);
        TokenPair late = identity.login(user.email(), PASSWORD, null, null);
        clock.advance(Duration.ofDays(31));
        assertThatThrownBy(() -> identity.refresh(late.refreshToken())).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> identity.refresh("rt_made-up")).isInstanceOf(AuthenticationException.class);

        List<String> stored = db.query("read", "SELECT token_hash FROM refresh_tokens WHERE user_id = ?",
                rs -> rs.getString(1), user.id());
        assertThat(stored).hasSize(6).noneMatch(h -> h.equals(first.refreshToken()))
                .contains(Secrets.sha256Hex(first.refreshToken()));
    }

    @Test
    void apiKeysAuthenticateWithinTheirScopesUntilRevokedOrExpired() {
        User user = newUser();
        Organization org = identity.organizations().create("keys-" + suffix(), user.id());
        Principal owner = identity.principalOf(user.id());
        NewApiKey created = identity.createApiKey(owner, org.id(), "ci", EnumSet.of(Action.READ), null, "10.0.0.3");
        assertThat(created.secret()).startsWith("aidos_" + created.key().prefix() + "_");
        assertThat(created.toString()).doesNotContain(created.secret());

        Principal viaKey = identity.authenticate(created.secret());
        assertThat(viaKey.kind()).isEqualTo(Principal.Kind.API_KEY);
        assertThat(viaKey.userId()).isEqualTo(user.id());
        assertThat(viaKey.can(Action.READ, org.id())).isTrue();
        assertThat(viaKey.can(Action.WRITE, org.id())).as("scope limits the owner's role").isFalse();
        assertThat(viaKey.can(Action.READ, Principal.LOCAL_ORG)).isFalse();
        assertThat(identity.apiKeys().get(created.key().id()).lastUsedAt()).isEqualTo(clock.instant().truncatedTo(
                java.time.temporal.ChronoUnit.MILLIS));
        assertThatThrownBy(() -> identity.createApiKey(viaKey, org.id(), "nested", EnumSet.of(Action.READ), null, null))
                .isInstanceOf(PermissionDeniedException.class);

        String row = db.queryOne("read", "SELECT prefix || ' ' || secret_hash FROM api_keys WHERE id = ?",
                rs -> rs.getString(1), created.key().id()).orElseThrow();
        // The random part may itself hold '_' (base64url), so cut the known "aidos_<prefix>_" head, not at the last '_'.
        String randomPart = created.secret().substring(("aidos_" + created.key().prefix() + "_").length());
        assertThat(randomPart).hasSizeGreaterThanOrEqualTo(40);
        assertThat(row).doesNotContain(randomPart);

        String wrongSecret = "aidos_" + created.key().prefix() + "_" + Secrets.randomToken(32);
        assertThatThrownBy(() -> identity.authenticate(wrongSecret)).isInstanceOf(AuthenticationException.class);
        identity.revokeApiKey(owner, created.key().id(), null);
        assertThatThrownBy(() -> identity.authenticate(created.secret())).isInstanceOf(AuthenticationException.class);

        NewApiKey shortLived = identity.createApiKey(owner, org.id(), "tmp", EnumSet.of(Action.READ, Action.WRITE),
                clock.instant().plus(Duration.ofHours(1)), null);
        assertThat(identity.authenticate(shortLived.secret()).can(Action.WRITE, org.id())).isTrue();
        clock.advance(Duration.ofHours(1));
        assertThatThrownBy(() -> identity.authenticate(shortLived.secret())).isInstanceOf(AuthenticationException.class);

        // A viewer cannot mint a key with more than they may do.
        User viewer = newUser();
        identity.organizations().setMember(owner, org.id(), viewer.id(), Role.VIEWER);
        assertThatThrownBy(() -> identity.createApiKey(identity.principalOf(viewer.id()), org.id(), "x",
                EnumSet.of(Action.WRITE), null, null)).isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void aCachedApiKeyIsRefusedAtOnceWhenRevokedHereAndWithinTheTtlWhenRevokedByAnotherProcess() {
        User user = newUser();
        Organization org = identity.organizations().create("cache-" + suffix(), user.id());
        Principal owner = identity.principalOf(user.id());
        NewApiKey here = identity.createApiKey(owner, org.id(), "here", EnumSet.of(Action.READ), null, null);
        assertThat(identity.authenticate(here.secret()).apiKeyId()).isEqualTo(here.key().id()); // now cached
        assertThat(identity.authenticate(here.secret()).apiKeyId()).isEqualTo(here.key().id());
        identity.revokeApiKey(owner, here.key().id(), null);
        assertThatThrownBy(() -> identity.authenticate(here.secret())).isInstanceOf(AuthenticationException.class);

        // Another server process on the same store revokes: this one notices when its cache entry expires.
        Identity otherProcess = Identity.open(db, settings().build());
        NewApiKey there = identity.createApiKey(owner, org.id(), "there", EnumSet.of(Action.READ), null, null);
        assertThat(identity.authenticate(there.secret()).apiKeyId()).isEqualTo(there.key().id());
        otherProcess.revokeApiKey(owner, there.key().id(), null);
        assertThatThrownBy(() -> otherProcess.authenticate(there.secret())).isInstanceOf(AuthenticationException.class);
        assertThat(identity.authenticate(there.secret()).apiKeyId()).as("cached for up to the TTL")
                .isEqualTo(there.key().id());
        clock.advance(identity.config().apiKeyCacheTtl());
        assertThatThrownBy(() -> identity.authenticate(there.secret())).isInstanceOf(AuthenticationException.class);

        // A wrong secret with a cached key's prefix misses the cache (it is keyed by the whole key).
        NewApiKey third = identity.createApiKey(owner, org.id(), "third", EnumSet.of(Action.READ), null, null);
        identity.authenticate(third.secret());
        assertThatThrownBy(() -> identity.authenticate("aidos_" + third.key().prefix() + "_" + Secrets.randomToken(32)))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void rolesAreReadOnceAChangeHereAppliesAtOnceAndAnotherProcessesWithinTheTtl() {
        User owner = newUser();
        User member = newUser();
        Organization org = identity.organizations().create("roles-" + suffix(), owner.id());
        Principal ownerP = identity.principalOf(owner.id());
        identity.organizations().setMember(ownerP, org.id(), member.id(), Role.MEMBER);
        NewApiKey key = identity.createApiKey(identity.principalOf(member.id()), org.id(), "k",
                EnumSet.of(Action.READ, Action.WRITE), null, null);
        assertThat(identity.authenticate(key.secret()).can(Action.WRITE, org.id())).isTrue();

        // A change through this instance applies to the very next request.
        identity.organizations().setMember(ownerP, org.id(), member.id(), Role.VIEWER);
        assertThat(identity.authenticate(key.secret()).can(Action.WRITE, org.id())).isFalse();
        assertThat(identity.authenticate(key.secret()).can(Action.READ, org.id())).isTrue();
        Team writers = identity.organizations().createTeam(ownerP, org.id(), "writers", Role.MEMBER);
        identity.organizations().addToTeam(ownerP, writers.id(), member.id());
        assertThat(identity.principalOf(member.id()).can(Action.WRITE, org.id())).isTrue();
        identity.organizations().removeFromTeam(ownerP, writers.id(), member.id());
        assertThat(identity.principalOf(member.id()).can(Action.WRITE, org.id())).isFalse();

        // Another server process removes the member: this one still has the roles for up to the TTL.
        Identity otherProcess = Identity.open(db, settings().build());
        otherProcess.organizations().removeMember(otherProcess.principalOf(owner.id()), org.id(), member.id());
        assertThat(otherProcess.authenticate(key.secret()).can(Action.READ, org.id())).isFalse();
        assertThat(identity.authenticate(key.secret()).can(Action.READ, org.id())).as("cached for up to the TTL")
                .isTrue();
        clock.advance(identity.config().rolesCacheTtl());
        assertThat(identity.authenticate(key.secret()).can(Action.READ, org.id())).isFalse();

        // With no cache, every request reads the roles again.
        Identity uncached = Identity.open(db, settings().rolesCacheTtl(Duration.ZERO).build());
        identity.organizations().setMember(ownerP, org.id(), member.id(), Role.VIEWER);
        assertThat(uncached.principalOf(member.id()).can(Action.READ, org.id())).isTrue();
        otherProcess.organizations().removeMember(otherProcess.principalOf(owner.id()), org.id(), member.id());
        assertThat(uncached.principalOf(member.id()).can(Action.READ, org.id())).isFalse();
    }

    @Test
    void rolesDecideWhatMembersMayDoAndOrganizationsAreIsolated() {
        User owner = newUser();
        User viewer = newUser();
        User teamAdmin = newUser();
        User outsider = newUser();
        Organization org = identity.organizations().create("acme-" + suffix(), owner.id());
        Organization other = identity.organizations().create("other-" + suffix(), outsider.id());
        Principal ownerP = identity.principalOf(owner.id());
        identity.organizations().setMember(ownerP, org.id(), viewer.id(), Role.VIEWER);
        Team admins = identity.organizations().createTeam(ownerP, org.id(), "admins", Role.ADMIN);
        identity.organizations().addToTeam(ownerP, admins.id(), teamAdmin.id());

        Principal viewerP = identity.principalOf(viewer.id());
        Principal adminP = identity.principalOf(teamAdmin.id());
        Principal outsiderP = identity.principalOf(outsider.id());
        identity.require(viewerP, Action.READ, org.id());
        assertThatThrownBy(() -> identity.require(viewerP, Action.WRITE, org.id()))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("may not write");
        identity.require(adminP, Action.DELETE, org.id());
        assertThat(adminP.roleIn(org.id())).hasValue(Role.ADMIN);
        assertThatThrownBy(() -> identity.require(outsiderP, Action.READ, org.id()))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> identity.require(ownerP, Action.READ, other.id()))
                .isInstanceOf(PermissionDeniedException.class);

        // Admins manage members but cannot make owners; the last owner stays.
        identity.organizations().setMember(adminP, org.id(), outsider.id(), Role.MEMBER);
        assertThat(identity.principalOf(outsider.id()).roleIn(org.id())).hasValue(Role.MEMBER);
        assertThatThrownBy(() -> identity.organizations().setMember(adminP, org.id(), outsider.id(), Role.OWNER))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> identity.organizations().setMember(viewerP, org.id(), outsider.id(), Role.ADMIN))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> identity.organizations().removeMember(ownerP, org.id(), owner.id()))
                .isInstanceOf(ConflictException.class);
        identity.organizations().removeMember(adminP, org.id(), viewer.id());
        assertThat(identity.principalOf(viewer.id()).roleIn(org.id())).isEmpty();
        assertThat(identity.organizations().members(ownerP, org.id())).containsOnlyKeys(owner.id(), outsider.id());
    }

    @Test
    void resourcesBelongToTheLocalOrganizationUntilAssigned() {
        db.update("seed", "INSERT INTO experiments (name, lifecycle_stage, created_at, updated_at)"
                + " VALUES (?, 'active', 0, 0)", "exp-" + suffix());
        long id = db.queryOne("read", "SELECT MAX(id) FROM experiments", rs -> rs.getLong(1)).orElseThrow();
        ResourceOrgs orgs = identity.resources();
        assertThat(orgs.orgOf(ResourceKind.EXPERIMENT, Long.toString(id))).hasValue(Principal.LOCAL_ORG);
        Principal local = Principal.localOwner();
        identity.authorizer().requireOnResource(local, Action.DELETE, ResourceKind.EXPERIMENT, Long.toString(id));

        User user = newUser();
        Organization org = identity.organizations().create("res-" + suffix(), user.id());
        orgs.assign(ResourceKind.EXPERIMENT, Long.toString(id), org.id());
        Principal p = identity.principalOf(user.id());
        identity.authorizer().requireOnResource(p, Action.WRITE, ResourceKind.EXPERIMENT, Long.toString(id));
        User stranger = newUser();
        assertThatThrownBy(() -> identity.authorizer().requireOnResource(identity.principalOf(stranger.id()),
                Action.READ, ResourceKind.EXPERIMENT, Long.toString(id))).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> identity.authorizer().requireOnResource(p, Action.READ, ResourceKind.DATASET,
                "no-such-dataset")).isInstanceOf(PermissionDeniedException.class);
        assertThat(orgs.orgOf(ResourceKind.JOB, "nope")).isEmpty();
    }

    @Test
    void mfaNeedsASecondFactorThatCannotBeReplayedAndRecoveryCodesWorkOnce() {
        User user = newUser();
        TotpEnrolment enrolment = identity.mfa().enrol(user.id(), user.email());
        assertThat(enrolment.otpauthUri()).startsWith("otpauth://totp/aidos:" + user.email().replace("@", "%40"))
                .contains("secret=" + enrolment.secret()).contains("issuer=aidos").contains("digits=6")
                .contains("period=30");
        assertThat(enrolment.recoveryCodes()).hasSize(10).doesNotHaveDuplicates();
        assertThat(identity.mfa().enabled(user.id())).isFalse();
        identity.mfa().confirm(user.id(), code(enrolment, 0));
        assertThat(identity.mfa().enabled(user.id())).isTrue();

        assertThatThrownBy(() -> identity.login(user.email(), PASSWORD, null, null))
                .isInstanceOf(MfaRequiredException.class);
        clock.advance(Duration.ofSeconds(30));
        String code = code(enrolment, 0);
        assertThat(identity.login(user.email(), PASSWORD, code, null).accessToken()).isNotBlank();
        assertThatThrownBy(() -> identity.login(user.email(), PASSWORD, code, null))
                .as("the same code again").isInstanceOf(AuthenticationException.class)
                .isNotInstanceOf(MfaRequiredException.class);
        // The previous step's code is inside the window but older than the one used: also a replay.
        assertThat(identity.mfa().verify(user.id(), code(enrolment, -1))).isFalse();
        assertThat(identity.mfa().verify(user.id(), code(enrolment, 1))).as("next step, within the window").isTrue();

        String recovery = enrolment.recoveryCodes().get(3);
        assertThat(identity.login(user.email(), PASSWORD, recovery.toUpperCase(), null).accessToken()).isNotBlank();
        assertThatThrownBy(() -> identity.login(user.email(), PASSWORD, recovery, null))
                .isInstanceOf(AuthenticationException.class);
        assertThat(identity.mfa().recoveryCodesLeft(user.id())).isEqualTo(9);
        List<String> stored = db.query("read", "SELECT code_hash FROM recovery_codes WHERE user_id = ?",
                rs -> rs.getString(1), user.id());
        assertThat(String.join(",", stored)).doesNotContain(recovery.replace("-", ""));
    }

    private String code(TotpEnrolment enrolment, int stepOffset) {
        long step = Totp.step(clock.instant().getEpochSecond()) + stepOffset;
        return new Totp(Totp.Algorithm.SHA1, 6).code(Base32.decode(enrolment.secret()), step);
    }

    @Test
    void theAuditLogIsAppendOnlyAndReadableByAdminsOnly() {
        User owner = newUser();
        User member = newUser();
        Organization org = identity.organizations().create("audit-" + suffix(), owner.id());
        Principal ownerP = identity.principalOf(owner.id());
        identity.organizations().setMember(ownerP, org.id(), member.id(), Role.MEMBER);
        Principal memberP = identity.principalOf(member.id());
        for (int i = 0; i < 5; i++) {
            identity.audit().append(AuditEvent.of(memberP, "dataset.create", "dataset", "d" + i, org.id(), "10.1.1.1",
                    AuditEvent.Outcome.SUCCESS, null));
        }
        identity.audit().append(AuditEvent.of(memberP, "dataset.delete", "dataset", "d0", org.id(), "10.1.1.1",
                AuditEvent.Outcome.DENIED, "needs delete"));
        identity.audit().append(AuditEvent.of(ownerP, "dataset.delete", "dataset", "d0", org.id(), "10.1.1.2",
                AuditEvent.Outcome.SUCCESS, null));

        List<AuditEvent> all = identity.audit().query(ownerP, AuditQuery.of(org.id()));
        assertThat(all).hasSize(7).isSortedAccordingTo((a, b) -> Long.compare(b.id(), a.id()));
        assertThat(identity.audit().query(ownerP, AuditQuery.of(org.id()).actor(member.id()))).hasSize(6);
        assertThat(identity.audit().query(ownerP, AuditQuery.of(org.id()).action("dataset.delete")))
                .extracting(AuditEvent::outcome).containsExactly(AuditEvent.Outcome.SUCCESS, AuditEvent.Outcome.DENIED);
        List<AuditEvent> page1 = identity.audit().query(ownerP, AuditQuery.of(org.id()).page(null, 4));
        List<AuditEvent> page2 = identity.audit().query(ownerP, AuditQuery.of(org.id()).page(page1.get(3).id(), 4));
        assertThat(page1).hasSize(4);
        assertThat(page2).hasSize(3);
        assertThat(identity.audit().query(ownerP, AuditQuery.of(org.id())
                .between(clock.instant().plusSeconds(1), null))).isEmpty();
        assertThat(all.get(0).address()).isEqualTo("10.1.1.2");
        assertThat(all.get(0).time()).isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));

        assertThatThrownBy(() -> identity.audit().query(memberP, AuditQuery.of(org.id())))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> identity.audit().query(ownerP, AuditQuery.of(null)))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(identity.audit().query(Principal.localOwner(), AuditQuery.of(null))).hasSizeGreaterThanOrEqualTo(7);

        long id = all.get(0).id();
        assertThatThrownBy(() -> db.update("tamper", "UPDATE audit_log SET outcome = 'DENIED' WHERE id = ?", id))
                .isInstanceOf(AiDosException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.update("tamper", "DELETE FROM audit_log WHERE id = ?", id))
                .isInstanceOf(AiDosException.class).hasMessageContaining("append-only");
        assertThat(identity.audit().query(ownerP, AuditQuery.of(org.id()))).hasSize(7);
    }

    @Test
    void loginsAndKeyCreationAreAudited() {
        User user = newUser();
        identity.login(user.email(), PASSWORD, null, "192.0.2.7");
        assertThatThrownBy(() -> identity.login(user.email(), "bad password!!", null, "192.0.2.8"))
                .isInstanceOf(AuthenticationException.class);
        List<AuditEvent> events = identity.audit().query(Principal.localOwner(),
                AuditQuery.of(null).action("login.password").page(null, 1000));
        assertThat(events).anySatisfy(e -> {
            assertThat(e.actorId()).isEqualTo(user.id());
            assertThat(e.address()).isEqualTo("192.0.2.7");
            assertThat(e.outcome()).isEqualTo(AuditEvent.Outcome.SUCCESS);
        }).anySatisfy(e -> {
            assertThat(e.actorId()).isEqualTo(user.email());
            assertThat(e.address()).isEqualTo("192.0.2.8");
            assertThat(e.outcome()).isEqualTo(AuditEvent.Outcome.FAILURE);
        });
        assertThat(events).allSatisfy(e -> assertThat(String.valueOf(e.detail())).doesNotContain("bad password"));
    }

    @Test
    void theLocalOwnerMayDoEverythingWithoutLogin() {
        Principal local = Principal.localOwner();
        for (Action a : Action.values()) {
            identity.require(local, a, Principal.LOCAL_ORG);
        }
        assertThat(local.roleIn(Principal.LOCAL_ORG)).hasValue(Role.OWNER);
        assertThat(local.describe()).isEqualTo("local owner");
    }

    @Test
    void secretsNeverReachTheLogs() {
        String email = email();
        String[] secrets = new String[6];
        String logged = LogCapture.during(() -> {
            User user = identity.users().register(email, PASSWORD);
            try {
                identity.login(email, PASSWORD + "x", null, null);
            } catch (AuthenticationException e) {
                assertThat(e.getMessage()).doesNotContain(PASSWORD);
            }
            TokenPair tokens = identity.login(email, PASSWORD, null, null);
            TokenPair next = identity.refresh(tokens.refreshToken());
            Organization logsOrg = identity.organizations().create("logs-" + suffix(), user.id());
            NewApiKey key = identity.createApiKey(identity.principalOf(user.id()), logsOrg.id(), "k",
                    Set.of(Action.READ), null, null);
            identity.authenticate(key.secret());
            TotpEnrolment enrolment = identity.mfa().enrol(user.id(), email);
            secrets[0] = tokens.accessToken();
            secrets[1] = tokens.refreshToken();
            secrets[2] = next.refreshToken();
            secrets[3] = key.secret();
            secrets[4] = enrolment.secret();
            secrets[5] = enrolment.recoveryCodes().get(0);
            // What a careless caller might log: the values' toString.
            org.slf4j.LoggerFactory.getLogger(Identity.class).debug("issued {} {} {}", tokens, key, enrolment);
        });
        assertThat(logged).contains("issued TokenPair[");
        assertThat(logged).doesNotContain(PASSWORD);
        for (String s : secrets) {
            assertThat(logged).doesNotContain(s);
        }
        List<String> auditText = db.query("read", "SELECT actor_id || ' ' || action || ' ' || COALESCE(detail, '')"
                + " FROM audit_log", rs -> rs.getString(1));
        for (String s : secrets) {
            assertThat(String.join("\n", auditText)).doesNotContain(s);
        }
        assertThat(String.join("\n", auditText)).doesNotContain(PASSWORD);
    }

    @Test
    void signingKeysAreSealedWhenAKeyEncryptionKeyIsConfigured() {
        byte[] kek = Secrets.randomBytes(32);
        Identity sealed = Identity.open(db, settings().keyEncryptionKey(kek).build());
        String kid = sealed.signingKeys().rotate();
        String stored = db.queryOne("read", "SELECT private_jwk FROM signing_keys WHERE kid = ?",
                rs -> rs.getString(1), kid).orElseThrow();
        assertThat(stored).startsWith("enc:v1:").doesNotContain("\"d\"");
        User user = newUser();
        String token = sealed.login(user.email(), PASSWORD, null, null).accessToken();
        assertThat(sealed.authenticate(token).userId()).isEqualTo(user.id());
        sealed.signingKeys().retire(kid);
        assertThat(Map.of("kek", kek.length)).containsEntry("kek", 32);
    }

    private void assertRejected(String token) {
        assertThatThrownBy(() -> identity.authenticate(token)).isInstanceOf(AuthenticationException.class)
                .hasMessage("invalid or expired access token");
    }

    private static String catchMessage(Runnable r) {
        try {
            r.run();
        } catch (AuthenticationException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected an AuthenticationException");
    }

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
