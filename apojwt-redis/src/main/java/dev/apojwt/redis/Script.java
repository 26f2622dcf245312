package dev.apojwt.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One Lua script (a resource beside this class), run atomically inside Redis. Sent by its SHA-1
 * digest; its text only when Redis does not know it (after a restart, which forgets scripts).
 */
final class Script {
  /** The helper that the scripts ending sessions share. */
  private static final String REVOKE_SESSION = resource("revoke-session.lua");

  static final Script CREATE = new Script("create.lua", false);
  static final Script ROTATE = new Script("rotate.lua", true);
  static final Script REVOKE = new Script("revoke.lua", true);
  static final Script REVOKE_SUBJECT = new Script("revoke-subject.lua", true);
  static final Script SNAPSHOT = new Script("snapshot.lua", false);
  static final Script MERGE = new Script("merge.lua", false);

  private final String text;
  private final String digest;

  private Script(String name, boolean endsSessions) {
    this.text = (endsSessions ? REVOKE_SESSION + "\n" : "") + resource(name);
    this.digest = sha1(text);
  }

  <T> T run(
      RedisCommands<String, String> redis, ScriptOutputType type, String[] keys, String... args) {
    try {
      return redis.evalsha(digest, type, keys, args);
    } catch (RedisNoScriptException e) {
      return redis.eval(text, type, keys, args);
    }
  }

  private static String resource(String name) {
    try (InputStream in = Script.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha1(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
