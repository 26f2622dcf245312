package dev.apojwt;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches a JWK Set with the JDK's {@link HttpClient}: one GET, within one deadline for connecting
 * and the whole answer (a server that trickles its body is cut off too), no redirects followed,
 * {@code 200} only, at most {@link #MAX_BYTES} of body (a larger {@code Content-Length} is refused
 * before a byte is read).
 */
final class JwksFetcher {
  /** Real key sets are a few kilobytes; nimbus allows 50 KiB. */
  static final int MAX_BYTES = 64 * 1024;

  /** A fetched set and how long its server says it may be kept. */
  static final class Fetched {
    final byte[] body;

    /** {@code Cache-Control: max-age} in seconds; -1 without one, 0 for no-cache or no-store. */
    final long maxAgeSeconds;

    Fetched(byte[] body, long maxAgeSeconds) {
      this.body = body;
      this.maxAgeSeconds = maxAgeSeconds;
    }
  }

  private final URI uri;
  private final Duration timeout;
  private final HttpClient client;

  JwksFetcher(URI uri, Duration timeout) {
    this.uri = uri;
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * @throws IOException saying what went wrong, for the log (never the body)
   */
  Fetched fetch() throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Accept", "application/jwk-set+json, application/json")
            .GET()
            .build();
    CompletableFuture<HttpResponse<byte[]>> answer =
        client.sendAsync(request, info -> new Limited(info));
    HttpResponse<byte[]> response;
    try {
      response = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      answer.cancel(true);
      throw new IOException("no complete answer within " + timeout.toMillis() + " ms");
    } catch (InterruptedException e) {
      answer.cancel(true);
      Thread.currentThread().interrupt();
      throw new IOException("interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw new IOException(
          cause instanceof TooLarge
              ? cause.getMessage()
              : "the request failed (" + cause.getClass().getSimpleName() + ")");
    }
    if (response.statusCode() != 200) {
      throw new IOException(
          "answered " + response.statusCode() + ", not 200 (redirects are not followed)");
    }
    return new Fetched(response.body(), maxAge(response.headers().allValues("cache-control")));
  }

  /** The {@code max-age} of {@code Cache-Control}; 0 for {@code no-cache}/{@code no-store}. */
  static long maxAge(List<String> values) {
    long maxAge = -1;
    for (String value : values) {
      for (String directive : value.split(",")) {
        String d = directive.trim().toLowerCase(Locale.ROOT);
        if (d.equals("no-cache") || d.equals("no-store")) {
          return 0;
        }
        if (d.startsWith("max-age=")) {
          try {
            maxAge = Math.max(0, Long.parseLong(d.substring("max-age=".length()).trim()));
          } catch (NumberFormatException e) {
            // Ignored: the default applies.
          }
        }
      }
    }
    return maxAge;
  }

  /** The body of a 200 answer up to {@link #MAX_BYTES}; other answers' bodies are dropped. */
  private static final class Limited implements HttpResponse.BodySubscriber<byte[]> {
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final boolean keep;
    private final long declared;
    private Flow.Subscription subscription;

    Limited(HttpResponse.ResponseInfo info) {
      this.keep = info.statusCode() == 200;
      this.declared = info.headers().firstValueAsLong("content-length").orElse(-1);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      if (keep && declared > MAX_BYTES) {
        tooLarge();
        return;
      }
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      if (body.isDone()) {
        return;
      }
      for (ByteBuffer buffer : buffers) {
        if (!keep) {
          continue;
        }
        if (bytes.size() + buffer.remaining() > MAX_BYTES) {
          tooLarge();
          return;
        }
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        bytes.write(chunk, 0, chunk.length);
      }
    }

    private void tooLarge() {
      subscription.cancel();
      body.completeExceptionally(new TooLarge());
    }

    @Override
    public void onError(Throwable throwable) {
      body.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      body.complete(bytes.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return body;
    }
  }

  private static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super("the answer is larger than " + MAX_BYTES + " bytes");
    }
  }
}
