package com.customerservice.adapter.kyc.onfido;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A {@code multipart/form-data} body, as Onfido's uploads take them: text fields and one file.
 * Field values are Onfido's ids and enum words and the file name is ours, so none needs escaping
 * beyond refusing line breaks and quotes.
 */
final class Multipart {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String boundary;
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  Multipart() {
    byte[] random = new byte[16];
    RANDOM.nextBytes(random);
    this.boundary = "----customer-service-" + HexFormat.of().formatHex(random);
  }

  Multipart field(String name, String value) {
    part("form-data; name=\"" + plain(name) + "\"", null);
    write(plain(value));
    write("\r\n");
    return this;
  }

  Multipart file(String name, String fileName, String mediaType, byte[] content) {
    part(
        "form-data; name=\"" + plain(name) + "\"; filename=\"" + plain(fileName) + "\"",
        plain(mediaType));
    body.writeBytes(content);
    write("\r\n");
    return this;
  }

  String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  HttpRequest.BodyPublisher publisher() {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.writeBytes(body.toByteArray());
    all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return HttpRequest.BodyPublishers.ofByteArray(all.toByteArray());
  }

  private void part(String disposition, String mediaType) {
    write("--" + boundary + "\r\n");
    write("Content-Disposition: " + disposition + "\r\n");
    if (mediaType != null) {
      write("Content-Type: " + mediaType + "\r\n");
    }
    write("\r\n");
  }

  private void write(String text) {
    body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String plain(String value) {
    if (value.chars().anyMatch(c -> c == '"' || c == '\r' || c == '\n')) {
      throw new IllegalArgumentException("a multipart value holds a quote or a line break");
    }
    return value;
  }
}
