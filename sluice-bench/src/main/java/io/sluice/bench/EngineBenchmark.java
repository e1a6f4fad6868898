package io.sluice.bench;

import static io.sluice.functions.col;
import static io.sluice.functions.count;
import static io.sluice.functions.lit;
import static io.sluice.functions.sum;

import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.Session;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The batch engine's core operators through the DataFrame API on ONE worker thread ({@code
 * local[1]}), so the scores are rows per second per core. Each invocation processes {@link #ROWS}
 * input rows; JMH reports operations per second = rows per second.
 *
 * <p>Input comes from {@code range}, so the figures include generating the {@code id} column and
 * computing the derived key columns, as a real scan would include decoding.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgs = {"-Xms4g", "-Xmx4g"})
public class EngineBenchmark {
  static final int ROWS = 10_000_000;
  static final int BUILD_ROWS = 100_000;
  static final long SPREAD = 1_000_003;

  private Session session;
  private DataFrame filterProject;
  private DataFrame aggregate1k;
  private DataFrame aggregate1m;
  private DataFrame aggregate1mSparse;
  private DataFrame join;

  @Setup(Level.Trial)
  public void setUp() {
    session = Session.builder().appName("bench").master("local[1]").getOrCreate();
    DataFrame ids = session.range(ROWS);
    filterProject =
        ids.select(col("id"), col("id").mod(100).as("m"), col("id").multiply(3).as("x"))
            .filter(col("m").lt(50).and(col("x").gt(10)))
            .select(col("x").plus(col("m")).as("y"))
            .agg(sum("y"));
    aggregate1k = ids.groupBy(col("id").mod(1000).as("k")).agg(count(lit(1)), sum("id"));
    aggregate1m = ids.groupBy(col("id").mod(1_000_000).as("k")).agg(count(lit(1)), sum("id"));
    // the same groups spread over a range a million times wider: hashed, not directly addressed
    aggregate1mSparse =
        ids.groupBy(col("id").mod(1_000_000).multiply(SPREAD).as("k"))
            .agg(count(lit(1)), sum("id"));
    DataFrame probe = ids.select(col("id").mod(BUILD_ROWS).as("k"), col("id").as("v"));
    DataFrame build =
        session.range(BUILD_ROWS).select(col("id").as("k2"), col("id").mod(7).as("w"));
    join = probe.join(build, col("k").equalTo(col("k2"))).agg(sum("w"), count(lit(1)));
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    session.stop();
  }

  /** Filter and project over 10M rows (three derived columns, a two-predicate filter). */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public List<Row> filterProject() {
    return filterProject.collectAsList();
  }

  /** Hash aggregation of 10M rows into 1,000 groups (count and sum). */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public List<Row> hashAggregate1kGroups() {
    return aggregate1k.collectAsList();
  }

  /** Hash aggregation of 10M rows into 1,000,000 groups (count and sum). */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public List<Row> hashAggregate1mGroups() {
    return aggregate1m.collectAsList();
  }

  /**
   * Hash aggregation of 10M rows into 1,000,000 groups whose keys are far apart ({@code k *
   * 1000003}), so the key table hashes them instead of addressing a dense range directly.
   */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public List<Row> hashAggregate1mSparseGroups() {
    return aggregate1mSparse.collectAsList();
  }

  /** Inner hash join of 10M probe rows with 100k build rows, then a global aggregate. */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public List<Row> hashJoin10mX100k() {
    return join.collectAsList();
  }
}
