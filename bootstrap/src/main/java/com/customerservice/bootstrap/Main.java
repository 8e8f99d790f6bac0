package com.customerservice.bootstrap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar customer-service.jar}: reads the environment, starts, stops on SIGTERM. */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
    Configuration configuration;
    try {
      configuration = Configuration.from(System.getenv());
    } catch (ConfigurationException e) {
      e.problems().forEach(problem -> System.err.println("configuration error: " + problem));
      System.exit(2);
      return;
    }
    CustomerServiceApplication application = new CustomerServiceApplication(configuration);
    try {
      application.start();
    } catch (ConfigurationException e) {
      e.problems().forEach(problem -> System.err.println("configuration error: " + problem));
      System.exit(2);
      return;
    } catch (RuntimeException e) {
      LOG.error("the customer service could not start: {}", e.getMessage(), e);
      System.err.println("start-up failed: " + e.getMessage());
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(application::stop, "shutdown"));
  }
}
