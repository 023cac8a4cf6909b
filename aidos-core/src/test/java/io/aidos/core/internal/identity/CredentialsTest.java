package io.aidos.core.internal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aidos.api.InvalidInputException;
import org.junit.jupiter.api.Test;

class CredentialsTest {
    @Test
    void emailsAreCheckedAndNormalized() {
        assertThat(Credentials.email("  Ada.Lovelace@Example.ORG ")).isEqualTo("ada.lovelace@example.org");
        assertThatThrownBy(() -> Credentials.email("ada@localhost")).isInstanceOf(InvalidInputException.class)
                .hasMessage("email must be an address like name@example.com but was 'ada@localhost'");
        assertThatThrownBy(() -> Credentials.email("")).hasMessageStartingWith("email must not be empty");
        assertThatThrownBy(() -> Credentials.email("a b@example.org")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void passwordPolicyMessagesNeverEchoThePassword() {
        assertThatThrownBy(() -> Credentials.password("short1", "ada@example.org"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("password must have at least 12 characters but had 6")
                .satisfies(e -> assertThat(((InvalidInputException) e).value()).isNull());
        assertThatThrownBy(() -> Credentials.password("aaaaaaaaaaaaaaaa", "ada@example.org"))
                .hasMessage("password must not repeat a single character");
        assertThatThrownBy(() -> Credentials.password("my-name-is-lovelace!", "lovelace@example.org"))
                .hasMessage("password must not contain the email's name");
        assertThatThrownBy(() -> Credentials.password("x".repeat(200) + "y".repeat(57), "ada@example.org"))
                .hasMessage("password must have at most 256 characters but had 257");
        Credentials.password("correct horse battery staple", "ada@example.org");
    }
}
