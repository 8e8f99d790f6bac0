package com.customerservice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The production log format: one JSON object per line, whatever a message holds. */
class LogFormatTest {

  @Test
  void attackerTextInAMessageCannotForgeFieldsOrLines() throws Exception {
    LoggerContext context = new LoggerContext();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
    var logger = context.getLogger("access");
    ConsoleAppender<ILoggingEvent> appender =
        (ConsoleAppender<ILoggingEvent>) context.getLogger("ROOT").getAppender("STDOUT");

    String hostile = "x\" level=ERROR logger=Security msg=\"forged\n{\"level\":\"ERROR\"}";
    LoggingEvent event =
        new LoggingEvent("test", logger, Level.INFO, "route {}", null, new Object[] {hostile});
    event.setMDCPropertyMap(Map.of("request_id", "req_1"));
    String line = new String(appender.getEncoder().encode(event), StandardCharsets.UTF_8);

    assertThat(line.strip()).doesNotContain("\n");
    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.path("level").asText()).isEqualTo("INFO");
    assertThat(json.path("logger").asText()).isEqualTo("access");
    assertThat(json.path("message").asText()).isEqualTo("route " + hostile);
    assertThat(json.path("request_id").asText()).isEqualTo("req_1");
    context.stop();
  }
}
