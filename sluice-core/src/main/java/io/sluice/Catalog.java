package io.sluice;

import io.sluice.analysis.SessionCatalog;
import io.sluice.error.ErrorClass;
import io.sluice.error.SluiceException;
import io.sluice.plan.expr.UnresolvedAttribute;
import io.sluice.types.DataTypes;
import io.sluice.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tables and views a session knows, as Spark's {@code Catalog}: its temporary views and the
 * global temporary views in {@code global_temp}.
 */
public final class Catalog {
  /** The columns of {@link #listTables()}, as Spark's {@code Table}. */
  public static final StructType TABLE_SCHEMA =
      new StructType()
          .add("name", DataTypes.StringType)
          .add("catalog", DataTypes.StringType)
          .add("namespace", DataTypes.createArrayType(DataTypes.StringType))
          .add("description", DataTypes.StringType)
          .add("tableType", DataTypes.StringType)
          .add("isTemporary", DataTypes.BooleanType, false);

  private static final String DEFAULT_DATABASE = "default";

  private final Session session;

  Catalog(Session session) {
    this.session = session;
  }

  /** The current database: always {@code default}. */
  public String currentDatabase() {
    return DEFAULT_DATABASE;
  }

  /** The current catalog: always {@code spark_catalog}, as in Spark. */
  public String currentCatalog() {
    return "spark_catalog";
  }

  /**
   * The session's temporary views as rows of {@link #TABLE_SCHEMA} (name, catalog, namespace,
   * description, tableType {@code TEMPORARY}, isTemporary), sorted by name.
   */
  public DataFrame listTables() {
    return listTables(DEFAULT_DATABASE);
  }

  /**
   * The tables of {@code dbName} and the session's temporary views; {@code global_temp} lists the
   * global temporary views too.
   */
  public DataFrame listTables(String dbName) {
    SessionCatalog c = session.sessionCatalog();
    List<Row> rows = new ArrayList<>();
    String db = dbName.toLowerCase(Locale.ROOT);
    if (db.equals(SessionCatalog.GLOBAL_TEMP_DATABASE)) {
      for (String name : c.listGlobalTempViews()) {
        rows.add(tableRow(name, List.of(SessionCatalog.GLOBAL_TEMP_DATABASE)));
      }
    } else if (!db.equals(DEFAULT_DATABASE)) {
      throw new AnalysisException(
          ErrorClass.SCHEMA_NOT_FOUND, SluiceException.params("schemaName", "`" + dbName + "`"));
    }
    for (String name : c.listTempViews()) rows.add(tableRow(name, List.of()));
    return session.createDataFrame(rows, TABLE_SCHEMA);
  }

  private static Row tableRow(String name, List<String> namespace) {
    return RowFactory.create(name, null, namespace, null, "TEMPORARY", true);
  }

  /** Whether a temporary view (or {@code global_temp.name}) of this name exists. */
  public boolean tableExists(String tableName) {
    return session.sessionCatalog().lookup(parseName(tableName)).isPresent();
  }

  /** Whether {@code tableName} exists in database {@code dbName}. */
  public boolean tableExists(String dbName, String tableName) {
    if (dbName.equalsIgnoreCase(SessionCatalog.GLOBAL_TEMP_DATABASE)) {
      return session.sessionCatalog().lookup(List.of(dbName, tableName)).isPresent();
    }
    return false;
  }

  /** Drops a temporary view; true when it existed. */
  public boolean dropTempView(String viewName) {
    return session.sessionCatalog().dropTempView(viewName);
  }

  /** Drops a global temporary view; true when it existed. */
  public boolean dropGlobalTempView(String viewName) {
    return session.sessionCatalog().dropGlobalTempView(viewName);
  }

  /** Splits a possibly qualified, possibly backquoted name: {@code global_temp.`a.b`}. */
  static List<String> parseName(String name) {
    return UnresolvedAttribute.parseAttributeName(name);
  }
}
