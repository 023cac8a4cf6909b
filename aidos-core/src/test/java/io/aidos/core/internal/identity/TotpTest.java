package io.aidos.core.internal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RFC 6238 Appendix B test vectors, exactly, plus the verification window. */
class TotpTest {
    private static final byte[] SEED_SHA1 = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED_SHA256 = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED_SHA512 =
            "1234567890123456789012345678901234567890123456789012345678901234".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "T={0} {2}")
    @CsvSource({
        "59,          0000000000000001, 94287082, SHA1",
        "59,          0000000000000001, 46119246, SHA256",
        "59,          0000000000000001, 90693936, SHA512",
        "1111111109,  00000000023523EC, 07081804, SHA1",
        "1111111109,  00000000023523EC, 68084774, SHA256",
        "1111111109,  00000000023523EC, 25091201, SHA512",
        "1111111111,  00000000023523ED, 14050471, SHA1",
        "1111111111,  00000000023523ED, 67062674, SHA256",
        "1111111111,  00000000023523ED, 99943326, SHA512",
        "1234567890,  000000000273EF07, 89005924, SHA1",
        "1234567890,  000000000273EF07, 91819424, SHA256",
        "1234567890,  000000000273EF07, 93441116, SHA512",
        "2000000000,  0000000003F940AA, 69279037, SHA1",
        "2000000000,  0000000003F940AA, 90698825, SHA256",
        "2000000000,  0000000003F940AA, 38618901, SHA512",
        "20000000000, 0000000027BC86AA, 65353130, SHA1",
        "20000000000, 0000000027BC86AA, 77737706, SHA256",
        "20000000000, 0000000027BC86AA, 47863826, SHA512",
    })
    void rfc6238AppendixB(long time, String stepHex, String expected, Totp.Algorithm algorithm) {
        byte[] seed = switch (algorithm) {
            case SHA1 -> SEED_SHA1;
            case SHA256 -> SEED_SHA256;
            case SHA512 -> SEED_SHA512;
        };
        long step = Totp.step(time);
        assertThat(step).isEqualTo(Long.parseLong(stepHex, 16));
        assertThat(new Totp(algorithm, 8).code(seed, step)).isEqualTo(expected);
    }

    @Test
    void sixDigitsAreTheLastSixOfTheSameValue() {
        // RFC 4226 Appendix D: HOTP("12345678901234567890", counter 1) = 287082
        assertThat(new Totp(Totp.Algorithm.SHA1, 6).code(SEED_SHA1, 1)).isEqualTo("287082");
    }

    @Test
    void acceptsOneStepEitherSideAndNoMore() {
        Totp totp = new Totp(Totp.Algorithm.SHA1, 6);
        long now = 1_700_000_000L;
        long step = Totp.step(now);
        assertThat(totp.matchingStep(SEED_SHA1, totp.code(SEED_SHA1, step - 1), now, 1)).hasValue(step - 1);
        assertThat(totp.matchingStep(SEED_SHA1, totp.code(SEED_SHA1, step), now, 1)).hasValue(step);
        assertThat(totp.matchingStep(SEED_SHA1, totp.code(SEED_SHA1, step + 1), now, 1)).hasValue(step + 1);
        assertThat(totp.matchingStep(SEED_SHA1, totp.code(SEED_SHA1, step + 2), now, 1)).isEmpty();
        assertThat(totp.matchingStep(SEED_SHA1, totp.code(SEED_SHA1, step - 2), now, 1)).isEmpty();
        assertThat(totp.matchingStep(SEED_SHA1, null, now, 1)).isEmpty();
    }

    @Test
    void base32RoundTripsAndMatchesRfc4648() {
        assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(new String(Base32.decode("mzxw6ytboi======"), StandardCharsets.US_ASCII)).isEqualTo("foobar");
        byte[] random = Secrets.randomBytes(20);
        assertThat(Base32.decode(Base32.encode(random))).isEqualTo(random);
    }
}
