package com.customerservice.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.customerservice.adapter.http.console.Console;
import com.customerservice.application.fixtures.InMemoryApplication;
import com.customerservice.domain.webhook.DeliveryError;
import io.javalin.Javalin;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
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
              // The reference page's own assets, and the console's pages for people, are not
              // part of the API.
              boolean docsAsset = parsed.endpoint.path.startsWith("/docs/");
              boolean console = parsed.endpoint.path.startsWith(Console.BASE);
              if (httpMethods.contains(method) && !docsAsset && !console) {
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
  void theDeliveryLogDocumentsEveryErrorTheDomainNames() {
    Schema<?> attempt =
        new OpenAPIV3Parser()
            .read("openapi.yaml")
            .getComponents()
            .getSchemas()
            .get("WebhookDeliveryAttempt");
    Schema<?> error = attempt.getProperties().get("error");
    Set<String> documented = new TreeSet<>();
    error.getEnum().stream().filter(Objects::nonNull).forEach(v -> documented.add(v.toString()));

    assertThat(documented)
        .isEqualTo(
            Arrays.stream(DeliveryError.values())
                .map(DeliveryError::code)
                .collect(Collectors.toCollection(TreeSet::new)));
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
