package com.customerservice.bootstrap;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** multipart/form-data bodies for tests that talk to the service as a client does. */
public final class MultipartBodies {
  private MultipartBodies() {}

  /** The Content-Type of a body built with {@code boundary}. */
  public static String contentType(String boundary) {
    return "multipart/form-data; boundary=" + boundary;
  }

  /** Text fields ({@code name=value}), then JPEG file parts ({@code name -> bytes}). */
  public static byte[] of(String boundary, Map<String, String> fields, Map<String, byte[]> files) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    fields.forEach(
        (name, value) ->
            body.writeBytes(
                ("--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\""
                        + name
                        + "\"\r\n\r\n"
                        + value
                        + "\r\n")
                    .getBytes(StandardCharsets.UTF_8)));
    files.forEach(
        (name, bytes) -> {
          body.writeBytes(
              ("--"
                      + boundary
                      + "\r\nContent-Disposition: form-data; name=\""
                      + name
                      + "\"; filename=\""
                      + name
                      + ".jpg\"\r\nContent-Type: image/jpeg\r\n\r\n")
                  .getBytes(StandardCharsets.UTF_8));
          body.writeBytes(bytes);
          body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }
}
