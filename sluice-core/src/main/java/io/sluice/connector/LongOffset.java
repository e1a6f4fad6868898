package io.sluice.connector;

/** An offset that is one number: a record count, a batch index, a sequence number. */
public record LongOffset(long value) implements Offset {
  @Override
  public String json() {
    return Long.toString(value);
  }

  /** Reads {@link #json()} back; {@code what} names the offset in the error for bad text. */
  public static LongOffset parse(String json, String what) {
    try {
      return new LongOffset(Long.parseLong(json.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "expected a number as the offset of " + what + ", found '" + json + "'", e);
    }
  }
}
