package dev.apojwt.benchmarks;

import dev.apojwt.ApoJwt;
import java.security.KeyPair;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Keys across services, side by side in one run: verification with five kid keys against one key
 * (the kid chooses; tokens from all five keys, as during a rotation); the verified-token cache off,
 * missing (a one-entry cache cycled through 1,024 distinct tokens: every lookup misses, then
 * verifies and inserts) and hitting (every token of the pool cached); EdDSA (Ed25519) against ES256
 * and RS256 ({@code off}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class KeysBenchmark {
  private static final int KIDS = 5;

  /** One key without kid, or five with kids, each of which signed a fifth of the tokens. */
  @State(Scope.Thread)
  public static class Kids {
    @Param({"HS256", "ES256"})
    public String algorithm;

    @Param({"one", "five"})
    public String keys;

    ApoJwt jwt;
    String[] tokens;
    int next;

    @Setup(Level.Trial)
    public void setUp() {
      if (keys.equals("one")) {
        KeyPair pair = algorithm.equals("HS256") ? null : Fixtures.keyPair(algorithm);
        jwt = Fixtures.apoJwt(algorithm, pair).build();
        tokens = Fixtures.tokens(jwt, List.of(Fixtures.PERMISSION));
        return;
      }
      ApoJwt.Builder verifier = Fixtures.plain(algorithm);
      ApoJwt[] signers = new ApoJwt[KIDS];
      for (int i = 0; i < KIDS; i++) {
        String kid = "2026-" + (8 + i);
        ApoJwt.Builder signer = Fixtures.plain(algorithm);
        if (algorithm.equals("HS256")) {
          String secret = Fixtures.SECRET + "-" + kid;
          signer.secret(kid, secret);
          if (i == KIDS - 1) {
            verifier.secret(kid, secret);
          } else {
            verifier.verificationSecret(kid, secret);
          }
        } else {
          KeyPair pair = Fixtures.keyPair(algorithm);
          signer.signingKeys(kid, pair);
          if (i == KIDS - 1) {
            verifier.signingKeys(kid, pair);
          } else {
            verifier.verificationKey(kid, pair.getPublic());
          }
        }
        signers[i] = signer.build();
      }
      jwt = verifier.build();
      tokens = new String[Fixtures.POOL];
      for (int i = 0; i < Fixtures.POOL; i++) {
        tokens[i] = Fixtures.token(signers[i % KIDS], List.of(Fixtures.PERMISSION), i);
      }
    }
  }

  /** The verified-token cache off, always missing, or always hitting. */
  @State(Scope.Thread)
  public static class Cached {
    @Param({"HS256", "RS256", "ES256", "EdDSA"})
    public String algorithm;

    @Param({"off", "miss", "hit"})
    public String cache;

    ApoJwt jwt;
    String[] tokens;
    int next;

    @Setup(Level.Trial)
    public void setUp() {
      KeyPair pair = algorithm.equals("HS256") ? null : Fixtures.keyPair(algorithm);
      ApoJwt.Builder builder = Fixtures.apoJwt(algorithm, pair);
      if (cache.equals("miss")) {
        builder.verifiedCache(1);
      } else if (cache.equals("hit")) {
        builder.verifiedCache(4 * Fixtures.POOL);
      }
      jwt = builder.build();
      tokens = Fixtures.tokens(jwt, List.of(Fixtures.PERMISSION));
      for (String token : tokens) {
        jwt.verify(token);
      }
    }
  }

  @Benchmark
  public boolean kids(Kids state) {
    String token = state.tokens[state.next];
    state.next = (state.next + 1) & (Fixtures.POOL - 1);
    return state.jwt.verify(token).hasPermission(Fixtures.PERMISSION);
  }

  @Benchmark
  public boolean verifiedCache(Cached state) {
    String token = state.tokens[state.next];
    state.next = (state.next + 1) & (Fixtures.POOL - 1);
    return state.jwt.verify(token).hasPermission(Fixtures.PERMISSION);
  }
}
