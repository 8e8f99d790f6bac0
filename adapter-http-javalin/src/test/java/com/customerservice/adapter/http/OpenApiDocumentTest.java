package com.customerservice.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.customerservice.application.fixtures.InMemoryApplication;
import io.javalin.Javalin;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The published document and the server describe the same routes, and the check can fail. */
class OpenApiDocumentTest {

  @Test
  void everyRouteIsDocumentedAndEveryDocumentedRouteExists() {
    InMemoryApplication application = new InMemoryApplication();
    Javalin app = HttpApi.create(application.useCases, HttpApi.Options.open(application.calls));
    Set<String> served = new TreeSet<>();
    Set<String> httpMethods = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    app.unsafe
        .internalRouter
        .allHttpHandlers()
        .forEach(
            parsed -> {
              String method = parsed.endpoint.method.name().toUpperCase(Locale.ROOT);
              // The reference page's own assets are not part of the API.
              boolean docsAsset = parsed.endpoint.path.startsWith("/docs/");
              if (httpMethods.contains(method) && !docsAsset) {
                served.add(method + " " + parsed.endpoint.path);
              }
            });

    OpenAPI document = new OpenAPIV3Parser().read("openapi.yaml");
    Set<String> documented = new TreeSet<>();
    document
        .getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .keySet()
                    .forEach(m -> documented.add(m.name().toUpperCase(Locale.ROOT) + " " + path)));

    assertThat(served).isNotEmpty().isEqualTo(documented);
  }

  @Test
  void theValidatorCatchesAResponseThatBreaksTheDocument() {
    var validator = OpenApiInteractionValidator.createForSpecificationUrl("openapi.yaml").build();
    var report =
        validator.validateResponse(
            "/v1/customers/cus_abcdefghijklmnopqrstuvwx",
            Request.Method.GET,
            SimpleResponse.Builder.ok()
                .withContentType("application/json")
                .withBody(
                    "{\"object\":\"customer\",\"customer\":{\"customer_id\":\"cus_x\",\"surprise\":1}}")
                .build());
    assertThat(report.hasErrors()).isTrue();
  }
}
