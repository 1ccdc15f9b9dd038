package io.tasklane.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void isTheHexHmacSha256OfTheBody() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        assertThat(WebhookSignature.of("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void changesWithTheBodyAndTheSecret() {
        byte[] body = "{\"event\":\"RUN_KILLED\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignature.of("secret-one-0123456", body)).isNotEqualTo(WebhookSignature.of("secret-two-0123456", body));
        assertThat(WebhookSignature.of("secret-one-0123456", body))
                .isNotEqualTo(WebhookSignature.of("secret-one-0123456", "{\"event\":\"RUN_FAILED\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void freshSecretsAre64HexCharactersAndDiffer() {
        assertThat(WebhookSignature.newSecret()).matches("[0-9a-f]{64}").isNotEqualTo(WebhookSignature.newSecret());
    }
}
