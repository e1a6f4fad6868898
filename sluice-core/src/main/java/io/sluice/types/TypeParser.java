package io.sluice.types;

import io.sluice.error.ErrorClass;
import io.sluice.error.ParseException;
import io.sluice.error.SluiceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses Spark's type DDL: single types ({@code array<int>}) and schemas ({@code a INT, b STRING
 * NOT NULL COMMENT 'x'}). Keywords are case-insensitive; names may be backquoted.
 */
final class TypeParser {
  private final String text;
  private int pos;

  TypeParser(String text) {
    this.text = text;
  }

  StructType parseSchema() {
    skipSpace();
    if (atEnd()) {
      return new StructType();
    }
    // Spark also accepts "struct<...>" as a schema string.
    int save = pos;
    String word = peekWord();
    if (word != null && word.equalsIgnoreCase("struct")) {
      readWord();
      skipSpace();
      if (peek() == '<') {
        pos = save;
        DataType t = parseType();
        expectEnd();
        return (StructType) t;
      }
      pos = save;
    }
    List<StructField> fields = new ArrayList<>();
    do {
      fields.add(parseField(false));
      skipSpace();
    } while (tryConsume(','));
    expectEnd();
    return new StructType(fields);
  }

  DataType parseSingleType() {
    skipSpace();
    DataType t = parseType();
    expectEnd();
    return t;
  }

  private StructField parseField(boolean colonAllowed) {
    skipSpace();
    String name = readName();
    skipSpace();
    if (colonAllowed || peek() == ':') {
      tryConsume(':');
    }
    skipSpace();
    DataType type = parseType();
    boolean nullable = true;
    String comment = null;
    while (true) {
      skipSpace();
      String w = peekWord();
      if (w == null) break;
      String lw = w.toLowerCase(Locale.ROOT);
      if (lw.equals("not")) {
        readWord();
        skipSpace();
        expectWord("null");
        nullable = false;
      } else if (lw.equals("comment")) {
        readWord();
        skipSpace();
        comment = readStringLiteral();
      } else {
        break;
      }
    }
    return new StructField(name, type, nullable, comment);
  }

  private DataType parseType() {
    skipSpace();
    int start = pos;
    String w = readWord();
    if (w == null) {
      throw syntaxError(start);
    }
    String lw = w.toLowerCase(Locale.ROOT);
    switch (lw) {
      case "boolean", "bool":
        return DataTypes.BooleanType;
      case "tinyint", "byte":
        return DataTypes.ByteType;
      case "smallint", "short":
        return DataTypes.ShortType;
      case "int", "integer":
        return DataTypes.IntegerType;
      case "bigint", "long":
        return DataTypes.LongType;
      case "float", "real":
        return DataTypes.FloatType;
      case "double":
        return DataTypes.DoubleType;
      case "string":
        return DataTypes.StringType;
      case "varchar", "char", "character":
        skipSpace();
        if (tryConsume('(')) {
          readInt();
          skipSpace();
          expect(')');
        }
        return DataTypes.StringType;
      case "binary":
        return DataTypes.BinaryType;
      case "date":
        return DataTypes.DateType;
      case "timestamp", "timestamp_ltz":
        return DataTypes.TimestampType;
      case "void":
        return DataTypes.NullType;
      case "decimal", "dec", "numeric":
        return parseDecimal();
      case "interval":
        return parseInterval();
      case "array":
        {
          skipSpace();
          expect('<');
          DataType element = parseType();
          skipSpace();
          expect('>');
          return new ArrayType(element, true);
        }
      case "map":
        {
          skipSpace();
          expect('<');
          DataType key = parseType();
          skipSpace();
          expect(',');
          DataType value = parseType();
          skipSpace();
          expect('>');
          return new MapType(key, value, true);
        }
      case "struct":
        {
          skipSpace();
          expect('<');
          skipSpace();
          List<StructField> fields = new ArrayList<>();
          if (!tryConsume('>')) {
            do {
              fields.add(parseField(true));
              skipSpace();
            } while (tryConsume(','));
            expect('>');
          }
          return new StructType(fields);
        }
      default:
        throw new ParseException(
            ErrorClass.PARSE_SYNTAX_ERROR,
            SluiceException.params(
                "error", "'" + w + "'",
                "hint", ": unsupported data type \"" + w.toUpperCase(Locale.ROOT) + "\""));
    }
  }

  private DataType parseDecimal() {
    skipSpace();
    if (!tryConsume('(')) {
      return DecimalType.USER_DEFAULT;
    }
    int p = readInt();
    int s = 0;
    skipSpace();
    if (tryConsume(',')) {
      s = readInt();
      skipSpace();
    }
    expect(')');
    try {
      return new DecimalType(p, s);
    } catch (IllegalArgumentException e) {
      throw new ParseException(
          ErrorClass.PARSE_SYNTAX_ERROR,
          SluiceException.params(
              "error", "'decimal(" + p + "," + s + ")'", "hint", ": " + e.getMessage()));
    }
  }

  private DataType parseInterval() {
    skipSpace();
    String first = peekWord();
    if (first == null || unitOf(first) == null) {
      return DataTypes.CalendarIntervalType;
    }
    readWord();
    String startUnit = unitOf(first);
    String endUnit = startUnit;
    skipSpace();
    String to = peekWord();
    if (to != null && to.equalsIgnoreCase("to")) {
      readWord();
      skipSpace();
      int at = pos;
      String e = readWord();
      endUnit = e == null ? null : unitOf(e);
      if (endUnit == null) throw syntaxError(at);
    }
    boolean ym = startUnit.equals("year") || startUnit.equals("month");
    if (ym) {
      byte s = startUnit.equals("year") ? YearMonthIntervalType.YEAR : YearMonthIntervalType.MONTH;
      byte e = endUnit.equals("year") ? YearMonthIntervalType.YEAR : YearMonthIntervalType.MONTH;
      return new YearMonthIntervalType(s, e);
    }
    return new DayTimeIntervalType(dayTimeField(startUnit), dayTimeField(endUnit));
  }

  private static String unitOf(String w) {
    String lw = w.toLowerCase(Locale.ROOT);
    return switch (lw) {
      case "year", "years" -> "year";
      case "month", "months" -> "month";
      case "day", "days" -> "day";
      case "hour", "hours" -> "hour";
      case "minute", "minutes" -> "minute";
      case "second", "seconds" -> "second";
      default -> null;
    };
  }

  private static byte dayTimeField(String unit) {
    return switch (unit) {
      case "day" -> DayTimeIntervalType.DAY;
      case "hour" -> DayTimeIntervalType.HOUR;
      case "minute" -> DayTimeIntervalType.MINUTE;
      default -> DayTimeIntervalType.SECOND;
    };
  }

  private String readName() {
    skipSpace();
    if (peek() == '`') {
      pos++;
      StringBuilder sb = new StringBuilder();
      while (pos < text.length()) {
        char c = text.charAt(pos++);
        if (c == '`') {
          if (pos < text.length() && text.charAt(pos) == '`') {
            sb.append('`');
            pos++;
          } else {
            return sb.toString();
          }
        } else {
          sb.append(c);
        }
      }
      throw syntaxError(pos);
    }
    int start = pos;
    String w = readWord();
    if (w == null) throw syntaxError(start);
    return w;
  }

  private String readStringLiteral() {
    char q = peek();
    if (q != '\'' && q != '"') throw syntaxError(pos);
    pos++;
    StringBuilder sb = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '\\' && pos < text.length()) {
        sb.append(text.charAt(pos++));
      } else if (c == q) {
        return sb.toString();
      } else {
        sb.append(c);
      }
    }
    throw syntaxError(pos);
  }

  private int readInt() {
    skipSpace();
    int start = pos;
    while (pos < text.length() && Character.isDigit(text.charAt(pos))) pos++;
    if (start == pos) throw syntaxError(start);
    return Integer.parseInt(text.substring(start, pos));
  }

  private String peekWord() {
    int save = pos;
    String w = readWord();
    pos = save;
    return w;
  }

  private String readWord() {
    int start = pos;
    while (pos < text.length()
        && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
      pos++;
    }
    return start == pos ? null : text.substring(start, pos);
  }

  private void expectWord(String word) {
    int at = pos;
    String w = readWord();
    if (w == null || !w.equalsIgnoreCase(word)) throw syntaxError(at);
  }

  private void expect(char c) {
    skipSpace();
    if (peek() != c) throw syntaxError(pos);
    pos++;
  }

  private boolean tryConsume(char c) {
    skipSpace();
    if (peek() == c) {
      pos++;
      return true;
    }
    return false;
  }

  private void expectEnd() {
    skipSpace();
    if (!atEnd()) throw syntaxError(pos);
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private boolean atEnd() {
    return pos >= text.length();
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
  }

  private ParseException syntaxError(int at) {
    String near;
    if (at >= text.length()) {
      near = "end of input";
    } else {
      int end = at;
      while (end < text.length() && !Character.isWhitespace(text.charAt(end))) end++;
      near = "'" + text.substring(at, Math.max(end, at + 1)) + "'";
    }
    return new ParseException(
        ErrorClass.PARSE_SYNTAX_ERROR,
        SluiceException.params("error", near, "hint", " in the type text \"" + text + "\""));
  }
}
