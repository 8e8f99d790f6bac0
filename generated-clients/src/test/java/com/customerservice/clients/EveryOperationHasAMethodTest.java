package com.customerservice.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every operation a client calls has a method in each generated client, whatever would lose one:
 * two tags generating the same class, a name the generator drops, a template that skips it. Read
 * from the document the clients were generated from, with the generated classes found on the class
 * path, so a new operation is checked without anyone listing it here.
 */
class EveryOperationHasAMethodTest {
  /** The pom's {@code openapi.document}, as the generator read it. */
  private static final Path DOCUMENT =
      Paths.get("..", "adapter-http-javalin", "src", "main", "resources", "openapi.yaml");

  private static final OpenAPI PARSED = new OpenAPIV3Parser().read(DOCUMENT.toString());

  private static Stream<Operation> operations(Map<String, PathItem> items) {
    return items == null
        ? Stream.empty()
        : items.values().stream().flatMap(item -> item.readOperations().stream());
  }

  private static Set<String> tags(Stream<Operation> operations) {
    return operations
        .map(Operation::getTags)
        .flatMap(tags -> tags == null ? Stream.<String>empty() : tags.stream())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The public methods of every generated {@code *Api} class in {@code apiPackage}. */
  private static Set<String> apiMethods(String apiPackage) throws IOException, URISyntaxException {
    URL folder =
        EveryOperationHasAMethodTest.class
            .getClassLoader()
            .getResource(apiPackage.replace('.', '/'));
    assertThat(folder).as("generated package %s", apiPackage).isNotNull();
    try (Stream<Path> files = Files.list(Paths.get(folder.toURI()))) {
      List<Class<?>> apis =
          files
              .map(file -> file.getFileName().toString())
              .filter(name -> name.endsWith("Api.class"))
              .map(name -> load(apiPackage + "." + name.substring(0, name.length() - 6)))
              .collect(Collectors.toList());
      assertThat(apis).as("generated API classes in %s", apiPackage).isNotEmpty();
      return apis.stream()
          .map(Class::getDeclaredMethods)
          .flatMap(Arrays::stream)
          .filter(method -> Modifier.isPublic(method.getModifiers()))
          .map(Method::getName)
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "com.customerservice.clients.nativejava.api",
        "com.customerservice.clients.okhttp.api"
      })
  void eachGeneratedClientHasAMethodForEveryOperationId(String apiPackage) throws Exception {
    Set<String> operationIds =
        operations(PARSED.getPaths())
            .map(Operation::getOperationId)
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(operationIds).doesNotContainNull().contains("createWebhookEndpoint", "getCustomer");
    Set<String> missing = new TreeSet<>(operationIds);
    missing.removeAll(apiMethods(apiPackage));
    assertThat(missing).as("operationIds without a method in %s", apiPackage).isEmpty();
  }

  /**
   * A top-level webhook is what a receiver implements, not an operation a client calls; generators
   * that emit it (the command line does by default) name its class after its tag, as they do for
   * paths, so a shared tag makes one class overwrite the other.
   */
  @Test
  void noWebhookSharesATagWithAnOperationAClientCalls() {
    Collection<String> receiverTags = tags(operations(PARSED.getWebhooks()));
    assertThat(receiverTags).isNotEmpty();
    assertThat(tags(operations(PARSED.getPaths()))).doesNotContainAnyElementsOf(receiverTags);
  }
}
