package io.sluice.sql.parser;

import io.sluice.error.ErrorClass;
import io.sluice.error.ParseException;
import io.sluice.error.SluiceException;
import io.sluice.exec.expr.DateTimes;
import io.sluice.plan.expr.Expression;
import io.sluice.plan.expr.Literal;
import io.sluice.types.DataTypes;
import io.sluice.types.DecimalType;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.Token;

/**
 * Literal values as Spark's parser builds them: string unescaping, numbers by their suffix ({@code
 * 1} int, {@code 1L} bigint, {@code 1S} smallint, {@code 1Y} tinyint, {@code 1.5} decimal(2,1),
 * {@code 1e3} and {@code 1.5D} double, {@code 1.5F} float, {@code 1.5BD} decimal) and typed
 * literals ({@code DATE '...'}, {@code TIMESTAMP '...'}, {@code X'...'}).
 */
final class Literals {
  private static final Pattern DATE =
      Pattern.compile("\\s*([+-]?\\d{4,7})(?:-(\\d{1,2})(?:-(\\d{1,2})(?:[ T].*)?)?)?\\s*");

  private final String command;
  private final ZoneId zone;

  /** {@code zone} is the session time zone, in which {@code TIMESTAMP '...'} is read. */
  Literals(String command, ZoneId zone) {
    this.command = command;
    this.zone = zone;
  }

  // ---------------------------------------------------------------- strings

  /** The value of a quoted string token: quotes removed, escapes applied as Spark does. */
  static String unquote(String token) {
    char q = token.charAt(0);
    String body = token.substring(1, token.length() - 1);
    StringBuilder sb = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == q && i + 1 < body.length() && body.charAt(i + 1) == q) {
        sb.append(q);
        i++;
      } else if (c == '\\' && i + 1 < body.length()) {
        i = unescape(body, i + 1, sb);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Appends the character escaped at {@code i}; returns the index of its last character. */
  private static int unescape(String s, int i, StringBuilder sb) {
    char c = s.charAt(i);
    if (c == 'u' && i + 4 < s.length() && isHex(s, i + 1, i + 5)) {
      sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
      return i + 4;
    }
    if (c >= '0' && c <= '7' && i + 2 < s.length() && isOctal(s, i, i + 3)) {
      sb.append((char) Integer.parseInt(s.substring(i, i + 3), 8));
      return i + 2;
    }
    switch (c) {
      case '0' -> sb.append('\u0000');
      case 'b' -> sb.append('\b');
      case 'n' -> sb.append('\n');
      case 'r' -> sb.append('\r');
      case 't' -> sb.append('\t');
      case 'Z' -> sb.append('\u001A');
      case '%', '_' -> sb.append('\\').append(c); // kept for LIKE patterns, as in Spark
      default -> sb.append(c);
    }
    return i;
  }

  private static boolean isHex(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Character.digit(s.charAt(i), 16) < 0) return false;
    }
    return true;
  }

  private static boolean isOctal(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '7') return false;
    }
    return true;
  }

  // ---------------------------------------------------------------- numbers

  /** {@code 42} → int, or bigint, or decimal(p,0) when it does not fit in a bigint. */
  Literal integer(String text, Token at) {
    BigDecimal v = new BigDecimal(text);
    if (v.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0
        && v.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
      return Literal.of(v.intValueExact());
    }
    if (v.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0
        && v.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
      return Literal.of(v.longValueExact());
    }
    return decimal(v, at);
  }

  /** {@code 1.5} → decimal(2,1); {@code 1.5BD} likewise; the text has no suffix. */
  Literal decimal(String text, Token at) {
    return decimal(new BigDecimal(text), at);
  }

  private Literal decimal(BigDecimal v, Token at) {
    if (v.scale() < 0) v = v.setScale(0);
    int precision = Math.max(v.precision(), v.scale());
    if (precision > DecimalType.MAX_PRECISION) {
      throw SyntaxErrors.error(
          command,
          at,
          ErrorClass.DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION,
          SluiceException.params(
              "precision",
              String.valueOf(precision),
              "maxPrecision",
              String.valueOf(DecimalType.MAX_PRECISION)));
    }
    return new Literal(v, new DecimalType(precision, v.scale()));
  }

  /** A literal with a type suffix ({@code L}, {@code S}, {@code Y}, {@code D}, {@code F}). */
  Literal suffixed(String text, Token at) {
    String raw = text.substring(0, text.length() - 1);
    char suffix = Character.toUpperCase(text.charAt(text.length() - 1));
    BigDecimal v = new BigDecimal(raw);
    switch (suffix) {
      case 'L':
        checkRange(raw, v, Long.MIN_VALUE, Long.MAX_VALUE, "bigint", at);
        return Literal.of(v.longValueExact());
      case 'S':
        checkRange(raw, v, Short.MIN_VALUE, Short.MAX_VALUE, "smallint", at);
        return new Literal(v.shortValueExact(), DataTypes.ShortType);
      case 'Y':
        checkRange(raw, v, Byte.MIN_VALUE, Byte.MAX_VALUE, "tinyint", at);
        return new Literal(v.byteValueExact(), DataTypes.ByteType);
      case 'F':
        {
          float f = v.floatValue();
          if (Float.isInfinite(f)) {
            throw outOfRange(
                raw,
                "float",
                String.valueOf(-Float.MAX_VALUE),
                String.valueOf(Float.MAX_VALUE),
                at);
          }
          return new Literal(f, DataTypes.FloatType);
        }
      default:
        return dbl(raw, at);
    }
  }

  /** {@code 1e3}, {@code 1.5D} → double. */
  Literal dbl(String raw, Token at) {
    double d = new BigDecimal(raw).doubleValue();
    if (Double.isInfinite(d)) {
      throw outOfRange(
          raw, "double", String.valueOf(-Double.MAX_VALUE), String.valueOf(Double.MAX_VALUE), at);
    }
    return Literal.of(d);
  }

  private void checkRange(String raw, BigDecimal v, long min, long max, String type, Token at) {
    if (v.scale() > 0 && v.stripTrailingZeros().scale() > 0
        || v.compareTo(BigDecimal.valueOf(min)) < 0
        || v.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw outOfRange(raw, type, String.valueOf(min), String.valueOf(max), at);
    }
  }

  private ParseException outOfRange(String raw, String type, String min, String max, Token at) {
    return SyntaxErrors.error(
        command,
        at,
        ErrorClass.INVALID_NUMERIC_LITERAL_RANGE,
        SluiceException.params(
            "rawStrippedQualifier", raw, "typeName", type, "minValue", min, "maxValue", max));
  }

  // ---------------------------------------------------------------- typed literals

  /**
   * {@code DATE '2024-01-31'}, {@code TIMESTAMP '2024-01-31 10:00:00'} (read in the session time
   * zone unless the text names one), {@code X'CAFE'}: literals of their type, as in Spark, so they
   * are named {@code TIMESTAMP '2024-01-31 10:00:00'} in generated column names.
   */
  Expression typed(String typeName, String value, Token at, Token valueToken) {
    String type = typeName.toUpperCase(Locale.ROOT);
    switch (type) {
      case "DATE":
        {
          Integer days = parseDate(value);
          if (days == null) throw invalidTyped(type, value, valueToken);
          return new Literal(days, DataTypes.DateType);
        }
      case "TIMESTAMP", "TIMESTAMP_LTZ":
        {
          long micros = DateTimes.stringToTimestamp(value, zone);
          if (micros == DateTimes.INVALID_TIMESTAMP) throw invalidTyped(type, value, valueToken);
          return new Literal(micros, DataTypes.TimestampType);
        }
      case "X":
        {
          byte[] bytes = parseHex(value);
          if (bytes == null) throw invalidTyped(type, value, valueToken);
          return new Literal(bytes, DataTypes.BinaryType);
        }
      default:
        throw SyntaxErrors.error(
            command,
            at,
            ErrorClass.UNSUPPORTED_TYPED_LITERAL,
            SluiceException.params(
                "unsupportedType",
                "\"" + type + "\"",
                "supportedTypes",
                "\"DATE\", \"TIMESTAMP_LTZ\", \"TIMESTAMP\", \"INTERVAL\"," + " \"X\""));
    }
  }

  ParseException invalidTyped(String type, String value, Token at) {
    return SyntaxErrors.error(
        command,
        at,
        ErrorClass.INVALID_TYPED_LITERAL,
        SluiceException.params("valueType", "\"" + type + "\"", "value", "'" + value + "'"));
  }

  /** Days since the epoch of {@code yyyy[-m[m][-d[d]]]} (anything after a space or T ignored). */
  static Integer parseDate(String s) {
    Matcher m = DATE.matcher(s);
    if (!m.matches()) return null;
    try {
      int year = Integer.parseInt(m.group(1));
      int month = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
      int day = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
      return Math.toIntExact(LocalDate.of(year, month, day).toEpochDay());
    } catch (DateTimeException | ArithmeticException e) {
      return null;
    }
  }

  private static byte[] parseHex(String s) {
    String h = s.length() % 2 == 0 ? s : "0" + s;
    byte[] out = new byte[h.length() / 2];
    for (int i = 0; i < out.length; i++) {
      int hi = Character.digit(h.charAt(2 * i), 16);
      int lo = Character.digit(h.charAt(2 * i + 1), 16);
      if (hi < 0 || lo < 0) return null;
      out[i] = (byte) (hi * 16 + lo);
    }
    return out;
  }
}
