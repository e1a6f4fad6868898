package io.sluice.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One function of the registry: its name (lower case), the argument counts it accepts, what each
 * argument position accepts (the last entry repeats for further arguments; empty means no
 * expectation), whether it aggregates (only aggregates accept {@code DISTINCT}), and its builder.
 * The analyzer checks the count, coerces the arguments, then calls the builder.
 */
public record FunctionSpec(
    String name,
    Arity arity,
    List<InputType> inputTypes,
    boolean aggregate,
    FunctionBuilder builder) {

  public FunctionSpec {
    name = name.toLowerCase(Locale.ROOT);
    Objects.requireNonNull(arity, "arity");
    inputTypes = List.copyOf(inputTypes);
    Objects.requireNonNull(builder, "builder");
  }

  /** A scalar function without input-type expectations. */
  public static FunctionSpec scalar(String name, Arity arity, FunctionBuilder builder) {
    return new FunctionSpec(name, arity, List.of(), false, builder);
  }

  /** A scalar function whose arguments are coerced to {@code inputTypes}. */
  public static FunctionSpec scalar(
      String name, Arity arity, List<InputType> inputTypes, FunctionBuilder builder) {
    return new FunctionSpec(name, arity, inputTypes, false, builder);
  }

  /** An aggregate function whose arguments are coerced to {@code inputTypes}. */
  public static FunctionSpec aggregate(
      String name, Arity arity, List<InputType> inputTypes, FunctionBuilder builder) {
    return new FunctionSpec(name, arity, inputTypes, true, builder);
  }

  /** What argument {@code i} accepts, or null when anything goes. */
  public InputType inputType(int i) {
    if (inputTypes.isEmpty()) return null;
    return inputTypes.get(Math.min(i, inputTypes.size() - 1));
  }
}
