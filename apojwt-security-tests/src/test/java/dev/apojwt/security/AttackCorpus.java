package dev.apojwt.security;

import static dev.apojwt.AuthFailure.Reason.BAD_ALGORITHM;
import static dev.apojwt.AuthFailure.Reason.BAD_AUDIENCE;
import static dev.apojwt.AuthFailure.Reason.BAD_ISSUER;
import static dev.apojwt.AuthFailure.Reason.BAD_SIGNATURE;
import static dev.apojwt.AuthFailure.Reason.EXPIRED;
import static dev.apojwt.AuthFailure.Reason.MALFORMED;
import static dev.apojwt.AuthFailure.Reason.NOT_YET_VALID;
import static dev.apojwt.AuthFailure.Reason.WRONG_TOKEN_KIND;
import static dev.apojwt.security.Forge.b64;
import static dev.apojwt.security.Forge.quote;

import dev.apojwt.ApoJwt;
import dev.apojwt.AuthFailure;
import dev.apojwt.TokenPair;
import dev.apojwt.security.AttackCase.Kind;
import dev.apojwt.security.Forge.Json;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The attack corpus: one row per hostile token with the status and reason it must end in. Every
 * string an attacker chooses carries the marker {@link #MARKER}, so a test can prove that no
 * failure message or detail echoes attacker input.
 */
final class AttackCorpus {
  static final String MARKER = "ATTACKER";
  private static final long NOW = Services.NOW.getEpochSecond();
  private static final String HS256_HEADER = "{\"alg\":\"HS256\",\"typ\":\"at+jwt\"}";

  private final List<AttackCase> cases = new ArrayList<>();

  private AttackCorpus() {}

  static List<AttackCase> all() {
    AttackCorpus corpus = new AttackCorpus();
    corpus.algorithmAttacks();
    corpus.signatureAttacks();
    corpus.structureAttacks();
    corpus.encodingAttacks();
    corpus.claimAttacks();
    corpus.kindAndContextAttacks();
    corpus.keyIdAttacks();
    return List.copyOf(corpus.cases);
  }

  /** A payload the HMAC and RSA services accept, with attacker-chosen strings marked. */
  static Json claims() {
    return new Json()
        .with("exp", Long.toString(NOW + 900))
        .with("sub", quote(MARKER + "-subject"))
        .with("nbf", Long.toString(NOW))
        .with("iss", quote(Services.ISSUER))
        .with("aud", "[" + quote(Services.AUDIENCE) + "]")
        .with("iat", Long.toString(NOW))
        .with("data", "{\"note\":" + quote(MARKER + "-data") + "}")
        .with("perms", "[\"orders:read\"]");
  }

  private void add(String name, Services service, String token, AuthFailure.Reason reason) {
    cases.add(new AttackCase(name, service, Kind.ACCESS, token, reason));
  }

  private static String hmac(String header, Object payload) {
    return Forge.hs256(Services.SECRET, header, payload.toString());
  }

  private static String hmac(Object payload) {
    return hmac(HS256_HEADER, payload);
  }

  private static String hmacBytes(byte[] payload) {
    return Forge.signHmac(
        "HmacSHA256", Services.utf8(Services.SECRET), b64(HS256_HEADER) + "." + b64(payload));
  }

  // ---------------------------------------------------------------- RFC 8725 3.1: algorithms

  private void algorithmAttacks() {
    String payload = b64(claims().toString());
    for (String none : List.of("none", "None", "NONE", "nOnE")) {
      add(
          "alg " + none + " with an empty signature",
          Services.HMAC,
          b64("{\"alg\":\"" + none + "\",\"typ\":\"JWT\"}") + "." + payload + ".",
          BAD_ALGORITHM);
    }
    add(
        "alg none signed anyway",
        Services.HMAC,
        hmac("{\"alg\":\"none\"}", claims()),
        BAD_ALGORITHM);
    add(
        "alg HS384 where HS256 is pinned",
        Services.HMAC,
        Forge.hmacToken(
            "HmacSHA384",
            Services.utf8(Services.SECRET + "-padded-to-48-bytes"),
            "{\"alg\":\"HS384\"}",
            claims().toString()),
        BAD_ALGORITHM);
    add(
        "alg HS512 where HS256 is pinned",
        Services.HMAC,
        Forge.hmacToken(
            "HmacSHA512",
            Services.utf8(Services.SECRET + Services.SECRET),
            "{\"alg\":\"HS512\"}",
            claims().toString()),
        BAD_ALGORITHM);
    add("alg lowercase hs256", Services.HMAC, hmac("{\"alg\":\"hs256\"}", claims()), BAD_ALGORITHM);
    add(
        "alg with trailing space",
        Services.HMAC,
        hmac("{\"alg\":\"HS256 \"}", claims()),
        BAD_ALGORITHM);
    add(
        "alg RS256 on an HMAC service",
        Services.HMAC,
        hmac("{\"alg\":\"RS256\"}", claims()),
        BAD_ALGORITHM);

    // Algorithm confusion: HS256 signed with the RSA public key as the HMAC secret.
    RSAPublicKey publicKey = (RSAPublicKey) Services.RSA_KEYS.getPublic();
    byte[] der = publicKey.getEncoded();
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der)
            + "\n-----END PUBLIC KEY-----\n";
    add(
        "HS256 signed with the RSA public key (DER) where RS256 is configured",
        Services.RSA,
        Forge.hmacToken(
            "HmacSHA256", der, "{\"alg\":\"HS256\",\"typ\":\"JWT\"}", claims().toString()),
        BAD_ALGORITHM);
    add(
        "HS256 signed with the RSA public key (PEM) where RS256 is configured",
        Services.RSA,
        Forge.hmacToken(
            "HmacSHA256", Services.utf8(pem), "{\"alg\":\"HS256\"}", claims().toString()),
        BAD_ALGORITHM);
    add(
        "alg ES256 on an RS256 service",
        Services.RSA,
        b64("{\"alg\":\"ES256\"}") + "." + b64(claims().toString()) + "." + b64(new byte[64]),
        BAD_ALGORITHM);
    add(
        "alg PS256 on an RS256 service",
        Services.RSA,
        b64("{\"alg\":\"PS256\"}") + "." + b64(claims().toString()) + "." + b64(new byte[256]),
        BAD_ALGORITHM);
    add(
        "RS256 header with an all-zero signature",
        Services.RSA,
        b64("{\"alg\":\"RS256\"}") + "." + b64(claims().toString()) + "." + b64(new byte[256]),
        BAD_SIGNATURE);
    add(
        "jwk header offering the attacker's own key",
        Services.RSA,
        Forge.rs256(
            AttackerKeys.RSA.getPrivate(),
            "{\"alg\":\"RS256\",\"jwk\":{\"kty\":\"RSA\",\"n\":\"" + MARKER + "\",\"e\":\"AQAB\"}}",
            claims().toString()),
        BAD_SIGNATURE);
    add(
        "kid and jku pointing elsewhere",
        Services.HMAC,
        Forge.hmacToken(
            "HmacSHA256",
            Services.utf8("attacker-secret-attacker-secret-attacker"),
            "{\"alg\":\"HS256\",\"kid\":\""
                + MARKER
                + "\",\"jku\":\"https://"
                + MARKER
                + ".example/keys\",\"x5u\":\"https://"
                + MARKER
                + "\"}",
            claims().toString()),
        BAD_SIGNATURE);
  }

  // ---------------------------------------------------------------- signatures and secrets

  private void signatureAttacks() {
    String valid = hmac(claims());
    String[] parts = valid.split("\\.");
    add("empty signature", Services.HMAC, parts[0] + "." + parts[1] + ".", BAD_SIGNATURE);
    add(
        "signature truncated by 3 characters",
        Services.HMAC,
        valid.substring(0, valid.length() - 3),
        BAD_SIGNATURE);
    add(
        "signature truncated to 1 mod 4 characters",
        Services.HMAC,
        valid.substring(0, valid.length() - 2),
        MALFORMED);
    byte[] signature = Forge.unb64(parts[2]);
    for (int bit : new int[] {0, 7, 100, 255}) {
      byte[] flipped = signature.clone();
      flipped[bit / 8] ^= (byte) (1 << (bit % 8));
      add(
          "signature bit " + bit + " flipped",
          Services.HMAC,
          parts[0] + "." + parts[1] + "." + b64(flipped),
          BAD_SIGNATURE);
    }
    byte[] longer = java.util.Arrays.copyOf(signature, signature.length * 2);
    add(
        "signature with extra bytes",
        Services.HMAC,
        parts[0] + "." + parts[1] + "." + b64(longer),
        BAD_SIGNATURE);
    add(
        "signature of the empty key's length only",
        Services.HMAC,
        parts[0] + "." + parts[1] + "." + b64(java.util.Arrays.copyOf(signature, 16)),
        BAD_SIGNATURE);
    add(
        "payload escalated, signature kept",
        Services.HMAC,
        parts[0]
            + "."
            + b64(claims().with("perms", "[\"orders:admin\",\"admin\"]").toString())
            + "."
            + parts[2],
        BAD_SIGNATURE);
    add(
        "expiry extended, signature kept",
        Services.HMAC,
        parts[0]
            + "."
            + b64(claims().with("exp", Long.toString(NOW + 999_999)).toString())
            + "."
            + parts[2],
        BAD_SIGNATURE);
    add(
        "header changed, signature kept",
        Services.HMAC,
        b64("{\"alg\":\"HS256\"}") + "." + parts[1] + "." + parts[2],
        BAD_SIGNATURE);
    // HMAC pads short keys with zero bytes, so a one-zero-byte key computes the empty key's MAC.
    add(
        "signed with an empty secret",
        Services.HMAC,
        Forge.hmacToken("HmacSHA256", new byte[1], HS256_HEADER, claims().toString()),
        BAD_SIGNATURE);
    for (String weak :
        List.of(
            "secret",
            "password",
            "123456",
            "changeme",
            "your-256-bit-secret",
            "apogee",
            Services.SECRET.toUpperCase())) {
      add(
          "signed with the weak secret '" + weak + "'",
          Services.HMAC,
          Forge.hmacToken("HmacSHA256", Services.utf8(weak), HS256_HEADER, claims().toString()),
          BAD_SIGNATURE);
    }
    add(
        "signed with the refresh secret",
        Services.HMAC,
        Forge.hmacToken(
            "HmacSHA256",
            Services.utf8(Services.REFRESH_SECRET),
            HS256_HEADER,
            claims().toString()),
        BAD_SIGNATURE);
  }

  // ---------------------------------------------------------------- structure

  private void structureAttacks() {
    String valid = hmac(claims());
    String[] parts = valid.split("\\.");
    add("two parts", Services.HMAC, parts[0] + "." + parts[1], MALFORMED);
    add("four parts", Services.HMAC, valid + "." + parts[2], MALFORMED);
    add("five parts (JWE shape)", Services.HMAC, valid + ".AAAA.BBBB", MALFORMED);
    add("one part", Services.HMAC, parts[1], MALFORMED);
    add("empty header", Services.HMAC, "." + parts[1] + "." + parts[2], MALFORMED);
    add("empty payload", Services.HMAC, parts[0] + ".." + parts[2], MALFORMED);
    add("only dots", Services.HMAC, "..", MALFORMED);
    add(
        "JWS JSON serialization (flattened)",
        Services.HMAC,
        "{\"payload\":\""
            + parts[1]
            + "\",\"protected\":\""
            + parts[0]
            + "\",\"signature\":\""
            + parts[2]
            + "\"}",
        MALFORMED);
    add(
        "JWS JSON serialization (general)",
        Services.HMAC,
        "{\"payload\":\""
            + parts[1]
            + "\",\"signatures\":[{\"protected\":\""
            + parts[0]
            + "\",\"signature\":\""
            + parts[2]
            + "\"}]}",
        MALFORMED);
    add("space inside", Services.HMAC, parts[0] + ". " + parts[1] + "." + parts[2], MALFORMED);
    add("tab at the end", Services.HMAC, valid + "\t", MALFORMED);
    add(
        "newline in the middle",
        Services.HMAC,
        parts[0] + "\n." + parts[1] + "." + parts[2],
        MALFORMED);
    add("leading space", Services.HMAC, " " + valid, MALFORMED);
    add("non-ASCII letter", Services.HMAC, valid.replaceFirst("e", "é"), MALFORMED);
    add("fullwidth dot", Services.HMAC, parts[0] + "\uFF0E" + parts[1] + "." + parts[2], MALFORMED);
    add("NUL character", Services.HMAC, valid + "\0", MALFORMED);
    add("a Bearer prefix sent to verify", Services.HMAC, "Bearer " + valid, MALFORMED);
    add(
        "standard base64 alphabet",
        Services.HMAC,
        parts[0] + "." + parts[1].replace('-', '+') + "+/." + parts[2],
        MALFORMED);
    add(
        "header is not JSON",
        Services.HMAC,
        b64("ATTACKER") + "." + parts[1] + "." + parts[2],
        MALFORMED);
    add("header is an array", Services.HMAC, hmac("[\"HS256\"]", claims()), MALFORMED);
    add("header has no alg", Services.HMAC, hmac("{\"typ\":\"JWT\"}", claims()), MALFORMED);
    add("alg is an array", Services.HMAC, hmac("{\"alg\":[\"HS256\"]}", claims()), MALFORMED);
    add("alg is null", Services.HMAC, hmac("{\"alg\":null}", claims()), MALFORMED);
    add(
        "duplicate alg in header",
        Services.HMAC,
        hmac("{\"alg\":\"HS256\",\"alg\":\"none\"}", claims()),
        MALFORMED);
    add(
        "escaped duplicate alg in header",
        Services.HMAC,
        hmac("{\"alg\":\"HS256\",\"\\u0061lg\":\"HS256\"}", claims()),
        MALFORMED);
    add(
        "unknown crit",
        Services.HMAC,
        hmac("{\"alg\":\"HS256\",\"crit\":[\"" + MARKER + "\"],\"" + MARKER + "\":1}", claims()),
        MALFORMED);
    add(
        "crit naming a registered claim",
        Services.HMAC,
        hmac("{\"alg\":\"HS256\",\"crit\":[\"exp\"]}", claims()),
        MALFORMED);
    add(
        "b64 false (RFC 7797)",
        Services.HMAC,
        hmac("{\"alg\":\"HS256\",\"b64\":false,\"crit\":[\"b64\"]}", claims()),
        MALFORMED);
    add(
        "b64 false without crit",
        Services.HMAC,
        hmac("{\"alg\":\"HS256\",\"b64\":false}", claims()),
        MALFORMED);
    add("zip DEF", Services.HMAC, hmac("{\"alg\":\"HS256\",\"zip\":\"DEF\"}", claims()), MALFORMED);
    add(
        "header with trailing garbage",
        Services.HMAC,
        hmac("{\"alg\":\"HS256\"}" + MARKER, claims()),
        MALFORMED);
    add("payload is an array", Services.HMAC, hmac("[" + claims() + "]"), MALFORMED);
    add("payload is a string", Services.HMAC, hmac(quote(MARKER)), MALFORMED);
    add("payload is null", Services.HMAC, hmac("null"), MALFORMED);
    add("payload is a number", Services.HMAC, hmac("1767226500"), MALFORMED);
    add("payload is empty JSON text", Services.HMAC, hmac(" "), MALFORMED);
    add(
        "RFC 7520 section 4.4: a valid signature over a non-JSON payload",
        Services.RFC7520,
        "eyJhbGciOiJIUzI1NiIsImtpZCI6IjAxOGMwYWU1LTRkOWItNDcxYi1iZmQ2LWVlZjMxNGJjNzAzNyJ9"
            + ".SXTigJlzIGEgZGFuZ2Vyb3VzIGJ1c2luZXNzLCBGcm9kbywgZ29pbmcgb3V0IHlvdXIgZG9vci4gWW91IHN0ZXAgb250byB0aGUgcm9hZCwgYW5kIGlmIHlvdSBkb24ndCBrZWVwIHlvdXIgZmVldCwgdGhlcmXigJlzIG5vIGtub3dpbmcgd2hlcmUgeW91IG1pZ2h0IGJlIHN3ZXB0IG9mZiB0by4"
            + ".s0h6KThzkfBBBkLspW1h84VsJZFTsPPqMDA7g1Md7p0",
        MALFORMED);
    add("trailing garbage after the payload", Services.HMAC, hmac(claims() + MARKER), MALFORMED);
    add("a second object after the payload", Services.HMAC, hmac(claims() + "{}"), MALFORMED);
    add(
        "a comment in the payload",
        Services.HMAC,
        hmac("/*" + MARKER + "*/" + claims()),
        MALFORMED);
    add(
        "single-quoted names",
        Services.HMAC,
        hmac(claims().toString().replace("\"sub\"", "'sub'")),
        MALFORMED);
    add("trailing comma", Services.HMAC, hmac(claims().toString().replace("}", ",}")), MALFORMED);
    add(
        "duplicate sub",
        Services.HMAC,
        hmac(claims().with("sub", quote("admin")).toString().replace("{", "{\"sub\":\"user\",")),
        MALFORMED);
    add(
        "escaped duplicate sub (\\u0073ub)",
        Services.HMAC,
        hmac(claims().with("\\u0073ub", quote("admin"))),
        MALFORMED);
    add(
        "duplicate exp",
        Services.HMAC,
        hmac(claims().toString().replace("{", "{\"exp\":99999999999,")),
        MALFORMED);
    add(
        "duplicate perms",
        Services.HMAC,
        hmac(claims().toString().replace("{", "{\"perms\":[\"admin\"],")),
        MALFORMED);
    add(
        "duplicate key inside data",
        Services.HMAC,
        hmac(claims().with("data", "{\"a\":1,\"a\":2}")),
        MALFORMED);
    add(
        "data nested 2,000 deep",
        Services.HMAC,
        hmac(claims().with("data", "{\"x\":" + "[".repeat(2000) + "]".repeat(2000) + "}")),
        MALFORMED);
    add(
        "unknown claim nested 2,000 deep",
        Services.HMAC,
        hmac(claims().with("x", "{\"a\":".repeat(2000) + "1" + "}".repeat(2000))),
        MALFORMED);
  }

  // ---------------------------------------------------------------- encodings

  private void encodingAttacks() {
    // Pad the payload until its base64url form ends in a partial group, whose last character has
    // unused bits an attacker can flip without changing the decoded bytes.
    Json claims = claims();
    String payload = b64(claims.toString());
    int filler = 0;
    while (payload.length() % 4 == 0) {
      claims.with("pad", quote("x".repeat(++filler)));
      payload = b64(claims.toString());
    }
    String header = b64(HS256_HEADER);
    String valid =
        Forge.signHmac("HmacSHA256", Services.utf8(Services.SECRET), header + "." + payload);
    String[] parts = valid.split("\\.");
    add(
        "padding on the payload",
        Services.HMAC,
        Forge.signHmac("HmacSHA256", Services.utf8(Services.SECRET), header + "." + payload + "="),
        MALFORMED);
    add(
        "payload with altered unused bits, re-signed",
        Services.HMAC,
        Forge.signHmac(
            "HmacSHA256", Services.utf8(Services.SECRET), header + "." + alterUnusedBits(payload)),
        MALFORMED);
    add(
        "signature with altered unused bits",
        Services.HMAC,
        parts[0] + "." + parts[1] + "." + alterUnusedBits(parts[2]),
        MALFORMED);
    String oddHeader = b64("{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"x\":1}");
    if (oddHeader.length() % 4 != 0) {
      add(
          "header with altered unused bits, re-signed",
          Services.HMAC,
          Forge.signHmac(
              "HmacSHA256",
              Services.utf8(Services.SECRET),
              alterUnusedBits(oddHeader) + "." + payload),
          MALFORMED);
    }

    byte[] json =
        claims().with("data", "{\"note\":\"ab\"}").toString().getBytes(StandardCharsets.UTF_8);
    int at = new String(json, StandardCharsets.ISO_8859_1).indexOf("ab");
    Map<String, byte[]> invalid =
        Map.of(
            "a lone continuation byte", new byte[] {(byte) 0x80},
            "an overlong '/'", new byte[] {(byte) 0xC0, (byte) 0xAF},
            "a truncated 3-byte sequence", new byte[] {(byte) 0xE2, (byte) 0x82},
            "an encoded surrogate", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            "a code point beyond U+10FFFF",
                new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            "a 0xFF byte", new byte[] {(byte) 0xFF});
    invalid.forEach(
        (name, bytes) -> {
          byte[] broken = new byte[json.length - 2 + bytes.length];
          System.arraycopy(json, 0, broken, 0, at);
          System.arraycopy(bytes, 0, broken, at, bytes.length);
          System.arraycopy(json, at + 2, broken, at + bytes.length, json.length - at - 2);
          add("invalid UTF-8 in a claim: " + name, Services.HMAC, hmacBytes(broken), MALFORMED);
        });
    add(
        "payload in UTF-16",
        Services.HMAC,
        hmacBytes(claims().toString().getBytes(StandardCharsets.UTF_16LE)),
        MALFORMED);
    add(
        "payload in UTF-16 with BOM",
        Services.HMAC,
        hmacBytes(claims().toString().getBytes(StandardCharsets.UTF_16)),
        MALFORMED);
    byte[] body = claims().toString().getBytes(StandardCharsets.UTF_8);
    byte[] bom = new byte[body.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, bom, 3, body.length);
    add("payload with a UTF-8 byte order mark", Services.HMAC, hmacBytes(bom), MALFORMED);
  }

  private static String alterUnusedBits(String part) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    int last = alphabet.indexOf(part.charAt(part.length() - 1));
    return part.substring(0, part.length() - 1) + alphabet.charAt(last ^ 1);
  }

  // ---------------------------------------------------------------- claims

  private void claimAttacks() {
    add("exp missing", Services.HMAC, hmac(claims().without("exp")), MALFORMED);
    add("exp null", Services.HMAC, hmac(claims().with("exp", "null")), MALFORMED);
    add(
        "exp a string",
        Services.HMAC,
        hmac(claims().with("exp", quote(Long.toString(NOW + 900)))),
        MALFORMED);
    add("exp fractional", Services.HMAC, hmac(claims().with("exp", (NOW + 900) + ".5")), MALFORMED);
    add("exp in exponent form", Services.HMAC, hmac(claims().with("exp", "1.8e9")), MALFORMED);
    add("exp huge", Services.HMAC, hmac(claims().with("exp", "9".repeat(40))), MALFORMED);
    add(
        "exp just beyond 64 bits",
        Services.HMAC,
        hmac(claims().with("exp", "9223372036854775808")),
        MALFORMED);
    add("exp negative", Services.HMAC, hmac(claims().with("exp", "-1")), MALFORMED);
    add("exp a boolean", Services.HMAC, hmac(claims().with("exp", "true")), MALFORMED);
    add(
        "exp now (expired)",
        Services.HMAC,
        hmac(claims().with("exp", Long.toString(NOW))),
        EXPIRED);
    add("exp in the past", Services.HMAC, hmac(claims().with("exp", "1")), EXPIRED);
    add(
        "nbf in the future",
        Services.HMAC,
        hmac(claims().with("nbf", Long.toString(NOW + 60))),
        NOT_YET_VALID);
    add(
        "iat in the future",
        Services.HMAC,
        hmac(claims().with("iat", Long.toString(NOW + 60))),
        NOT_YET_VALID);
    add("nbf a string", Services.HMAC, hmac(claims().with("nbf", quote("0"))), MALFORMED);
    add("iat fractional", Services.HMAC, hmac(claims().with("iat", NOW + ".25")), MALFORMED);
    add("iss wrong", Services.HMAC, hmac(claims().with("iss", quote(MARKER))), BAD_ISSUER);
    add("iss missing", Services.HMAC, hmac(claims().without("iss")), BAD_ISSUER);
    add(
        "iss in another case",
        Services.HMAC,
        hmac(claims().with("iss", quote("APOGEE"))),
        BAD_ISSUER);
    add(
        "iss an array",
        Services.HMAC,
        hmac(claims().with("iss", "[" + quote(Services.ISSUER) + "]")),
        MALFORMED);
    add("iss null", Services.HMAC, hmac(claims().with("iss", "null")), MALFORMED);
    add("aud missing", Services.HMAC, hmac(claims().without("aud")), BAD_AUDIENCE);
    add("aud empty", Services.HMAC, hmac(claims().with("aud", "[]")), BAD_AUDIENCE);
    add(
        "aud another service",
        Services.HMAC,
        hmac(claims().with("aud", "[" + quote("https://" + MARKER + ".example.com") + "]")),
        BAD_AUDIENCE);
    add(
        "aud another service as a string",
        Services.HMAC,
        hmac(claims().with("aud", quote("https://billing.example.com"))),
        BAD_AUDIENCE);
    add(
        "aud an object",
        Services.HMAC,
        hmac(claims().with("aud", "{\"" + Services.AUDIENCE + "\":true}")),
        MALFORMED);
    add("aud holding a number", Services.HMAC, hmac(claims().with("aud", "[1]")), MALFORMED);
    add("sub a number", Services.HMAC, hmac(claims().with("sub", "42")), MALFORMED);
    add(
        "sub an array",
        Services.HMAC,
        hmac(claims().with("sub", "[" + quote(MARKER) + "]")),
        MALFORMED);
    add("sub null", Services.HMAC, hmac(claims().with("sub", "null")), MALFORMED);
    add("sub missing", Services.HMAC, hmac(claims().without("sub")), MALFORMED);
    add(
        "perms a string",
        Services.HMAC,
        hmac(claims().with("perms", quote("orders:read"))),
        MALFORMED);
    add(
        "perms holding a number",
        Services.HMAC,
        hmac(claims().with("perms", "[\"orders:read\",1]")),
        MALFORMED);
    add(
        "perms holding an object",
        Services.HMAC,
        hmac(claims().with("perms", "[{\"admin\":true}]")),
        MALFORMED);
    add(
        "perms an object",
        Services.HMAC,
        hmac(claims().with("perms", "{\"admin\":true}")),
        MALFORMED);
    add("perms null", Services.HMAC, hmac(claims().with("perms", "null")), MALFORMED);
    add("data a string", Services.HMAC, hmac(claims().with("data", quote(MARKER))), MALFORMED);
    add("data an array", Services.HMAC, hmac(claims().with("data", "[]")), MALFORMED);
    add("data a number", Services.HMAC, hmac(claims().with("data", "1")), MALFORMED);
    add("data with NaN", Services.HMAC, hmac(claims().with("data", "{\"x\":NaN}")), MALFORMED);
    add(
        "data with an overflowing number",
        Services.HMAC,
        hmac(claims().with("data", "{\"x\":1e999}")),
        MALFORMED);
    add("jti a number", Services.HMAC, hmac(claims().with("jti", "7")), MALFORMED);
    add(
        "nbf beyond year 9999",
        Services.HMAC,
        hmac(claims().with("nbf", "253402300800")),
        MALFORMED);
    add("iat negative", Services.HMAC, hmac(claims().with("iat", "-5")), MALFORMED);
    add(
        "exp an object",
        Services.HMAC,
        hmac(claims().with("exp", "{\"$numberLong\":\"1\"}")),
        MALFORMED);
    add(
        "typ of another token kind (dpop+jwt)",
        Services.HMAC,
        hmac("{\"alg\":\"HS256\",\"typ\":\"dpop+jwt\"}", claims()),
        WRONG_TOKEN_KIND);
    add(
        "typ refresh+jwt signed with the access secret",
        Services.HMAC,
        hmac("{\"alg\":\"HS256\",\"typ\":\"refresh+jwt\"}", claims()),
        WRONG_TOKEN_KIND);
  }

  // ---------------------------------------------------------------- kind, issuer and audience

  private void kindAndContextAttacks() {
    for (Services service : List.of(Services.HMAC, Services.RSA)) {
      ApoJwt issuer = service.builder().build();
      TokenPair pair =
          issuer.createTokens(
              MARKER, List.of("orders:read"), Map.of("note", MARKER), Map.of("user_id", MARKER));
      add(
          "a refresh token used as an access token (" + service + ")",
          service,
          pair.refresh(),
          WRONG_TOKEN_KIND);
      cases.add(
          new AttackCase(
              "an access token used as a refresh token (" + service + ")",
              service,
              Kind.REFRESH,
              pair.access(),
              WRONG_TOKEN_KIND));
    }
    Json legacyRefresh =
        new Json()
            .with("exp", Long.toString(NOW + 3600))
            .with("nbf", Long.toString(NOW))
            .with("iss", quote(Services.ISSUER))
            .with("aud", "[" + quote(Services.AUDIENCE) + "]")
            .with("iat", Long.toString(NOW))
            .with("data", "{\"user_id\":" + quote(MARKER) + "}");
    add(
        "an apojwt 1.7 refresh token signed with the access secret",
        Services.HMAC,
        hmac("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", legacyRefresh),
        WRONG_TOKEN_KIND);
    cases.add(
        new AttackCase(
            "an apojwt 1.7 access token signed with the refresh secret",
            Services.HMAC,
            Kind.REFRESH,
            Forge.hs256(
                Services.REFRESH_SECRET,
                "{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
                claims().toString()),
            WRONG_TOKEN_KIND));
    cases.add(
        new AttackCase(
            "a refresh token signed with the access secret",
            Services.HMAC,
            Kind.REFRESH,
            Forge.hs256(
                Services.SECRET,
                "{\"alg\":\"HS256\",\"typ\":\"refresh+jwt\"}",
                legacyRefresh.toString()),
            BAD_SIGNATURE));

    ApoJwt otherIssuer =
        ApoJwt.builder()
            .secret(Services.SECRET)
            .issuer("other-" + MARKER)
            .serverAudience(Services.AUDIENCE)
            .clock(Services.CLOCK)
            .build();
    add(
        "a token of another issuer under the same secret",
        Services.HMAC,
        otherIssuer.createToken(MARKER, List.of("orders:read"), Map.of()),
        BAD_ISSUER);
    ApoJwt otherAudience =
        ApoJwt.builder()
            .secret(Services.SECRET)
            .issuer(Services.ISSUER)
            .serverAudience("https://billing.example.com")
            .clock(Services.CLOCK)
            .build();
    add(
        "a token for another audience under the same secret",
        Services.HMAC,
        otherAudience.createToken(MARKER, List.of("orders:read"), Map.of()),
        BAD_AUDIENCE);
    ApoJwt noAudience =
        ApoJwt.builder()
            .secret(Services.SECRET)
            .issuer(Services.ISSUER)
            .clock(Services.CLOCK)
            .build();
    add(
        "a token with no audience under the same secret",
        Services.HMAC,
        noAudience.createToken(MARKER, List.of("orders:read"), Map.of()),
        BAD_AUDIENCE);
  }

  // ---------------------------------------------------------------- kid (the KEYS service)

  /**
   * The kid only chooses among the configured keys: injection attempts in it are refused before
   * use, an unknown one never falls back to another key, and a kid never makes a key serve an
   * algorithm that is not its own.
   */
  private void keyIdAttacks() {
    String payload = claims().toString();
    java.security.PrivateKey attacker = AttackerKeys.EC.getPrivate();
    String[][] malformed = {
      {"kid with SQL", quote(MARKER + "' OR '1'='1")},
      {"kid with a quote and a semicolon", "\"" + MARKER + "\\\";drop\""},
      {"kid of 300 characters", quote(MARKER + "k".repeat(300))},
      {"kid with a space", quote(MARKER + " 2026-12")},
      {"kid with a NUL", quote("2026-12\\u0000" + MARKER)},
      {"kid with a non-ASCII letter", quote(MARKER + "\\u00e9")},
      {"kid with a newline", quote(MARKER + "\\n2026-12")},
      {"empty kid", "\"\""},
      {"kid as a number", "2026"},
      {"kid as an array", "[" + quote("2026-12") + "]"},
      {"kid as an object", "{" + quote(MARKER) + ":1}"},
      {"kid as null", "null"},
      {"kid as true", "true"},
    };
    for (String[] c : malformed) {
      add(
          c[0],
          Services.KEYS,
          Forge.es256(attacker, "{\"alg\":\"ES256\",\"kid\":" + c[1] + "}", payload),
          MALFORMED);
    }
    for (String kid :
        List.of(
            "../../../../etc/passwd" + MARKER,
            "/dev/null/" + MARKER,
            "2026-12/../" + MARKER,
            "file:" + MARKER,
            "2026-12.",
            "2026-1")) {
      add(
          "kid naming no key: " + kid,
          Services.KEYS,
          Forge.es256(attacker, "{\"alg\":\"ES256\",\"kid\":" + quote(kid) + "}", payload),
          BAD_SIGNATURE);
    }
    add(
        "the active kid with the attacker's signature",
        Services.KEYS,
        Forge.es256(attacker, "{\"alg\":\"ES256\",\"kid\":\"2026-12\"}", payload),
        BAD_SIGNATURE);
    add(
        "the previous kid with the attacker's signature",
        Services.KEYS,
        Forge.es256(attacker, "{\"alg\":\"ES256\",\"kid\":\"2026-11\"}", payload),
        BAD_SIGNATURE);
    add(
        "no kid where every key has one",
        Services.KEYS,
        Forge.es256(Services.EC_KEYS.getPrivate(), "{\"alg\":\"ES256\"}", payload),
        BAD_SIGNATURE);
    add(
        "signed by the active key but naming the previous one",
        Services.KEYS,
        Forge.es256(
            Services.EC_KEYS.getPrivate(), "{\"alg\":\"ES256\",\"kid\":\"2026-11\"}", payload),
        BAD_SIGNATURE);
    add(
        "ES256 naming the RSA key",
        Services.KEYS,
        Forge.es256(attacker, "{\"alg\":\"ES256\",\"kid\":\"rsa-1\"}", payload),
        BAD_ALGORITHM);
    add(
        "RS256 naming an EC key",
        Services.KEYS,
        Forge.rs256(
            AttackerKeys.RSA.getPrivate(), "{\"alg\":\"RS256\",\"kid\":\"2026-12\"}", payload),
        BAD_ALGORITHM);
    add(
        "HS256 with the RSA public key as secret, naming it",
        Services.KEYS,
        Forge.hmacToken(
            "HmacSHA256",
            Services.RSA_KEYS.getPublic().getEncoded(),
            "{\"alg\":\"HS256\",\"kid\":\"rsa-1\"}",
            payload),
        BAD_ALGORITHM);
    add(
        "HS256 with the EC public key as secret, naming it",
        Services.KEYS,
        Forge.hmacToken(
            "HmacSHA256",
            Services.EC_KEYS.getPublic().getEncoded(),
            "{\"alg\":\"HS256\",\"kid\":\"2026-12\"}",
            payload),
        BAD_ALGORITHM);
    add(
        "alg none naming the active key",
        Services.KEYS,
        b64("{\"alg\":\"none\",\"kid\":\"2026-12\"}") + "." + b64(payload) + ".",
        BAD_ALGORITHM);
    add(
        "EdDSA naming the active key",
        Services.KEYS,
        b64("{\"alg\":\"EdDSA\",\"kid\":\"2026-12\"}")
            + "."
            + b64(payload)
            + "."
            + b64(new byte[64]),
        BAD_ALGORITHM);
    add(
        "a jwk header with the attacker's key and its own kid",
        Services.KEYS,
        Forge.es256(
            attacker,
            "{\"alg\":\"ES256\",\"kid\":\""
                + MARKER
                + "\",\"jwk\":{\"kty\":\"EC\",\"kid\":\""
                + MARKER
                + "\",\"crv\":\"P-256\"}}",
            payload),
        BAD_SIGNATURE);
    add(
        "jku naming the attacker's key set, with a known kid",
        Services.KEYS,
        Forge.es256(
            attacker,
            "{\"alg\":\"ES256\",\"kid\":\"2026-12\",\"jku\":\"https://"
                + MARKER
                + ".example/jwks\"}",
            payload),
        BAD_SIGNATURE);
    add(
        "two kids",
        Services.KEYS,
        Forge.es256(
            Services.EC_KEYS.getPrivate(),
            "{\"alg\":\"ES256\",\"kid\":\"2026-12\",\"kid\":\"2026-11\"}",
            payload),
        MALFORMED);
    add(
        "the RSA key's refresh-secret confusion: HS256 refresh header on the access side",
        Services.KEYS,
        Forge.hs256(Services.REFRESH_SECRET, "{\"alg\":\"HS256\",\"typ\":\"JWT\"}", payload),
        BAD_ALGORITHM);
  }
}
