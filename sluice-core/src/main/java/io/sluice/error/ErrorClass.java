package io.sluice.error;

/**
 * Every error class Sluice raises, with its SQLSTATE and message template. Names and templates
 * follow Spark's error conditions where Spark has one, so users can search for them. Template
 * parameters are written {@code <name>} and filled from the exception's message parameters.
 */
public enum ErrorClass {
  // --- analysis (42xxx) ---
  UNRESOLVED_COLUMN_WITH_SUGGESTION(
      "UNRESOLVED_COLUMN.WITH_SUGGESTION",
      "42703",
      "A column, variable, or function parameter with name <objectName> cannot be resolved."
          + " Did you mean one of the following? [<proposal>]."),
  UNRESOLVED_COLUMN_WITHOUT_SUGGESTION(
      "UNRESOLVED_COLUMN.WITHOUT_SUGGESTION",
      "42703",
      "A column, variable, or function parameter with name <objectName> cannot be resolved."),
  UNRESOLVED_FIELD_WITH_SUGGESTION(
      "UNRESOLVED_FIELD.WITH_SUGGESTION",
      "42703",
      "A field with name <fieldName> cannot be resolved with the struct-type column <columnPath>."
          + " Did you mean one of the following? [<proposal>]."),
  AMBIGUOUS_REFERENCE(
      "AMBIGUOUS_REFERENCE",
      "42704",
      "Reference <name> is ambiguous, could be: [<referenceNames>]."),
  UNRESOLVED_ROUTINE(
      "UNRESOLVED_ROUTINE",
      "42883",
      "Cannot resolve routine <routineName> on search path [<searchPath>]."),
  TABLE_OR_VIEW_NOT_FOUND(
      "TABLE_OR_VIEW_NOT_FOUND",
      "42P01",
      "The table or view <relationName> cannot be found. Verify the spelling and correctness of"
          + " the schema and catalog. To tolerate the error on drop use DROP VIEW IF EXISTS or"
          + " DROP TABLE IF EXISTS."),
  DATATYPE_MISMATCH_BINARY_OP_DIFF_TYPES(
      "DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES",
      "42K09",
      "Cannot resolve <sqlExpr> due to data type mismatch: the left and right operands of the"
          + " binary operator have incompatible types (<left> and <right>)."),
  DATATYPE_MISMATCH_UNEXPECTED_INPUT_TYPE(
      "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE",
      "42K09",
      "Cannot resolve <sqlExpr> due to data type mismatch: the <paramIndex> parameter requires"
          + " the <requiredType> type, however <inputSql> has the type <inputType>."),
  DATATYPE_MISMATCH_CAST_WITHOUT_SUGGESTION(
      "DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION",
      "42K09",
      "Cannot resolve <sqlExpr> due to data type mismatch: cannot cast <srcType> to"
          + " <targetType>."),
  DATATYPE_MISMATCH_DATA_DIFF_TYPES(
      "DATATYPE_MISMATCH.DATA_DIFF_TYPES",
      "42K09",
      "Cannot resolve <sqlExpr> due to data type mismatch: input to <functionName> should all"
          + " be the same type, but it's [<dataType>]."),
  DATATYPE_MISMATCH_FILTER_NOT_BOOLEAN(
      "DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN",
      "42K09",
      "Cannot resolve <sqlExpr> due to data type mismatch: filter expression <filter> of type"
          + " <type> is not a boolean."),
  MISSING_AGGREGATION(
      "MISSING_AGGREGATION",
      "42803",
      "The non-aggregating expression <expression> is based on columns which are not"
          + " participating in the GROUP BY clause. Add the columns or the expression to the"
          + " GROUP BY, aggregate the expression, or use <expressionAnyValue> if you do not care"
          + " which of the values within a group is returned."),
  NESTED_AGGREGATE_FUNCTION(
      "NESTED_AGGREGATE_FUNCTION",
      "42607",
      "It is not allowed to use an aggregate function in the argument of another aggregate"
          + " function. Please use the inner aggregate function in a sub-query."),
  WRONG_NUM_ARGS(
      "WRONG_NUM_ARGS.WITHOUT_SUGGESTION",
      "42605",
      "The <functionName> requires <expectedNum> parameters but the actual number is"
          + " <actualNum>."),
  NUM_COLUMNS_MISMATCH(
      "NUM_COLUMNS_MISMATCH",
      "42826",
      "<operator> can only be performed on inputs with the same number of columns, but the"
          + " first input has <firstNumColumns> columns and the <invalidOrdinalNum> input has"
          + " <invalidNumColumns> columns."),
  INCOMPATIBLE_COLUMN_TYPE(
      "INCOMPATIBLE_COLUMN_TYPE",
      "42825",
      "<operator> can only be performed on tables with compatible column types. The"
          + " <columnOrdinalNumber> column of the <tableOrdinalNumber> table is <dataType1> type"
          + " which is not compatible with <dataType2> at the same column of the first table."),
  UNSUPPORTED_JOIN_TYPE(
      "UNSUPPORTED_JOIN_TYPE",
      "42000",
      "Unsupported join type '<typ>'. Supported join types include: <supported>."),
  INVALID_EXTRACT_BASE_FIELD_TYPE(
      "INVALID_EXTRACT_BASE_FIELD_TYPE",
      "42000",
      "Can't extract a value from <base>. Need a complex type [STRUCT, ARRAY, MAP] but got"
          + " <other>."),
  CANNOT_PARSE_DATATYPE(
      "PARSE_SYNTAX_ERROR",
      "42601",
      "Syntax error at or near <error><hint>."),
  INVALID_SCHEMA(
      "INVALID_SCHEMA.NON_STRUCT_TYPE",
      "42K07",
      "The input schema <inputSchema> is not a valid schema string. The input expression must"
          + " be a struct type, but got <dataType>."),
  PATH_NOT_FOUND(
      "PATH_NOT_FOUND",
      "42K03",
      "Path does not exist: <path>."),
  UNABLE_TO_INFER_SCHEMA(
      "UNABLE_TO_INFER_SCHEMA",
      "42KD9",
      "Unable to infer schema for <format>. It must be specified manually."),
  UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE(
      "UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE",
      "0A000",
      "The <format> datasource doesn't support the column <columnName> of the type"
          + " <columnType>."),
  INVALID_CORRUPT_RECORD_TYPE(
      "INVALID_CORRUPT_RECORD_TYPE",
      "42804",
      "The column <columnName> for corrupt records must have the nullable STRING type, but got"
          + " <actualType>."),
  CONFLICTING_PARTITION_COLUMN_NAMES(
      "CONFLICTING_PARTITION_COLUMN_NAMES",
      "KD009",
      "Conflicting partition column names detected: <distinctPartColLists>. For partitioned"
          + " table directories, data files should only live in leaf directories. And"
          + " directories at the same level should have the same partition column name. Please"
          + " check the following directories for unexpected files or inconsistent partition"
          + " column names: <suspiciousPaths>"),
  TEMP_TABLE_OR_VIEW_ALREADY_EXISTS(
      "TEMP_TABLE_OR_VIEW_ALREADY_EXISTS",
      "42P07",
      "Cannot create the temporary view <relationName> because it already exists."),
  // --- configuration and options ---
  INVALID_CONF_VALUE(
      "INVALID_CONF_VALUE.TYPE_MISMATCH",
      "22022",
      "The value '<confValue>' in the config <confName> is invalid. <reason>"),
  INVALID_OPTION_VALUE(
      "INVALID_OPTION_VALUE",
      "42616",
      "The value '<value>' of the option <option> is invalid: <reason>"),
  INVALID_MASTER_URL(
      "INVALID_MASTER_URL",
      "22023",
      "Invalid master URL <master>: use local, local[N] or local[*]."),
  // --- execution (22xxx) ---
  DIVIDE_BY_ZERO(
      "DIVIDE_BY_ZERO",
      "22012",
      "Division by zero. Use `try_divide` to tolerate divisor being 0 and return NULL instead."
          + " If necessary set <config> to \"false\" to bypass this error."),
  ARITHMETIC_OVERFLOW(
      "ARITHMETIC_OVERFLOW",
      "22003",
      "<message>.<alternative> If necessary set <config> to \"false\" to bypass this error."),
  BINARY_ARITHMETIC_OVERFLOW(
      "BINARY_ARITHMETIC_OVERFLOW",
      "22003",
      "<value1> <symbol> <value2> caused overflow. Use <functionName> to ignore overflow problem"
          + " and return NULL."),
  CAST_OVERFLOW(
      "CAST_OVERFLOW",
      "22003",
      "The value <value> of the type <sourceType> cannot be cast to <targetType> due to an"
          + " overflow. Use `try_cast` to tolerate overflow and return NULL instead."),
  CAST_INVALID_INPUT(
      "CAST_INVALID_INPUT",
      "22018",
      "The value <expression> of the type <sourceType> cannot be cast to <targetType> because"
          + " it is malformed. Correct the value as per the syntax, or change its target type."
          + " Use `try_cast` to tolerate malformed input and return NULL instead."),
  NUMERIC_VALUE_OUT_OF_RANGE(
      "NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION",
      "22003",
      "<value> cannot be represented as Decimal(<precision>, <scale>). If necessary set"
          + " <config> to \"false\" to bypass this error, and return NULL instead."),
  MALFORMED_RECORD_IN_PARSING(
      "MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION",
      "22023",
      "Malformed records are detected in record parsing: <badRecord>. Parse Mode: FAILFAST. To"
          + " process malformed records as null result, try setting the option 'mode' as"
          + " 'PERMISSIVE'."),
  /** {@link #MALFORMED_RECORD_IN_PARSING} raised by a file source: the message names the file. */
  MALFORMED_RECORD_IN_FILE(
      "MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION",
      "22023",
      "Malformed records are detected in record parsing: <badRecord>. Parse Mode: FAILFAST. To"
          + " process malformed records as null result, try setting the option 'mode' as"
          + " 'PERMISSIVE'. Encountered while reading file <path>."),
  MALFORMED_RECORD_IN_SCHEMA_INFERENCE(
      "MALFORMED_RECORD_IN_SCHEMA_INFERENCE",
      "22023",
      "Malformed records are detected in schema inference of <path>: <reason>. Parse Mode:"
          + " FAILFAST. To ignore malformed records set the option 'mode' to 'DROPMALFORMED', or"
          + " to 'PERMISSIVE' to keep them in a corrupt record column."),
  FILE_READ_ERROR(
      "FAILED_READ_FILE.NO_HINT",
      "KD001",
      "Encountered error while reading file <path>."),
  INTERNAL_ERROR(
      "INTERNAL_ERROR",
      "XX000",
      "<message>");

  private final String name;
  private final String sqlState;
  private final String template;

  ErrorClass(String name, String sqlState, String template) {
    this.name = name;
    this.sqlState = sqlState;
    this.template = template;
  }

  /** The stable, dotted name of this class, e.g. {@code UNRESOLVED_COLUMN.WITH_SUGGESTION}. */
  public String errorClassName() {
    return name;
  }

  public String sqlState() {
    return sqlState;
  }

  public String template() {
    return template;
  }
}
