package uk.patrolcast.console.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.Headers;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.patrolcast.platform.http.HttpApi.HttpError;
import uk.patrolcast.platform.http.HttpApi.Request;

class TokenGuardTest {

  private static Request request(String authorization) {
    Headers h = new Headers();
    if (authorization != null) {
      h.add("Authorization", authorization);
    }
    return new Request("POST", "/api/whatif", Map.of(), Map.of(), new byte[0], h);
  }

  @Test
  void withoutAConfiguredTokenWritesAreDisabledWithAClearMessage() {
    TokenGuard guard = new TokenGuard(null);
    assertThatThrownBy(() -> guard.requireWrite(request("Bearer anything")))
        .isInstanceOf(HttpError.class)
        .hasMessageContaining("console.token")
        .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((HttpError) e).status()).isEqualTo(403));
  }

  @Test
  void aMissingOrWrongTokenIsRefused() {
    TokenGuard guard = new TokenGuard("s3cret");
    assertThatThrownBy(() -> guard.requireWrite(request(null)))
        .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((HttpError) e).status()).isEqualTo(401));
    assertThatThrownBy(() -> guard.requireWrite(request("Bearer s3cre")))
        .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((HttpError) e).status()).isEqualTo(401));
    assertThatThrownBy(() -> guard.requireWrite(request("Basic s3cret"))).isInstanceOf(HttpError.class);
  }

  @Test
  void theRightBearerTokenMayWrite() {
    assertThatCode(() -> new TokenGuard("s3cret").requireWrite(request("Bearer s3cret"))).doesNotThrowAnyException();
  }
}
