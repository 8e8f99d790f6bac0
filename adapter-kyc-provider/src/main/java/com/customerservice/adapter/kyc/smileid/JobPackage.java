package com.customerservice.adapter.kyc.smileid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Base64;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The zip Smile ID's v1 flow expects at the upload address: one {@code info.json} that names the
 * job (signed again), the document's country and type, and the images inline as base64 with Smile
 * ID's image type ids (2 selfie, 3 document front, 7 document back).
 */
final class JobPackage {
  static final String FILE_NAME = "selfie.zip";
  static final int SELFIE = 2;
  static final int DOCUMENT_FRONT = 3;
  static final int DOCUMENT_BACK = 7;

  private final ObjectMapper json;
  private final ObjectNode info;
  private final ArrayNode images;

  JobPackage(
      ObjectMapper json,
      ObjectNode signedBody,
      String partnerId,
      String callbackUrl,
      ObjectNode partnerParams,
      String country,
      String idType,
      URI uploadUrl) {
    this.json = json;
    this.info = json.createObjectNode();
    ObjectNode packageInformation = info.putObject("package_information");
    ObjectNode apiVersion = packageInformation.putObject("apiVersion");
    apiVersion.put("buildNumber", 0);
    apiVersion.put("majorVersion", 2);
    apiVersion.put("minorVersion", 0);
    packageInformation.put("language", "java");

    ObjectNode misc = info.putObject("misc_information");
    misc.put("retry", "false");
    misc.set("partner_params", partnerParams);
    misc.set("timestamp", signedBody.get("timestamp"));
    misc.set("signature", signedBody.get("signature"));
    misc.put("file_name", FILE_NAME);
    misc.put("smile_client_id", partnerId);
    misc.put("callback_url", callbackUrl);

    ObjectNode idInfo = info.putObject("id_info");
    idInfo.put("country", country);
    idInfo.put("id_type", idType);
    idInfo.put("entered", "false");

    this.images = info.putArray("images");
    info.put("server_information", uploadUrl.toString());
  }

  JobPackage image(int typeId, byte[] content) {
    ObjectNode image = images.addObject();
    image.put("image_type_id", typeId);
    image.put("image", Base64.getEncoder().encodeToString(content));
    image.put("file_name", "");
    return this;
  }

  byte[] zip() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("info.json"));
      zip.write(json.writeValueAsBytes(info));
      zip.closeEntry();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write info.json", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
