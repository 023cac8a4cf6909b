package io.aidos.core.internal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    @Test
    void owaspArgon2idRoundTrip() {
        PasswordHasher hasher = PasswordHasher.owasp();
        String hash = hasher.hash("correct horse battery staple");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("correct horse");
        assertThat(hasher.verify("correct horse battery staple", hash)).isTrue();
        assertThat(hasher.verify("correct horse battery stapl", hash)).isFalse();
        assertThat(hasher.hash("correct horse battery staple")).as("random salt").isNotEqualTo(hash);
        assertThat(hasher.needsRehash(hash)).isFalse();
    }

    @Test
    void matchesTheReferenceImplementationsOutput() {
        // Known answer from the reference implementation (Debian package argon2):
        // echo -n password | argon2 somesalt -id -t 2 -m 16 -p 1 -l 32 -e
        String reference = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
        assertThat(new PasswordHasher(65536, 2, 1).verify("password", reference)).isTrue();
        assertThat(new PasswordHasher(65536, 2, 1).verify("passwort", reference)).isFalse();
    }

    @Test
    void weakerStoredParametersNeedARehashAndMalformedStringsNeverMatch() {
        PasswordHasher weak = new PasswordHasher(1024, 1, 1);
        String old = weak.hash("some long password");
        assertThat(PasswordHasher.owasp().verify("some long password", old)).isTrue();
        assertThat(PasswordHasher.owasp().needsRehash(old)).isTrue();
        assertThat(weak.verify("x", null)).isFalse();
        assertThat(weak.verify("x", "$2a$10$bcrypt")).isFalse();
        assertThat(weak.verify("x", "$argon2id$v=19$m=x,t=1,p=1$AA$AA")).isFalse();
    }
}
