package com.customerservice.adapter.kyc;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A deliberately bad sandbox class: the KYC core may not use a JSON library. */
public final class SandboxParsingJson {
  public Object read(String json) throws Exception {
    return new ObjectMapper().readTree(json);
  }
}
