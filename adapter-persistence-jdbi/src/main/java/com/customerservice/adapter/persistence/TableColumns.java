package com.customerservice.adapter.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.Update;

/**
 * The columns of a versioned table whose key is {@code id}, written once: each with whether an
 * update may change it and how an object's value is bound to it. The select, the insert (at version
 * 1) and the versioned update are made from them, so a new field is a line (and a migration).
 */
final class TableColumns<T> {
  private record Column<T>(String name, boolean updatable, Function<T, Argument> value) {}

  private final String table;
  private final List<Column<T>> columns;

  private TableColumns(String table, List<Column<T>> columns) {
    this.table = table;
    this.columns = List.copyOf(columns);
  }

  static <T> TableColumns<T> of(String table) {
    return new TableColumns<>(table, List.of());
  }

  /** These columns and one written only by the insert. */
  TableColumns<T> fixed(String name, Function<T, Argument> value) {
    return with(new Column<>(name, false, value));
  }

  /** These columns and one an update may change. */
  TableColumns<T> column(String name, Function<T, Argument> value) {
    return with(new Column<>(name, true, value));
  }

  private TableColumns<T> with(Column<T> column) {
    List<Column<T>> more = new ArrayList<>(columns);
    more.add(column);
    return new TableColumns<>(table, more);
  }

  /** {@code SELECT <every column>, version FROM <table>}, for a WHERE clause to follow. */
  String select() {
    return "SELECT " + names(columns.stream()) + ", version FROM " + table;
  }

  /** A new row at version 1, from {@link #bindNew}. */
  String insert() {
    return "INSERT INTO "
        + table
        + " ("
        + names(columns.stream())
        + ", version) VALUES ("
        + columns.stream().map(c -> ":" + c.name()).collect(Collectors.joining(", "))
        + ", 1)";
  }

  /** A change made from the version the row was read at, from {@link #bindChange}, or nothing. */
  String update() {
    return "UPDATE "
        + table
        + " SET "
        + updatable().map(c -> c.name() + " = :" + c.name()).collect(Collectors.joining(", "))
        + ", version = version + 1 WHERE id = :id AND version = :version";
  }

  Update bindNew(Update statement, T row) {
    columns.forEach(c -> statement.bind(c.name(), c.value().apply(row)));
    return statement;
  }

  /** Binds what {@link #update} changes, the row's id and the version it was read at. */
  Update bindChange(Update statement, T row, long version) {
    updatable().forEach(c -> statement.bind(c.name(), c.value().apply(row)));
    columns.stream()
        .filter(c -> c.name().equals("id"))
        .forEach(c -> statement.bind("id", c.value().apply(row)));
    return statement.bind("version", SqlArguments.bigint(version));
  }

  private Stream<Column<T>> updatable() {
    return columns.stream().filter(Column::updatable);
  }

  private static String names(Stream<? extends Column<?>> columns) {
    return columns.map(Column::name).collect(Collectors.joining(", "));
  }
}
