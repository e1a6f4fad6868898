package io.sluice.plan.logical;

import java.util.Locale;

/** Join types and the names Spark accepts for them in {@code df.join(other, cond, type)}. */
public enum JoinType {
  INNER("Inner"),
  LEFT_OUTER("LeftOuter"),
  RIGHT_OUTER("RightOuter"),
  FULL_OUTER("FullOuter"),
  LEFT_SEMI("LeftSemi"),
  LEFT_ANTI("LeftAnti"),
  CROSS("Cross");

  /** The names accepted by {@link #fromString}, as Spark lists them in its error. */
  public static final String SUPPORTED =
      "'inner', 'outer', 'full', 'fullouter', 'full_outer', 'leftouter', 'left', 'left_outer',"
          + " 'rightouter', 'right', 'right_outer', 'leftsemi', 'left_semi', 'semi',"
          + " 'leftanti', 'left_anti', 'anti', 'cross'";

  private final String planName;

  JoinType(String planName) {
    this.planName = planName;
  }

  public String planName() {
    return planName;
  }

  /** Parses a join type as Spark does (case-insensitive, underscores optional); null if unknown. */
  public static JoinType fromString(String s) {
    return switch (s.toLowerCase(Locale.ROOT).replace("_", "")) {
      case "inner" -> INNER;
      case "outer", "full", "fullouter" -> FULL_OUTER;
      case "leftouter", "left" -> LEFT_OUTER;
      case "rightouter", "right" -> RIGHT_OUTER;
      case "leftsemi", "semi" -> LEFT_SEMI;
      case "leftanti", "anti" -> LEFT_ANTI;
      case "cross" -> CROSS;
      default -> null;
    };
  }

  /** True when the output has only the left side's columns. */
  public boolean leftOnly() {
    return this == LEFT_SEMI || this == LEFT_ANTI;
  }
}
