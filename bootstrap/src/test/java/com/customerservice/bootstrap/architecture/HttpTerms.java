package com.customerservice.bootstrap.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import java.util.regex.Pattern;

/** What naming an HTTP status code or header looks like in compiled code. */
final class HttpTerms {
  /** Member names that say status code or header, whatever their type. */
  private static final Pattern HTTP_NAME =
      Pattern.compile("(?i).*(header|statuscode|httpstatus|status_code).*");

  /** A header name as written on the wire: capitalised words joined by hyphens. */
  private static final Pattern HEADER_NAME = Pattern.compile("[A-Z][a-z]+(-[A-Z][a-z]+)+");

  /** A member called {@code status} of one of these types is a status code. */
  private static final Set<String> NUMBERS =
      Set.of("int", "java.lang.Integer", "java.util.OptionalInt");

  static final ArchCondition<JavaClass> NAME_NONE =
      new ArchCondition<>("name no status code or header") {
        @Override
        public void check(JavaClass type, ConditionEvents events) {
          type.getFields().forEach(field -> checkMember(field, field.getRawType(), events));
          type.getMethods()
              .forEach(method -> checkMember(method, method.getRawReturnType(), events));
          type.getFields().forEach(field -> checkConstant(field, events));
        }
      };

  private HttpTerms() {}

  private static void checkMember(JavaMember member, JavaClass type, ConditionEvents events) {
    String name = member.getName();
    boolean numericStatus = name.equalsIgnoreCase("status") && NUMBERS.contains(type.getName());
    if (HTTP_NAME.matcher(name).matches() || numericStatus) {
      events.add(SimpleConditionEvent.violated(member, member.getFullName() + " names HTTP"));
    }
  }

  private static void checkConstant(JavaField field, ConditionEvents events) {
    if (!field.getModifiers().contains(JavaModifier.STATIC)
        || !field.getRawType().isEquivalentTo(String.class)) {
      return;
    }
    Object value;
    try {
      var reflected = field.reflect();
      reflected.setAccessible(true);
      value = reflected.get(null);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return; // a constant that cannot be read here is not one this rule can judge
    }
    if (value instanceof String text && HEADER_NAME.matcher(text).matches()) {
      events.add(
          SimpleConditionEvent.violated(
              field, field.getFullName() + " is the header name \"" + text + "\""));
    }
  }
}
