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
      "AMBIGUOUS_REFERENCE", "42704", "Reference <name> is ambiguous, could be: <referenceNames>."),
  UNRESOLVED_ROUTINE(
      "UNRESOLVED_ROUTINE",
      "42883",
      "Cannot resolve routine <routineName> on search path <searchPath>."),
  TABLE_OR_VIEW_NOT_FOUND(
      "TABLE_OR_VIEW_NOT_FOUND",
      "42P01",
      "The table or view <relationName> cannot be found. Verify the spelling and correctness of"
          + " the schema and catalog.\nIf you did not qualify the name with a schema, verify the"
          + " current_schema() output, or qualify the name with the correct schema and catalog.\n"
          + "To tolerate the error on drop use DROP VIEW IF EXISTS or DROP TABLE IF EXISTS."),
  DATATYPE_MISMATCH_BINARY_OP_DIFF_TYPES(
      "DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES",
      "42K09",
      "Cannot resolve <sqlExpr> due to data type mismatch: the left and right operands of the"
          + " binary operator have incompatible types (<left> and <right>)."),
  DATATYPE_MISMATCH_UNEXPECTED_INPUT_TYPE(
      "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE",
      "42K09",
      "Cannot resolve <sqlExpr> due to data type mismatch: The <paramIndex> parameter requires"
          + " the <requiredType> type, however <inputSql> has the type <inputType>."),
  DATATYPE_MISMATCH_CAST_WITHOUT_SUGGESTION(
      "DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION",
      "42K09",
      "Cannot resolve <sqlExpr> due to data type mismatch: cannot cast <srcType> to"
          + " <targetType>."),
  DATATYPE_MISMATCH_DATA_DIFF_TYPES(
      "DATATYPE_MISMATCH.DATA_DIFF_TYPES",
      "42K09",
      "Cannot resolve <sqlExpr> due to data type mismatch: Input to <functionName> should all"
          + " be the same type, but it's <dataType>."),
  DATATYPE_MISMATCH_FILTER_NOT_BOOLEAN(
      "DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN",
      "42K09",
      "Cannot resolve <sqlExpr> due to data type mismatch: Filter expression <filter> of type"
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
  SCALAR_SUBQUERY_RETURN_MORE_THAN_ONE_OUTPUT_COLUMN(
      "INVALID_SUBQUERY_EXPRESSION.SCALAR_SUBQUERY_RETURN_MORE_THAN_ONE_OUTPUT_COLUMN",
      "42823",
      "Invalid subquery: Scalar subquery must return only one column, but got <number>."),
  MUST_AGGREGATE_CORRELATED_SCALAR_SUBQUERY(
      "UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.MUST_AGGREGATE_CORRELATED_SCALAR_SUBQUERY",
      "0A000",
      "Unsupported subquery expression: Correlated scalar subqueries must be aggregated to return"
          + " at most one row."),
  NON_CORRELATED_COLUMNS_IN_GROUP_BY(
      "UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.NON_CORRELATED_COLUMNS_IN_GROUP_BY",
      "0A000",
      "Unsupported subquery expression: A GROUP BY clause in a scalar correlated subquery cannot"
          + " contain non-correlated columns: <value>."),
  DATATYPE_MISMATCH_IN_SUBQUERY_LENGTH_MISMATCH(
      "DATATYPE_MISMATCH.IN_SUBQUERY_LENGTH_MISMATCH",
      "42K09",
      "Cannot resolve <sqlExpr> due to data type mismatch: The number of columns in the left hand"
          + " side of an IN subquery does not match the number of columns in the output of"
          + " subquery. Left hand side columns(length: <leftLength>): [<leftColumns>], right hand"
          + " side columns(length: <rightLength>): [<rightColumns>]."),
  DATATYPE_MISMATCH_IN_SUBQUERY_DATA_TYPE_MISMATCH(
      "DATATYPE_MISMATCH.IN_SUBQUERY_DATA_TYPE_MISMATCH",
      "42K09",
      "Cannot resolve <sqlExpr> due to data type mismatch: The data type of one or more elements"
          + " in the left hand side of an IN subquery is not compatible with the data type of the"
          + " output of the subquery. Mismatched columns: [<mismatchedColumns>], left side:"
          + " [<leftType>], right side: [<rightType>]."),
  SCALAR_SUBQUERY_TOO_MANY_ROWS(
      "SCALAR_SUBQUERY_TOO_MANY_ROWS",
      "21000",
      "More than one row returned by a subquery used as an expression."),
  GROUPING_COLUMN_MISMATCH(
      "GROUPING_COLUMN_MISMATCH",
      "42803",
      "Column of grouping (<grouping>) can't be found in grouping columns <groupingColumns>."),
  UNSUPPORTED_GROUPING_EXPRESSION(
      "UNSUPPORTED_GROUPING_EXPRESSION",
      "42K0E",
      "grouping()/grouping_id() can only be used with GroupingSets/Cube/Rollup."),
  ASSIGNMENT_ARITY_MISMATCH(
      "ASSIGNMENT_ARITY_MISMATCH",
      "42802",
      "The number of columns or variables assigned or aliased: <numTarget> does not match the"
          + " number of source expressions: <numExpr>."),
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
          + " which is not compatible with <dataType2> at the same column of the first"
          + " table.<hint>"),
  UNSUPPORTED_JOIN_TYPE(
      "UNSUPPORTED_JOIN_TYPE",
      "42000",
      "Unsupported join type '<typ>'. Supported join types include: <supported>."),
  INVALID_EXTRACT_BASE_FIELD_TYPE(
      "INVALID_EXTRACT_BASE_FIELD_TYPE",
      "42000",
      "Can't extract a value from <base>. Need a complex type [STRUCT, ARRAY, MAP] but got"
          + " <other>."),
  INVALID_EXTRACT_FIELD("INVALID_EXTRACT_FIELD", "42601", "Cannot extract <field> from <expr>."),
  INVALID_EXTRACT_FIELD_TYPE(
      "INVALID_EXTRACT_FIELD_TYPE",
      "42000",
      "Field name should be a non-null string literal, but it's <extraction>."),
  FIELD_NOT_FOUND("FIELD_NOT_FOUND", "42704", "No such struct field <fieldName> in <fields>."),
  AMBIGUOUS_REFERENCE_TO_FIELDS(
      "AMBIGUOUS_REFERENCE_TO_FIELDS",
      "42000",
      "Ambiguous reference to the field <field>. It appears <count> times in the schema."),
  /** Sluice has no array-of-struct field projection yet ({@code arr.field} on array<struct>). */
  UNSUPPORTED_EXTRACT_FROM_ARRAY_OF_STRUCTS(
      "UNSUPPORTED_FEATURE.EXTRACT_FIELD_FROM_ARRAY_OF_STRUCTS",
      "0A000",
      "Extracting the field <fieldName> from every element of the array <base> is not supported"
          + " yet. Use a higher-order function or explode the array first."),
  CANNOT_RESOLVE_STAR_EXPAND(
      "CANNOT_RESOLVE_STAR_EXPAND",
      "42704",
      "Cannot resolve <targetString>.* given input columns <columns>. Please check that the"
          + " specified table or struct exists and is accessible in the input columns."),
  STAR_EXPAND_DATA_TYPE_NOT_SUPPORTED(
      "_LEGACY_ERROR_TEMP_1050",
      "42000",
      "Can only star expand struct data types. Attribute: `<attributes>`."),
  INVALID_USAGE_OF_STAR_OR_REGEX(
      "INVALID_USAGE_OF_STAR_OR_REGEX", "42000", "Invalid usage of <elem> in <prettyName>."),
  MISSING_ATTRIBUTES_RESOLVED_ATTRIBUTE_APPEAR_IN_OPERATION(
      "MISSING_ATTRIBUTES.RESOLVED_ATTRIBUTE_APPEAR_IN_OPERATION",
      "XX000",
      "Resolved attribute(s) <missingAttributes> missing from <input> in operator <operator>."
          + " Attribute(s) with the same name appear in the operation: <operation>. Please check"
          + " if the right attribute(s) are used."),
  MISSING_ATTRIBUTES_RESOLVED_ATTRIBUTE_MISSING_FROM_INPUT(
      "MISSING_ATTRIBUTES.RESOLVED_ATTRIBUTE_MISSING_FROM_INPUT",
      "XX000",
      "Resolved attribute(s) <missingAttributes> missing from <input> in operator <operator>."),
  UNRESOLVED_USING_COLUMN_FOR_JOIN(
      "UNRESOLVED_USING_COLUMN_FOR_JOIN",
      "42703",
      "USING column <colName> cannot be resolved on the <side> side of the join. The"
          + " <side>-side columns: [<suggestion>]."),
  UNRESOLVED_COLUMN_AMONG_FIELD_NAMES(
      "UNRESOLVED_COLUMN_AMONG_FIELD_NAMES",
      "42703",
      "Cannot resolve column name \"<colName>\" among (<fieldNames>)."),
  COLUMN_ALREADY_EXISTS(
      "COLUMN_ALREADY_EXISTS",
      "42711",
      "The column <columnName> already exists. Choose another name or rename the existing"
          + " column."),
  MISSING_GROUP_BY(
      "MISSING_GROUP_BY",
      "42803",
      "The query does not include a GROUP BY clause. Add GROUP BY or turn it into the window"
          + " functions using OVER clauses."),
  GROUP_BY_AGGREGATE(
      "GROUP_BY_AGGREGATE",
      "42903",
      "Aggregate functions are not allowed in GROUP BY, but found <sqlExpr>."),
  GROUP_EXPRESSION_TYPE_IS_NOT_ORDERABLE(
      "GROUP_EXPRESSION_TYPE_IS_NOT_ORDERABLE",
      "42822",
      "The expression <sqlExpr> cannot be used as a grouping expression because its data type"
          + " <dataType> is not an orderable data type."),
  EXPRESSION_TYPE_IS_NOT_ORDERABLE(
      "EXPRESSION_TYPE_IS_NOT_ORDERABLE",
      "42822",
      "Column expression <expr> cannot be sorted because its type <exprType> is not"
          + " orderable."),
  INVALID_WHERE_CONDITION(
      "INVALID_WHERE_CONDITION",
      "42903",
      "The WHERE condition <condition> contains invalid expressions: <expressionList>. Rewrite"
          + " the query to avoid window functions, aggregate functions, and generator functions"
          + " in the WHERE clause."),
  UNSUPPORTED_EXPR_FOR_OPERATOR(
      "UNSUPPORTED_EXPR_FOR_OPERATOR",
      "42K0E",
      "A query operator contains one or more unsupported expressions. Consider to rewrite it"
          + " to avoid window functions, aggregate functions, and generator functions in the"
          + " WHERE clause. Invalid expressions: [<invalidExprSqls>]"),
  JOIN_CONDITION_IS_NOT_BOOLEAN_TYPE(
      "JOIN_CONDITION_IS_NOT_BOOLEAN_TYPE",
      "42K0E",
      "The join condition <joinCondition> has the invalid type <conditionType>, expected"
          + " \"BOOLEAN\"."),
  FUNCTION_WITH_UNSUPPORTED_SYNTAX(
      "INVALID_SQL_SYNTAX.FUNCTION_WITH_UNSUPPORTED_SYNTAX",
      "42000",
      "Invalid SQL syntax: The function <prettyName> does not support <syntax>."),
  DATATYPE_MISMATCH_BINARY_OP_WRONG_TYPE(
      "DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE",
      "42K09",
      "Cannot resolve <sqlExpr> due to data type mismatch: the binary operator requires the"
          + " input type <inputType>, not <actualDataType>."),
  DATATYPE_MISMATCH_CAST_WITH_CONF_SUGGESTION(
      "DATATYPE_MISMATCH.CAST_WITH_CONF_SUGGESTION",
      "42K09",
      "Cannot resolve <sqlExpr> due to data type mismatch: cannot cast <srcType> to"
          + " <targetType> with ANSI mode on.\nIf you have to cast <srcType> to <targetType>, you"
          + " can set <config> as <configVal>."),
  DATATYPE_MISMATCH_CAST_WITH_FUNC_SUGGESTION(
      "DATATYPE_MISMATCH.CAST_WITH_FUNC_SUGGESTION",
      "42K09",
      "Cannot resolve <sqlExpr> due to data type mismatch: cannot cast <srcType> to"
          + " <targetType>.\nTo convert values from <srcType> to <targetType>, you can use the"
          + " functions <functionNames> instead."),
  DATATYPE_MISMATCH_INVALID_ORDERING_TYPE(
      "DATATYPE_MISMATCH.INVALID_ORDERING_TYPE",
      "42K09",
      "Cannot resolve <sqlExpr> due to data type mismatch: The <functionName> does not support"
          + " ordering on type <dataType>."),
  DATATYPE_MISMATCH_WRONG_NUM_ARGS(
      "DATATYPE_MISMATCH.WRONG_NUM_ARGS",
      "42K09",
      "Cannot resolve <sqlExpr> due to data type mismatch: the <functionName> requires"
          + " <expectedNum> parameters but the actual number is <actualNum>."),
  NON_FOLDABLE_ARGUMENT(
      "NON_FOLDABLE_ARGUMENT",
      "42K08",
      "The function <funcName> requires the parameter <paramName> to be a foldable expression of"
          + " the type <paramType>, but the actual argument is a non-foldable."),
  DATATYPE_MISMATCH_CREATE_NAMED_STRUCT_WITHOUT_FOLDABLE_STRING(
      "DATATYPE_MISMATCH.CREATE_NAMED_STRUCT_WITHOUT_FOLDABLE_STRING",
      "42K09",
      "Cannot resolve <sqlExpr> due to data type mismatch: Only foldable `STRING` expressions"
          + " are allowed to appear at odd position, but they are <inputExprs>."),
  // string, hash and misc functions: argument checks
  DATATYPE_MISMATCH_NON_FOLDABLE_INPUT(
      "DATATYPE_MISMATCH.NON_FOLDABLE_INPUT",
      "42K09",
      "Cannot resolve <sqlExpr> due to data type mismatch: the input <inputName> should be a"
          + " foldable <inputType> expression; however, got <inputExpr>."),
  DATATYPE_MISMATCH_VALUE_OUT_OF_RANGE(
      "DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE",
      "42K09",
      "Cannot resolve <sqlExpr> due to data type mismatch: The <exprName> must be between"
          + " <valueRange> (current value = <currentValue>)."),
  DATATYPE_MISMATCH_HASH_MAP_TYPE(
      "DATATYPE_MISMATCH.HASH_MAP_TYPE",
      "42K09",
      "Cannot resolve <sqlExpr> due to data type mismatch: Input to the function <functionName>"
          + " cannot contain elements of the \"MAP\" type. In Spark, same maps may have different"
          + " hashcode, thus hash expressions are prohibited on \"MAP\" elements. To restore"
          + " previous behavior set \"spark.sql.legacy.allowHashOnMapType\" to \"true\"."),
  INVALID_ESCAPE_CHAR(
      "INVALID_ESCAPE_CHAR",
      "42604",
      "`EscapeChar` should be a string literal of length one, but got <sqlExpr>."),
  INVALID_FORMAT_ESC_IN_THE_MIDDLE(
      "INVALID_FORMAT.ESC_IN_THE_MIDDLE",
      "42601",
      "The format is invalid: <format>. The escape character is not allowed to precede"
          + " <char>."),
  INVALID_FORMAT_ESC_AT_THE_END(
      "INVALID_FORMAT.ESC_AT_THE_END",
      "42601",
      "The format is invalid: <format>. The escape character is not allowed to end with."),
  INVALID_PARAMETER_VALUE_ZERO_INDEX(
      "INVALID_PARAMETER_VALUE.ZERO_INDEX",
      "22023",
      "The value of parameter(s) <parameter> in <functionName> is invalid: expects %1$, %2$ and"
          + " so on, but got %0$."),
  INVALID_SCHEMA(
      "INVALID_SCHEMA.NON_STRUCT_TYPE",
      "42K07",
      "The input schema <inputSchema> is not a valid schema string. The input expression must"
          + " be a struct type, but got <dataType>."),
  PATH_NOT_FOUND("PATH_NOT_FOUND", "42K03", "Path does not exist: <path>."),
  PATH_ALREADY_EXISTS(
      "PATH_ALREADY_EXISTS",
      "42K04",
      "Path <outputPath> already exists. Set mode as \"overwrite\" to overwrite the existing"
          + " path."),
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
  QUERY_ONLY_CORRUPT_RECORD_COLUMN(
      "UNSUPPORTED_FEATURE.QUERY_ONLY_CORRUPT_RECORD_COLUMN",
      "0A000",
      "The feature is not supported: Queries from raw JSON/CSV/XML files are disallowed when the"
          + " referenced columns only include the internal corrupt record column (named"
          + " <columnName>). Read another column too, or cache or save the parsed results and"
          + " then send the same query."),
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
  INVALID_DELIMITER_VALUE_EMPTY_STRING(
      "INVALID_DELIMITER_VALUE.EMPTY_STRING",
      "42602",
      "Invalid value for delimiter. Delimiter cannot be empty string."),
  INVALID_DELIMITER_VALUE_SINGLE_BACKSLASH(
      "INVALID_DELIMITER_VALUE.SINGLE_BACKSLASH",
      "42602",
      "Invalid value for delimiter. Single backslash is prohibited. It has special meaning as"
          + " beginning of an escape sequence. To get the backslash character, pass a string"
          + " with two backslashes as the delimiter."),
  INVALID_DELIMITER_VALUE_UNSUPPORTED_SPECIAL_CHARACTER(
      "INVALID_DELIMITER_VALUE.UNSUPPORTED_SPECIAL_CHARACTER",
      "42602",
      "Invalid value for delimiter. Unsupported special character for delimiter: <str>."),
  /** Spark's legacy error for a text source schema of more than one column. */
  TEXT_SOURCE_SINGLE_COLUMN(
      "_LEGACY_ERROR_TEMP_1290",
      "42000",
      "Text data source supports only a single column, and you have <numCols> columns."),
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
  INVALID_ARRAY_INDEX(
      "INVALID_ARRAY_INDEX",
      "22003",
      "The index <indexValue> is out of bounds. The array has <arraySize> elements. Use the SQL"
          + " function `get()` to tolerate accessing element at invalid index and return NULL"
          + " instead. If necessary set <ansiConfig> to \"false\" to bypass this error."),
  // string functions: run-time errors
  INVALID_PARAMETER_VALUE_PATTERN(
      "INVALID_PARAMETER_VALUE.PATTERN",
      "22023",
      "The value of parameter(s) <parameter> in <functionName> is invalid: <value>."),
  INVALID_PARAMETER_VALUE_REGEX_GROUP_INDEX(
      "INVALID_PARAMETER_VALUE.REGEX_GROUP_INDEX",
      "22023",
      "The value of parameter(s) <parameter> in <functionName> is invalid: Expects group index"
          + " between 0 and <groupCount>, but got <groupIndex>."),
  INVALID_REGEXP_REPLACE(
      "INVALID_REGEXP_REPLACE",
      "22023",
      "Could not perform regexp_replace for source = \"<source>\", pattern = \"<pattern>\","
          + " replacement = \"<replacement>\" and position = <position>."),
  INVALID_INTERVAL_FORMAT_UNMATCHED_FORMAT_STRING(
      "INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING",
      "22006",
      "Interval string does not match <intervalStr> format of <supportedFormat> when cast to"
          + " <typeName>: <input>. Correct the value, or use `try_cast` to return NULL instead."),
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
  // --- JSON functions (from_json, to_json, schema_of_json, get_json_object) ---
  MALFORMED_RECORD_ARRAYS_AS_STRUCTS(
      "MALFORMED_RECORD_IN_PARSING.CANNOT_PARSE_JSON_ARRAYS_AS_STRUCTS",
      "22023",
      "Malformed records are detected in record parsing: <badRecord>. Parse Mode:"
          + " <failFastMode>. To process malformed records as null result, try setting the"
          + " option 'mode' as 'PERMISSIVE'. Parsing JSON arrays as structs is forbidden."),
  PARSE_MODE_UNSUPPORTED(
      "PARSE_MODE_UNSUPPORTED",
      "42601",
      "The function <funcName> doesn't support the <mode> mode. Acceptable modes are PERMISSIVE"
          + " and FAILFAST."),
  INVALID_SCHEMA_NON_STRING_LITERAL(
      "INVALID_SCHEMA.NON_STRING_LITERAL",
      "42K07",
      "The input schema <inputSchema> is not a valid schema string. The input expression must"
          + " be string literal and not null."),
  INVALID_OPTIONS_NON_MAP_FUNCTION(
      "INVALID_OPTIONS.NON_MAP_FUNCTION",
      "42K06",
      "Invalid options: Must use the `map()` function for options."),
  INVALID_OPTIONS_NON_STRING_TYPE(
      "INVALID_OPTIONS.NON_STRING_TYPE",
      "42K06",
      "Invalid options: A type of keys and values in `map()` must be string, but got"
          + " <mapType>."),
  DATATYPE_MISMATCH_INVALID_JSON_SCHEMA(
      "DATATYPE_MISMATCH.INVALID_JSON_SCHEMA",
      "42K09",
      "Cannot resolve <sqlExpr> due to data type mismatch: Input schema <schema> must be a"
          + " struct, an array, a map or a variant."),
  DATATYPE_MISMATCH_INVALID_JSON_MAP_KEY_TYPE(
      "DATATYPE_MISMATCH.INVALID_JSON_MAP_KEY_TYPE",
      "42K09",
      "Cannot resolve <sqlExpr> due to data type mismatch: Input schema <schema> can only"
          + " contain STRING as a key type for a MAP."),
  DATATYPE_MISMATCH_NON_STRING_TYPE(
      "DATATYPE_MISMATCH.NON_STRING_TYPE",
      "42K09",
      "Cannot resolve <sqlExpr> due to data type mismatch: all arguments of the function"
          + " <funcName> must be strings."),
  DATATYPE_MISMATCH_UNEXPECTED_NULL(
      "DATATYPE_MISMATCH.UNEXPECTED_NULL",
      "42K09",
      "Cannot resolve <sqlExpr> due to data type mismatch: The <exprName> must not be null."),
  FILE_READ_ERROR(
      "FAILED_READ_FILE.NO_HINT", "KD001", "Encountered error while reading file <path>."),
  PARQUET_COLUMN_DATA_TYPE_MISMATCH(
      "FAILED_READ_FILE.PARQUET_COLUMN_DATA_TYPE_MISMATCH",
      "KD001",
      "Encountered error while reading file <path>. Data type mismatches when reading Parquet"
          + " column <column>. Expected Spark type <expectedType>, actual Parquet type"
          + " <actualType>."),
  PARQUET_TYPE_ILLEGAL("PARQUET_TYPE_ILLEGAL", "42846", "Illegal Parquet type: <parquetType>."),
  PARQUET_TYPE_NOT_SUPPORTED(
      "PARQUET_TYPE_NOT_SUPPORTED", "42846", "Parquet type not yet supported: <parquetType>."),
  CANNOT_MERGE_SCHEMAS(
      "CANNOT_MERGE_SCHEMAS",
      "42KD9",
      "Failed merging schemas: column <column> is <left> in the files read before <path>, which"
          + " holds it as <right>. Read those files apart, or rewrite them with one type."),
  // --- collection functions, generators and lambdas (function library) ---
  DATATYPE_MISMATCH_NULL_TYPE(
      "DATATYPE_MISMATCH.NULL_TYPE",
      "42K09",
      "Cannot resolve <sqlExpr> due to data type mismatch: Null typed values cannot be used as"
          + " arguments of <functionName>."),
  DATATYPE_MISMATCH_ARRAY_FUNCTION_DIFF_TYPES(
      "DATATYPE_MISMATCH.ARRAY_FUNCTION_DIFF_TYPES",
      "42K09",
      "Cannot resolve <sqlExpr> due to data type mismatch: Input to <functionName> should have"
          + " been <dataType> followed by a value with same element type, but it's [<leftType>,"
          + " <rightType>]."),
  DATATYPE_MISMATCH_MAP_FUNCTION_DIFF_TYPES(
      "DATATYPE_MISMATCH.MAP_FUNCTION_DIFF_TYPES",
      "42K09",
      "Cannot resolve <sqlExpr> due to data type mismatch: Input to <functionName> should have"
          + " been <dataType> followed by a value with same key type, but it's [<leftType>,"
          + " <rightType>]."),
  DATATYPE_MISMATCH_CREATE_MAP_KEY_DIFF_TYPES(
      "DATATYPE_MISMATCH.CREATE_MAP_KEY_DIFF_TYPES",
      "42K09",
      "Cannot resolve <sqlExpr> due to data type mismatch: The given keys of function"
          + " <functionName> should all be the same type, but they are <dataType>."),
  DATATYPE_MISMATCH_CREATE_MAP_VALUE_DIFF_TYPES(
      "DATATYPE_MISMATCH.CREATE_MAP_VALUE_DIFF_TYPES",
      "42K09",
      "Cannot resolve <sqlExpr> due to data type mismatch: The given values of function"
          + " <functionName> should all be the same type, but they are <dataType>."),
  MULTI_SOURCES_UNSUPPORTED_FOR_EXPRESSION(
      "MULTI_SOURCES_UNSUPPORTED_FOR_EXPRESSION",
      "42K0E",
      "The expression <expr> does not support more than one source."),
  DATATYPE_MISMATCH_MAP_ZIP_WITH_DIFF_TYPES(
      "DATATYPE_MISMATCH.MAP_ZIP_WITH_DIFF_TYPES",
      "42K09",
      "Cannot resolve <sqlExpr> due to data type mismatch: Input to the <functionName> should"
          + " have been two maps with compatible key types, but it's [<leftType>, <rightType>]."),
  DATATYPE_MISMATCH_INVALID_MAP_KEY_TYPE(
      "DATATYPE_MISMATCH.INVALID_MAP_KEY_TYPE",
      "42K09",
      "Cannot resolve <sqlExpr> due to data type mismatch: The key of map cannot be/contain"
          + " <keyType>."),
  DATATYPE_MISMATCH_UNEXPECTED_RETURN_TYPE(
      "DATATYPE_MISMATCH.UNEXPECTED_RETURN_TYPE",
      "42K09",
      "Cannot resolve <sqlExpr> due to data type mismatch: The <functionName> requires return"
          + " <expectedType> type, but the actual is <actualType> type."),
  UNSUPPORTED_GENERATOR_MULTI_GENERATOR(
      "UNSUPPORTED_GENERATOR.MULTI_GENERATOR",
      "42K0E",
      "The generator is not supported: only one generator allowed per SELECT clause but found"
          + " <num>: <generators>."),
  UNSUPPORTED_GENERATOR_NESTED_IN_EXPRESSIONS(
      "UNSUPPORTED_GENERATOR.NESTED_IN_EXPRESSIONS",
      "42K0E",
      "The generator is not supported: nested in expressions <expression>."),
  UNSUPPORTED_GENERATOR_OUTSIDE_SELECT(
      "UNSUPPORTED_GENERATOR.OUTSIDE_SELECT",
      "42K0E",
      "The generator is not supported: outside the SELECT clause, found: <plan>."),
  UNSUPPORTED_GENERATOR_NOT_GENERATOR(
      "UNSUPPORTED_GENERATOR.NOT_GENERATOR",
      "42K0E",
      "The generator is not supported: <functionName> is expected to be a generator. However,"
          + " its class is <classCanonicalName>, which is not a generator."),
  UDTF_ALIAS_NUMBER_MISMATCH(
      "UDTF_ALIAS_NUMBER_MISMATCH",
      "42802",
      "The number of aliases supplied in the AS clause does not match the number of columns"
          + " output by the UDTF. Expected <aliasesSize> aliases, but got <aliasesNames>."),
  MULTI_ALIAS_WITHOUT_GENERATOR(
      "MULTI_ALIAS_WITHOUT_GENERATOR",
      "42K0E",
      "Multi part aliasing (<names>) is not supported with <expr> as it is not a generator"
          + " function."),
  INVALID_LAMBDA_NUM_ARGS_MISMATCH(
      "INVALID_LAMBDA_FUNCTION_CALL.NUM_ARGS_MISMATCH",
      "42K0D",
      "Invalid lambda function call. A higher order function expects <expectedNumArgs>"
          + " arguments, but got <actualNumArgs>."),
  INVALID_LAMBDA_DUPLICATE_ARG_NAMES(
      "INVALID_LAMBDA_FUNCTION_CALL.DUPLICATE_ARG_NAMES",
      "42K0D",
      "Invalid lambda function call. The lambda function has duplicate arguments <args>."
          + " Please, consider to rename the argument names or set <caseSensitiveConfig> to"
          + " \"true\"."),
  INVALID_LAMBDA_NON_HIGHER_ORDER_FUNCTION(
      "INVALID_LAMBDA_FUNCTION_CALL.NON_HIGHER_ORDER_FUNCTION",
      "42K0D",
      "Invalid lambda function call. A lambda function should only be used in a higher order"
          + " function. However, its class is <class>, which is not a higher order function."),
  INVALID_ARRAY_INDEX_IN_ELEMENT_AT(
      "INVALID_ARRAY_INDEX_IN_ELEMENT_AT",
      "22003",
      "The index <indexValue> is out of bounds. The array has <arraySize> elements. Use"
          + " `try_element_at` to tolerate accessing element at invalid index and return NULL"
          + " instead. If necessary set <ansiConfig> to \"false\" to bypass this error."),
  INVALID_INDEX_OF_ZERO(
      "INVALID_INDEX_OF_ZERO",
      "22003",
      "The index 0 is invalid. An index shall be either < 0 or > 0 (the first element has index"
          + " 1)."),
  INVALID_PARAMETER_VALUE_START(
      "INVALID_PARAMETER_VALUE.START",
      "22023",
      "The value of parameter(s) <parameter> in <functionName> is invalid: Expects a positive or"
          + " a negative value for `start`, but got 0."),
  INVALID_PARAMETER_VALUE_LENGTH(
      "INVALID_PARAMETER_VALUE.LENGTH",
      "22023",
      "The value of parameter(s) <parameter> in <functionName> is invalid: Expects `length`"
          + " greater than or equal to 0, but got <length>."),
  DUPLICATED_MAP_KEY(
      "DUPLICATED_MAP_KEY",
      "23505",
      "Duplicate map key <key> was found, please check the input data. If you want to remove"
          + " the duplicated keys, you can set <mapKeyDedupPolicy> to \"LAST_WIN\" so that the"
          + " key inserted at last takes precedence."),
  MAP_KEY_VALUE_DIFF_SIZES(
      "_LEGACY_ERROR_TEMP_2128",
      "XX000",
      "The key array and value array of MapData must have the same length."),
  COMPARATOR_RETURNS_NULL(
      "COMPARATOR_RETURNS_NULL",
      "22004",
      "The comparator has returned a NULL for a comparison between <firstValue> and"
          + " <secondValue>. It should return a positive integer for \"greater than\", 0 for"
          + " \"equal\" and a negative integer for \"less than\". To revert to deprecated"
          + " behavior where NULL is treated as 0 (equal), you must set"
          + " \"spark.sql.legacy.allowNullComparisonResultInArraySort\" to \"true\"."),
  // --- user API (io.sluice): sessions, configuration, rows, DataFrame methods ---
  SQL_CONF_NOT_FOUND(
      "SQL_CONF_NOT_FOUND",
      "42K0I",
      "The SQL config <sqlConf> cannot be found. Please verify that the config exists."),
  CANNOT_MODIFY_CONFIG(
      "CANNOT_MODIFY_CONFIG",
      "46110",
      "Cannot modify the value of the config: <key>. It is fixed when the session starts; set"
          + " it with Session.builder().config(...) instead."),
  INVALID_EXTERNAL_TYPE(
      "INVALID_EXTERNAL_TYPE",
      "42K0N",
      "The external type <externalType> is not valid for the type <type> at the expression"
          + " <expr>."),
  NOT_NULL_ASSERT_VIOLATION(
      "NOT_NULL_ASSERT_VIOLATION",
      "42000",
      "NULL value appeared in non-nullable field: <walkedTypePath>. Declare the field nullable"
          + " in the schema or provide a value."),
  ROW_LENGTH_MISMATCH(
      "ROW_LENGTH_MISMATCH",
      "42K0N",
      "Row <rowIndex> has <actual> values but the schema <schema> has <expected> fields."),
  NULL_MAP_KEY("NULL_MAP_KEY", "2200E", "Cannot use null as map key."),
  UNSUPPORTED_LITERAL_TYPE(
      "UNSUPPORTED_FEATURE.LITERAL_TYPE",
      "0A000",
      "The feature is not supported: Literal for '<value>' of <type>."),
  AGGREGATE_ON_NON_NUMERIC_COLUMN(
      "AGGREGATE_ON_NON_NUMERIC_COLUMN",
      "42K09",
      "<colName> is not a numeric column. Aggregation function can only be applied on a numeric"
          + " column."),
  INVALID_LIMIT_NEGATIVE(
      "INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE",
      "42K0E",
      "The limit like expression <expr> is invalid. The <name> expression must be equal to or"
          + " greater than 0, but got <v>."),
  INVALID_PARTITION_NUMBER(
      "INVALID_PARTITION_NUMBER",
      "22023",
      "Number of partitions (<numPartitions>) of <operation> must be positive."),
  INVALID_EXPLAIN_MODE(
      "INVALID_EXPLAIN_MODE",
      "22023",
      "Unknown explain mode: <mode>. Accepted explain modes are 'simple', 'extended', 'codegen',"
          + " 'cost', 'formatted'."),
  INVALID_WHEN_USAGE("INVALID_WHEN_USAGE", "42K09", "<reason>"),
  USER_SPECIFIED_SCHEMA_UNSUPPORTED(
      "_LEGACY_ERROR_TEMP_1189",
      "42000",
      "User specified schema not supported with `<operation>`."),
  UNSUPPORTED_DATA_SOURCE_PATHS(
      "UNSUPPORTED_DATA_SOURCE_PATHS",
      "42616",
      "There is a 'path' option set and load() is called with path parameters. Either remove"
          + " the path option, or call load() without the parameter."),
  SESSION_STOPPED(
      "SESSION_STOPPED",
      "55000",
      "Cannot run <operation>: the session was stopped. Create a new one with"
          + " Session.builder().getOrCreate()."),
  SCHEMA_NOT_FOUND(
      "SCHEMA_NOT_FOUND",
      "42704",
      "The schema <schemaName> cannot be found. Verify the spelling and correctness of the"
          + " schema and catalog: only `default` and `global_temp` exist."),
  // --- date and time functions ---
  CANNOT_PARSE_TIMESTAMP(
      "CANNOT_PARSE_TIMESTAMP",
      "22007",
      "<message>. Use <func> to tolerate invalid input string and return NULL instead."),
  INVALID_DATETIME_PATTERN_ILLEGAL_CHARACTER(
      "INVALID_DATETIME_PATTERN.ILLEGAL_CHARACTER",
      "22007",
      "Unrecognized datetime pattern: <pattern>. Illegal pattern character found in datetime"
          + " pattern: <c>. Please provide legal character."),
  INVALID_DATETIME_PATTERN_LENGTH(
      "INVALID_DATETIME_PATTERN.LENGTH",
      "22007",
      "Unrecognized datetime pattern: <pattern>. Too many letters in datetime pattern: <pattern>."
          + " Please reduce pattern length."),
  INVALID_DATETIME_PATTERN_WITH_SUGGESTION(
      "INVALID_DATETIME_PATTERN.WITH_SUGGESTION",
      "22007",
      "Unrecognized datetime pattern: <pattern>. You can form a valid datetime pattern with the"
          + " guide from '<docroot>/sql-ref-datetime-pattern.html'."),
  INCONSISTENT_BEHAVIOR_CROSS_VERSION_DATETIME_WEEK_BASED_PATTERN(
      "INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_WEEK_BASED_PATTERN",
      "42K0B",
      "You may get a different result due to the upgrading to Spark >= 3.0: All week-based"
          + " patterns are unsupported since Spark 3.0, detected week-based character: <c>."
          + " Please use the SQL function EXTRACT instead."),
  INCONSISTENT_BEHAVIOR_CROSS_VERSION_DATETIME_PATTERN_RECOGNITION(
      "INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_PATTERN_RECOGNITION",
      "42K0B",
      "You may get a different result due to the upgrading to Spark >= 3.0: Fail to recognize"
          + " <pattern> pattern in the DateTimeFormatter. 1) You can set <config> to \"LEGACY\" to"
          + " restore the behavior before Spark 3.0. 2) You can form a valid datetime pattern"
          + " with the guide from '<docroot>/sql-ref-datetime-pattern.html'."),
  DATETIME_FIELD_OUT_OF_BOUNDS(
      "DATETIME_FIELD_OUT_OF_BOUNDS",
      "22023",
      "<rangeMessage>. If necessary set <ansiConfig> to \"false\" to bypass this error."),
  INVALID_FRACTION_OF_SECOND(
      "INVALID_FRACTION_OF_SECOND",
      "22023",
      "The fraction of sec must be zero. Valid range is [0, 60]. If necessary set <ansiConfig>"
          + " to \"false\" to bypass this error."),
  ILLEGAL_DAY_OF_WEEK("ILLEGAL_DAY_OF_WEEK", "22009", "Illegal input for day of week: <string>."),
  INVALID_TIMEZONE(
      "INVALID_TIMEZONE",
      "22009",
      "The timezone: <timeZone> is invalid. The timezone must be either a region-based zone ID"
          + " or a zone offset. Region IDs must have the form 'area/city', such as"
          + " 'America/Los_Angeles'. Zone offsets must be in the format '(+|-)HH', '(+|-)HH:mm'"
          + " or '(+|-)HH:mm:ss', e.g '-08', '+01:00' or '-13:33:33', and must be in the range"
          + " from -18:00 to +18:00. 'Z' and 'UTC' are accepted as synonyms for '+00:00'."),
  // --- streaming (io.sluice.streaming, connectors' streaming SPI) ---
  EVENT_TIME_IS_NOT_ON_TIMESTAMP_TYPE(
      "EVENT_TIME_IS_NOT_ON_TIMESTAMP_TYPE",
      "42K09",
      "The event time <eventName> has the invalid type <eventType>, but expected \"TIMESTAMP\"."),
  INVALID_WATERMARK_DELAY(
      "INVALID_WATERMARK_DELAY",
      "42K09",
      "Invalid delay threshold <delay> for withWatermark: <reason>."),
  STREAMING_OUTPUT_MODE_UNSUPPORTED_OPERATION(
      "STREAMING_OUTPUT_MODE.UNSUPPORTED_OPERATION",
      "42KDE",
      "Invalid streaming output mode: <outputMode>. This output mode is not supported for"
          + " <operation> on streaming DataFrames/DataSets."),
  NON_TIME_WINDOW_NOT_SUPPORTED_IN_STREAMING(
      "NON_TIME_WINDOW_NOT_SUPPORTED_IN_STREAMING",
      "42KDE",
      "Window function is not supported in <windowFunc> (as column <columnName>) on streaming"
          + " DataFrames/Datasets.\nStructured Streaming only supports time-window aggregation"
          + " using the WINDOW function. (window specification: <windowSpec>)"),
  // Spark raises the following as _LEGACY_ERROR_TEMP_3102 with the same first sentence.
  STREAMING_NO_STREAMING_SOURCE(
      "STREAMING_UNSUPPORTED_OPERATION.NO_STREAMING_SOURCE",
      "42KDE",
      "Queries without streaming sources cannot be executed with writeStream.start(); run a"
          + " batch query with write() or collect() instead."),
  STREAMING_SORT(
      "STREAMING_UNSUPPORTED_OPERATION.SORT",
      "42KDE",
      "Sorting is not supported on streaming DataFrames/Datasets, unless it is on aggregated"
          + " DataFrame/Dataset in Complete output mode. Remove the sort, or sort each"
          + " micro-batch in foreachBatch."),
  STREAMING_LIMIT_IN_UPDATE_MODE(
      "STREAMING_UNSUPPORTED_OPERATION.LIMIT_IN_UPDATE_MODE",
      "42KDE",
      "Limits are not supported on streaming DataFrames/Datasets in Update output mode. Use"
          + " Append output mode, or remove the limit."),
  STREAMING_DISTINCT_AGGREGATION(
      "STREAMING_UNSUPPORTED_OPERATION.DISTINCT_AGGREGATION",
      "42KDE",
      "Distinct aggregations are not supported on streaming DataFrames/Datasets: <aggregates>."
          + " Consider using approx_count_distinct() instead."),
  STREAMING_EXPRESSION(
      "STREAMING_UNSUPPORTED_OPERATION.EXPRESSION",
      "42KDE",
      "Expression(s): <expressions> is not supported with streaming DataFrames/Datasets."),
  STREAMING_UNION_WITH_BATCH(
      "STREAMING_UNSUPPORTED_OPERATION.UNION_WITH_BATCH",
      "42KDE",
      "Union between streaming and batch DataFrames/Datasets is not supported. Join the batch"
          + " DataFrame instead, or read it as a stream too."),
  STREAMING_EXCEPT_STREAM_ON_RIGHT(
      "STREAMING_UNSUPPORTED_OPERATION.EXCEPT_STREAM_ON_RIGHT",
      "42KDE",
      "Except on a streaming DataFrame/Dataset on the right is not supported."),
  STREAMING_INTERSECT(
      "STREAMING_UNSUPPORTED_OPERATION.INTERSECT",
      "42KDE",
      "Intersect of streaming DataFrames/Datasets is not supported."),
  STREAMING_JOIN_STREAMING_SIDE(
      "STREAMING_UNSUPPORTED_OPERATION.JOIN_STREAMING_SIDE",
      "42KDE",
      "<joinType> join with a streaming DataFrame/Dataset on the <side> and <other> on the"
          + " <otherSide> is not supported. <hint>"),
  STREAMING_JOIN_OUTPUT_MODE(
      "STREAMING_UNSUPPORTED_OPERATION.JOIN_OUTPUT_MODE",
      "42KDE",
      "<joinType> join between two streaming DataFrames/Datasets is not supported in"
          + " <outputMode> output mode, only in <supportedModes> output mode."),
  STREAMING_JOIN_WITHOUT_WATERMARK(
      "STREAMING_UNSUPPORTED_OPERATION.STREAM_STREAM_JOIN_WITHOUT_WATERMARK",
      "42KDE",
      "Stream-stream <joinType> join between two streaming DataFrame/Datasets is not supported"
          + " without a watermark in the join keys, or a watermark on the nullable side and an"
          + " appropriate range condition. Add withWatermark on the <nullableSide> side and a"
          + " condition bounding the <preservedSide> side's event time by it, e.g. `r.ts BETWEEN"
          + " l.ts AND l.ts + INTERVAL 1 HOUR`."),
  STREAMING_JOIN_WITHOUT_EQUALITY(
      "STREAMING_UNSUPPORTED_OPERATION.STREAM_STREAM_JOIN_WITHOUT_EQUALITY",
      "42KDE",
      "Stream-stream join without equality predicate is not supported. Add a condition that"
          + " equates a column of each side (<joinType> join)."),
  STREAMING_DEDUPLICATE_WITHOUT_WATERMARK(
      "STREAMING_UNSUPPORTED_OPERATION.DEDUPLICATE_WITHIN_WATERMARK_WITHOUT_WATERMARK",
      "42KDE",
      "dropDuplicatesWithinWatermark is not supported on streaming DataFrames/DataSets without"
          + " watermark. Call withWatermark(...) on the input first."),
  STREAMING_GLOBAL_WATERMARK_CORRECTNESS(
      "STREAMING_UNSUPPORTED_OPERATION.GLOBAL_WATERMARK_CORRECTNESS",
      "42KDE",
      "Detected pattern of possible 'correctness' issue due to global watermark. The query"
          + " contains stateful operation which can emit rows older than the current watermark"
          + " plus allowed late record delay, which are \"late rows\" in downstream stateful"
          + " operations and these rows can be discarded. Please refer the programming guide doc"
          + " for more details. If you understand the possible risk of correctness issue and"
          + " still need to run the query, you can disable this check by setting the config"
          + " `<config>` to false. (<operator> runs after <upstream> in <outputMode> output"
          + " mode.)"),
  CANNOT_LOAD_STATE_STORE(
      "CANNOT_LOAD_STATE_STORE",
      "58030",
      "An error occurred during loading state of <storeId> at version <version>: <reason>."),
  STATE_STORE_KEY_SCHEMA_NOT_COMPATIBLE(
      "STATE_STORE_KEY_SCHEMA_NOT_COMPATIBLE",
      "XXKST",
      "Provided key schema does not match existing state key schema of <storeId>. Existing"
          + " key_schema=<storedKeySchema> and new key_schema=<newKeySchema>. The query changed"
          + " in a way its checkpoint cannot follow; start it with a new checkpointLocation."),
  STATE_STORE_VALUE_SCHEMA_NOT_COMPATIBLE(
      "STATE_STORE_VALUE_SCHEMA_NOT_COMPATIBLE",
      "XXKST",
      "Provided value schema does not match existing state value schema of <storeId>. Existing"
          + " value_schema=<storedValueSchema> and new value_schema=<newValueSchema>. The query"
          + " changed in a way its checkpoint cannot follow; start it with a new"
          + " checkpointLocation."),
  STREAMING_UNSUPPORTED_OPERATION("STREAMING_UNSUPPORTED_OPERATION", "42KDE", "<message>."),
  UNSUPPORTED_DATA_SOURCE_OPERATION(
      "UNSUPPORTED_DATA_SOURCE_OPERATION",
      "0A000",
      "Data source <format> does not support <operation>. Formats that do: <supported>."),
  CALL_ON_STREAMING_DATASET_UNSUPPORTED(
      "CALL_ON_STREAMING_DATASET_UNSUPPORTED",
      "42KDE",
      "The method <methodName> can not be called on streaming Dataset/DataFrame; use"
          + " <alternative>."),
  QUERY_WITH_STREAMING_SOURCE(
      "QUERY_WITH_STREAMING_SOURCE",
      "42000",
      "Queries with streaming sources must be executed with writeStream.start(); a streaming"
          + " DataFrame has no fixed rows to collect, count or show. Start a query with"
          + " df.writeStream() (e.g. format(\"memory\") or format(\"console\"))."),
  WRITE_STREAM_NOT_ALLOWED(
      "WRITE_STREAM_NOT_ALLOWED",
      "42601",
      "'writeStream' can be called only on streaming Dataset/DataFrame."),
  STREAMING_OUTPUT_MODE_INVALID(
      "STREAMING_OUTPUT_MODE.INVALID",
      "42KDE",
      "Invalid streaming output mode: <outputMode>. Accepted output modes: 'append', 'complete',"
          + " 'update'."),
  INVALID_TRIGGER("INVALID_TRIGGER", "42K03", "Invalid trigger <trigger>: <reason>."),
  CHECKPOINT_LOCATION_REQUIRED(
      "CHECKPOINT_LOCATION_REQUIRED",
      "42K03",
      "checkpointLocation must be specified either through option(\"checkpointLocation\", ...)"
          + " or session.conf().set(\"sluice.sql.streaming.checkpointLocation\", ...) for the"
          + " <sink> sink."),
  CHECKPOINT_FILE_CORRUPT(
      "CHECKPOINT_FILE_CORRUPT",
      "XX001",
      "The checkpoint file <path> cannot be used: <reason>. The checkpoint may be corrupt or"
          + " written by another program; restore the file from a backup, or start the query"
          + " with a new checkpointLocation (it then reprocesses from its starting offsets)."),
  CHECKPOINT_IO_ERROR(
      "CHECKPOINT_IO_ERROR", "58030", "Cannot <operation> the checkpoint file <path>: <reason>."),
  CONCURRENT_QUERY(
      "CONCURRENT_QUERY",
      "0A000",
      "Another instance of this query [id = <id>] is already active in this session; stop it"
          + " before starting it again from the same checkpoint."),
  STREAMING_QUERY_NAME_IN_USE(
      "STREAMING_QUERY_NAME_IN_USE",
      "42710",
      "Cannot start query with name <name> as a query with that name is already active in this"
          + " session."),
  STREAM_FAILED(
      "STREAM_FAILED",
      "XXKST",
      "Query [id = <id>, runId = <runId>] terminated with exception: <message>"),
  STREAMING_SOURCE_OPTION_INVALID(
      "STREAMING_SOURCE_OPTION_INVALID",
      "42K03",
      "Invalid value <value> for the option <option> of the <format> source: <reason>."),
  STREAMING_SINK_OPTION_INVALID(
      "STREAMING_SINK_OPTION_INVALID",
      "42K03",
      "Invalid value <value> for the option <option> of the <format> sink: <reason>."),
  STREAMING_SOURCE_DATA_LOST(
      "STREAMING_SOURCE_DATA_LOST",
      "22000",
      "The source <source> can no longer provide the data of batch <batchId> (offsets <start> to"
          + " <end>): <reason>."),
  KAFKA_DATA_LOSS(
      "KAFKA_DATA_LOSS",
      "22000",
      "Records of the Kafka topic-partition <topicPartition> were lost before the query read"
          + " them: <lostRange>; <reason>. To skip lost records with a warning instead, set the"
          + " source option failOnDataLoss to false."),
  STREAMING_SOURCE_CONNECTION_FAILED(
      "STREAMING_SOURCE_CONNECTION_FAILED",
      "08001",
      "The <format> source cannot connect to <address>: <reason>. Check that a server listens"
          + " there before the query starts."),
  FOREACH_USER_FUNCTION_ERROR(
      "FOREACH_USER_FUNCTION_ERROR",
      "39000",
      "An error occurred in the user provided function in foreach sink. Reason: <reason>"),
  FOREACH_BATCH_USER_FUNCTION_ERROR(
      "FOREACH_BATCH_USER_FUNCTION_ERROR",
      "39000",
      "An error occurred in the user provided function in foreach batch sink. Reason: <reason>"),
  STREAMING_SOURCE_SCHEMA_REQUIRED(
      "STREAMING_SOURCE_SCHEMA_REQUIRED",
      "42KD9",
      "Schema must be specified when creating a streaming source DataFrame of the <format> files"
          + " in <path>. Give one with readStream().schema(...), or set"
          + " sluice.sql.streaming.schemaInference to true to infer it from the files already"
          + " there."),
  STREAMING_OUTPUT_MODE_UNSUPPORTED_DATASOURCE(
      "STREAMING_OUTPUT_MODE.UNSUPPORTED_DATASOURCE",
      "42KDE",
      "Invalid streaming output mode: <outputMode>. This output mode is not supported in Data"
          + " Source <className>."),
  ALL_PARTITION_COLUMNS_NOT_ALLOWED(
      "ALL_PARTITION_COLUMNS_NOT_ALLOWED",
      "KD005",
      "Cannot use all columns for partition columns."),
  TASK_WRITE_FAILED(
      "TASK_WRITE_FAILED", "58030", "Task failed while writing rows to <path>: <reason>."),
  KAFKA_SINK_MISSING_COLUMN(
      "KAFKA_SINK_MISSING_COLUMN",
      "42703",
      "Required attribute '<column>' not found: the Kafka sink writes a <column> column of type"
          + " <expectedType>. <hint> The columns are: <columns>."),
  KAFKA_SINK_COLUMN_TYPE(
      "KAFKA_SINK_COLUMN_TYPE",
      "42K09",
      "<column> attribute unsupported type <actualType>. <column> must be <expectedType>;"
          + " <hint>."),
  KAFKA_SAVE_MODE_NOT_ALLOWED(
      "KAFKA_SAVE_MODE_NOT_ALLOWED",
      "0A000",
      "Save mode <mode> not allowed for Kafka. Allowed save modes are Append and ErrorIfExists"
          + " (default)."),
  KAFKA_NULL_TOPIC_IN_DATA(
      "KAFKA_NULL_TOPIC_IN_DATA",
      "22004",
      "null topic present in the data. Use the topic option for setting a topic, or give every"
          + " row a topic."),
  KAFKA_SINK_WRITE_FAILED(
      "KAFKA_SINK_WRITE_FAILED",
      "58030",
      "Writing a record to Kafka topic <topic> partition <partition> failed: <reason>."),
  KAFKA_SINK_TRANSACTION_FAILED(
      "KAFKA_SINK_TRANSACTION_FAILED",
      "58030",
      "The Kafka transaction <transactionalId> of batch <batchId> failed: <reason>."),
  FILE_SINK_LOG_CORRUPT(
      "FILE_SINK_LOG_CORRUPT",
      "XX001",
      "The file sink log file <path> cannot be used: <reason>. It lists the data files of the"
          + " directory's completed batches; restore it from a backup, or remove the directory's"
          + " _sluice_metadata folder to read every data file in the directory (those of"
          + " unfinished batches included)."),
  // --- SQL parser (io.sluice.sql.parser) ---
  PARSE_SYNTAX_ERROR("PARSE_SYNTAX_ERROR", "42601", "Syntax error at or near <error><hint>."),
  GROUP_BY_POS_OUT_OF_RANGE(
      "GROUP_BY_POS_OUT_OF_RANGE",
      "42805",
      "GROUP BY position <index> is not in select list (valid range is [1, <size>])."),
  ORDER_BY_POS_OUT_OF_RANGE(
      "ORDER_BY_POS_OUT_OF_RANGE",
      "42805",
      "ORDER BY position <index> is not in select list (valid range is [1, <size>])."),
  STAR_GROUP_BY_POS(
      "STAR_GROUP_BY_POS",
      "0A000",
      "Star (*) is not allowed in a select list when GROUP BY an ordinal position is used."),
  INVALID_NUMERIC_LITERAL_RANGE(
      "INVALID_NUMERIC_LITERAL_RANGE",
      "22003",
      "Numeric literal <rawStrippedQualifier> is outside the valid range for <typeName> with"
          + " minimum value of <minValue> and maximum value of <maxValue>. Please adjust the"
          + " value accordingly."),
  DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION(
      "DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION",
      "22003",
      "Decimal precision <precision> exceeds max precision <maxPrecision>."),
  INVALID_TYPED_LITERAL(
      "INVALID_TYPED_LITERAL",
      "42604",
      "The value of the typed literal <valueType> is invalid: <value>."),
  UNSUPPORTED_TYPED_LITERAL(
      "UNSUPPORTED_TYPED_LITERAL",
      "0A000",
      "Literals of the type <unsupportedType> are not supported. Supported types are"
          + " <supportedTypes>."),
  INVALID_INLINE_TABLE_NUM_COLUMNS_MISMATCH(
      "INVALID_INLINE_TABLE.NUM_COLUMNS_MISMATCH",
      "42000",
      "Invalid inline table. Inline table expected <expectedNumCols> columns but found"
          + " <actualNumCols> columns in row <rowIndex>."),
  // --- event-time windows and window functions (OVER) ---
  CANNOT_PARSE_INTERVAL(
      "CANNOT_PARSE_INTERVAL",
      "22006",
      "Unable to parse <intervalString>. Please ensure that the value provided is in a valid"
          + " format for defining an interval. You can reference the documentation for the"
          + " correct format. If the issue persists, please double check that the input value is"
          + " not null or empty and try again."),
  WINDOW_DURATION_NOT_LITERAL(
      "WINDOW_DURATION_NOT_LITERAL",
      "42K09",
      "The duration and time inputs to window must be an integer, long or string literal."),
  WINDOW_DURATION_WITH_MONTHS(
      "WINDOW_DURATION_WITH_MONTHS",
      "22023",
      "Intervals greater than a month is not supported (<interval>)."),
  DATATYPE_MISMATCH_PARAMETER_CONSTRAINT_VIOLATION(
      "DATATYPE_MISMATCH.PARAMETER_CONSTRAINT_VIOLATION",
      "42K09",
      "Cannot resolve <sqlExpr> due to data type mismatch: The <leftExprName>(<leftExprValue>)"
          + " must be <constraint> the <rightExprName>(<rightExprValue>)."),
  MULTIPLE_TIME_WINDOW_EXPRESSIONS(
      "MULTIPLE_TIME_WINDOW_EXPRESSIONS",
      "0A000",
      "Multiple time/session window expressions would result in a cartesian product of rows,"
          + " therefore they are currently not supported."),
  SESSION_WINDOW_GAP_DURATION_TYPE(
      "SESSION_WINDOW_GAP_DURATION_TYPE",
      "42K09",
      "Gap duration expression used in session window must be CalendarIntervalType, but got"
          + " <dt>."),
  WINDOW_TIME_WITHOUT_WINDOW_COLUMN(
      "WINDOW_TIME_WITHOUT_WINDOW_COLUMN",
      "42K09",
      "<windowTime> requires a window column generated by window() or session_window(),"
          + " referenced by name; <windowColumn> is not one."),
  WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE(
      "WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE",
      "42601",
      "Window function <funcName> requires an OVER clause."),
  DISTINCT_WINDOW_FUNCTION_UNSUPPORTED(
      "DISTINCT_WINDOW_FUNCTION_UNSUPPORTED",
      "0A000",
      "Distinct window functions are not supported: <windowExpr>."),
  UNSUPPORTED_EXPR_FOR_WINDOW(
      "UNSUPPORTED_EXPR_FOR_WINDOW",
      "42P20",
      "Expression <sqlExpr> not supported within a window function."),
  WINDOW_FUNCTION_AND_FRAME_MISMATCH(
      "WINDOW_FUNCTION_AND_FRAME_MISMATCH",
      "42K0E",
      "<funcName> function can only be evaluated in an ordered row-based window frame with a"
          + " single offset: <windowExpr>."),
  WINDOW_FUNCTION_REQUIRES_ORDER(
      "WINDOW_FUNCTION_REQUIRES_ORDER",
      "42601",
      "Window function <wf> requires window to be ordered, please add ORDER BY clause. For"
          + " example SELECT <wf>(value_expr) OVER (PARTITION BY window_partition ORDER BY"
          + " window_ordering) from table."),
  CANNOT_SPECIFY_WINDOW_FRAME(
      "CANNOT_SPECIFY_WINDOW_FRAME",
      "42601",
      "Cannot specify window frame for <prettyName> function."),
  WINDOW_FRAME_NOT_MATCH_REQUIRED_FRAME(
      "WINDOW_FRAME_NOT_MATCH_REQUIRED_FRAME",
      "42601",
      "Window Frame <wf> must match the required frame <required>."),
  WINDOW_FUNCTION_NOT_ALLOWED(
      "WINDOW_FUNCTION_NOT_ALLOWED",
      "42903",
      "It is not allowed to use window functions inside <clauseName> clause."),
  MISSING_WINDOW_SPECIFICATION(
      "MISSING_WINDOW_SPECIFICATION",
      "42P20",
      "Window specification is not defined in the WINDOW clause for <windowName>. For more"
          + " information about WINDOW clauses, please refer to"
          + " '<docroot>/sql-ref-syntax-qry-select-window.html'."),
  INVALID_BOUNDARY_START(
      "INVALID_BOUNDARY.START",
      "22003",
      "The boundary <boundary> is invalid: <invalidValue>. Expected the value is '0',"
          + " '<longMinValue>' or in [<intMinValue>, <intMaxValue>]."),
  INVALID_BOUNDARY_END(
      "INVALID_BOUNDARY.END",
      "22003",
      "The boundary <boundary> is invalid: <invalidValue>. Expected the value is '0',"
          + " '<longMaxValue>' or in [<intMinValue>, <intMaxValue>]."),
  DATATYPE_MISMATCH_SPECIFIED_WINDOW_FRAME_WITHOUT_FOLDABLE(
      "DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_WITHOUT_FOLDABLE",
      "42K09",
      "Cannot resolve <sqlExpr> due to data type mismatch: Window frame <location> bound"
          + " <expression> is not a literal."),
  DATATYPE_MISMATCH_SPECIFIED_WINDOW_FRAME_UNACCEPTED_TYPE(
      "DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_UNACCEPTED_TYPE",
      "42K09",
      "Cannot resolve <sqlExpr> due to data type mismatch: The data type of the <location>"
          + " bound <exprType> does not match the expected data type <expectedType>."),
  DATATYPE_MISMATCH_SPECIFIED_WINDOW_FRAME_INVALID_BOUND(
      "DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_INVALID_BOUND",
      "42K09",
      "Cannot resolve <sqlExpr> due to data type mismatch: Window frame upper bound <upper>"
          + " does not follow the lower bound <lower>."),
  DATATYPE_MISMATCH_SPECIFIED_WINDOW_FRAME_DIFF_TYPES(
      "DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_DIFF_TYPES",
      "42K09",
      "Cannot resolve <sqlExpr> due to data type mismatch: Window frame bounds <lower> and"
          + " <upper> do not have the same type: <lowerType> <> <upperType>."),
  DATATYPE_MISMATCH_SPECIFIED_WINDOW_FRAME_WRONG_COMPARISON(
      "DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_WRONG_COMPARISON",
      "42K09",
      "Cannot resolve <sqlExpr> due to data type mismatch: The lower bound of a window frame"
          + " must be <comparison> to the upper bound."),
  DATATYPE_MISMATCH_RANGE_FRAME_WITHOUT_ORDER(
      "DATATYPE_MISMATCH.RANGE_FRAME_WITHOUT_ORDER",
      "42K09",
      "Cannot resolve <sqlExpr> due to data type mismatch: A range window frame cannot be used"
          + " in an unordered window specification."),
  DATATYPE_MISMATCH_RANGE_FRAME_MULTI_ORDER(
      "DATATYPE_MISMATCH.RANGE_FRAME_MULTI_ORDER",
      "42K09",
      "Cannot resolve <sqlExpr> due to data type mismatch: A range window frame with value"
          + " boundaries cannot be used in a window specification with multiple order by"
          + " expressions: <orderSpec>."),
  DATATYPE_MISMATCH_RANGE_FRAME_INVALID_TYPE(
      "DATATYPE_MISMATCH.RANGE_FRAME_INVALID_TYPE",
      "42K09",
      "Cannot resolve <sqlExpr> due to data type mismatch: The data type <orderSpecType> used"
          + " in the order specification does not support the data type <valueBoundaryType>"
          + " which is used in the range frame."),
  DATATYPE_MISMATCH_FRAME_LESS_OFFSET_WITHOUT_FOLDABLE(
      "DATATYPE_MISMATCH.FRAME_LESS_OFFSET_WITHOUT_FOLDABLE",
      "42K09",
      "Cannot resolve <sqlExpr> due to data type mismatch: Offset expression <offset> must be"
          + " a literal."),
  UNSUPPORTED_DATATYPE("UNSUPPORTED_DATATYPE", "0A000", "Unsupported data type <typeName>."),
  UNSUPPORTED_SQL_FEATURE(
      "UNSUPPORTED_FEATURE.SLUICE_SQL",
      "0A000",
      "<feature> is not supported by Sluice yet. <hint>"),
  INTERNAL_ERROR("INTERNAL_ERROR", "XX000", "<message>");

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
