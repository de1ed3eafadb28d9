package uk.patrolcast.console.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import uk.patrolcast.platform.http.HttpApi.HttpError;
import uk.patrolcast.platform.http.HttpApi.Request;

/**
 * Read-only without credentials; every write (what-if) needs the configured token as
 * {@code Authorization: Bearer <token>}. Without a configured token, writes are refused with a
 * message that says how to enable them. Tokens are compared in constant time.
 */
public final class TokenGuard {
  private final byte[] tokenDigest;

  /** @param token the configured token, or null to disable writes */
  public TokenGuard(String token) {
    this.tokenDigest = token == null || token.isBlank() ? null : digest(token);
  }

  public boolean writesEnabled() {
    return tokenDigest != null;
  }

  /** Returns when the request may write; otherwise throws a 403 (writes disabled) or 401 (no or wrong token). */
  public void requireWrite(Request request) {
    if (tokenDigest == null) {
      throw new HttpError(403, 40301,
          "Writes are disabled: this console has no token configured (set console.token, or PATROLCAST_CONSOLE_TOKEN, to enable what-if).");
    }
    String given = request.bearerToken();
    if (given == null || given.isEmpty()) {
      throw new HttpError(401, 40101, "This action needs the console token: send 'Authorization: Bearer <token>'.");
    }
    if (!MessageDigest.isEqual(tokenDigest, digest(given))) {
      throw new HttpError(401, 40102, "The token was not accepted.");
    }
  }

  private static byte[] digest(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
