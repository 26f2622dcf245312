package dev.apojwt.templatetests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, byte for byte: the suite sends duplicated, oversized, control and
 * non-ASCII header bytes that {@link java.net.http.HttpClient} refuses to send, and reads every
 * response header line as the server wrote it. One request per connection ({@code Connection:
 * close}).
 */
final class RawHttp {
  private RawHttp() {}

  /** A response: its status, its header lines in order, and its body (chunks joined). */
  static final class Response {
    final int status;
    final List<String[]> headers;
    final String body;
    final String raw;

    Response(int status, List<String[]> headers, String body, String raw) {
      this.status = status;
      this.headers = headers;
      this.body = body;
      this.raw = raw;
    }

    /** The values of every header line named {@code name} (any case). */
    List<String> headers(String name) {
      List<String> values = new ArrayList<>();
      for (String[] h : headers) {
        if (h[0].equalsIgnoreCase(name)) {
          values.add(h[1]);
        }
      }
      return values;
    }

    /** The one value of {@code name}, or null when there is none; fails when there are several. */
    String header(String name) {
      List<String> values = headers(name);
      if (values.size() > 1) {
        throw new AssertionError("two or more " + name + " headers: " + raw);
      }
      return values.isEmpty() ? null : values.get(0);
    }

    @Override
    public String toString() {
      return raw.length() > 2000 ? raw.substring(0, 2000) + "..." : raw;
    }
  }

  /** A request line and header lines ({@code "Name: value"}), with Host and Connection added. */
  static String request(String method, String path, String... headerLines) {
    StringBuilder r = new StringBuilder();
    r.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
    r.append("Host: 127.0.0.1\r\n");
    for (String line : headerLines) {
      r.append(line).append("\r\n");
    }
    if (method.equals("POST")) {
      r.append("Content-Length: 0\r\n");
    }
    return r.append("Connection: close\r\n\r\n").toString();
  }

  /**
   * Sends {@code request} (each char one byte, ISO-8859-1; use {@link #utf8} for multi-byte text)
   * and reads the response until the server closes the connection.
   */
  static Response send(int port, String request) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      } catch (IOException refusedEarly) {
        // A server may answer (431, 400) and close before it has read a huge request: read on.
      }
      byte[] bytes = readAll(socket.getInputStream());
      return parse(new String(bytes, StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      throw new UncheckedIOException("no response to " + abbreviate(request), e);
    }
  }

  /** {@code text} as UTF-8 bytes, one char per byte, for {@link #send}. */
  static String utf8(String text) {
    return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        all.write(buffer, 0, n);
      }
    } catch (IOException reset) {
      if (all.size() == 0) {
        throw reset;
      }
      // A reset after the response (the server closed with unread request bytes): keep it.
    }
    return all.toByteArray();
  }

  private static Response parse(String raw) {
    int end = raw.indexOf("\r\n\r\n");
    if (!raw.startsWith("HTTP/1.1 ") || end < 0) {
      throw new AssertionError("not an HTTP/1.1 response: " + abbreviate(raw));
    }
    String[] lines = raw.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].substring(9, 12));
    List<String[]> headers = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.add(
          new String[] {lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()});
    }
    String body = raw.substring(end + 4);
    for (String[] h : headers) {
      if (h[0].equalsIgnoreCase("Transfer-Encoding")
          && h[1].toLowerCase(Locale.ROOT).contains("chunked")) {
        body = dechunk(body);
      }
    }
    return new Response(status, headers, body, raw);
  }

  private static String dechunk(String chunked) {
    StringBuilder body = new StringBuilder();
    int at = 0;
    while (true) {
      int lineEnd = chunked.indexOf("\r\n", at);
      String size = chunked.substring(at, lineEnd);
      int semicolon = size.indexOf(';');
      int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
      if (n == 0) {
        return body.toString();
      }
      body.append(chunked, lineEnd + 2, lineEnd + 2 + n);
      at = lineEnd + 2 + n + 2;
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "... (" + s.length() + " chars)" : s;
  }
}
