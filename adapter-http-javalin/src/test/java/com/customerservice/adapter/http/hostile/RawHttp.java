package com.customerservice.adapter.http.hostile;

import com.customerservice.adapter.http.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Requests written byte for byte onto a socket: no client library between the test and the server
 * to normalise a method, encode a path, drop a header or refuse what an attacker would send.
 */
public final class RawHttp {
  private final int port;

  public RawHttp(int port) {
    this.port = port;
  }

  /** One answer: status, headers (names lower-cased) and body. */
  public record Answer(int status, Map<String, String> headers, byte[] body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public JsonNode json() {
      try {
        return Json.MAPPER.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + text(), e);
      }
    }
  }

  /**
   * Sends {@code head} (request line and headers, CRLF-separated, no final blank line) and body.
   */
  public Answer send(String head, byte[] body) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      var out = socket.getOutputStream();
      String withClose =
          head
              + "\r\nHost: 127.0.0.1:"
              + port
              + "\r\nConnection: close"
              + (body.length > 0 ? "\r\nContent-Length: " + body.length : "")
              + "\r\n\r\n";
      out.write(withClose.getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      return read(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Answer send(String head) {
    return send(head, new byte[0]);
  }

  /** A request with a JSON body. */
  public Answer json(String requestLine, String json, String... extraHeaders) {
    String head =
        requestLine
            + "\r\nContent-Type: application/json"
            + (extraHeaders.length == 0 ? "" : "\r\n" + String.join("\r\n", extraHeaders));
    return send(head, json.getBytes(StandardCharsets.UTF_8));
  }

  private static Answer read(InputStream in) throws IOException {
    byte[] all = in.readAllBytes();
    int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    if (end < 0) {
      throw new AssertionError("no complete response head: " + new String(all));
    }
    String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(
          lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).strip());
    }
    byte[] rest = java.util.Arrays.copyOfRange(all, end + 4, all.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      rest = unchunk(rest);
    }
    return new Answer(status, headers, rest);
  }

  private static byte[] unchunk(byte[] chunked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = 0;
    while (true) {
      int lineEnd = indexOf(chunked, at, "\r\n".getBytes(StandardCharsets.ISO_8859_1));
      int size =
          Integer.parseInt(
              new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).strip(), 16);
      if (size == 0) {
        return out.toByteArray();
      }
      out.write(chunked, lineEnd + 2, size);
      at = lineEnd + 2 + size + 2;
    }
  }

  private static int indexOf(byte[] data, byte[] pattern) {
    return indexOf(data, 0, pattern);
  }

  private static int indexOf(byte[] data, int from, byte[] pattern) {
    outer:
    for (int i = from; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
