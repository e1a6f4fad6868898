package io.sluice.streaming;

import static io.sluice.testing.QueryTest.row;

import io.sluice.DataFrame;
import io.sluice.Session;
import io.sluice.testing.StreamTest;
import io.sluice.testing.TestSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stream joined with a static table: each micro-batch sees the table as it is, but the table's
 * hash table is built once and kept while its files keep their sizes and modification times.
 */
class StreamStaticJoinTest {
  private final Session session = TestSessions.shared();

  @Test
  void theStaticSideIsReadAgainOnlyWhenItsFilesChange(@TempDir Path dir) throws Exception {
    Path customers = dir.resolve("customers.json");
    Files.writeString(customers, "{\"id\":\"c1\",\"name\":\"Ann\"}\n");
    DataFrame dim = session.read().schema("id STRING, name STRING").json(customers.toString());
    MemoryStream orders = MemoryStream.of(session, "order_id STRING, cid STRING");
    DataFrame joined =
        orders
            .toDF()
            .join(dim, orders.toDF().col("cid").equalTo(dim.col("id")))
            .select("order_id", "name");
    StreamTest.of(joined, OutputMode.Append())
        .addData(orders, row("o1", "c1"))
        .checkNewAnswer(row("o1", "Ann"))
        .execute(q -> Files.writeString(customers, "{\"id\":\"c1\",\"name\":\"Annabel\"}\n"))
        .addData(orders, row("o2", "c1"))
        .checkNewAnswer(row("o2", "Annabel")) // a changed file is read again
        .execute(
            q -> {
              // same size and modification time: the table built before is kept
              FileTime t = Files.getLastModifiedTime(customers);
              Files.writeString(customers, "{\"id\":\"c1\",\"name\":\"Bnnabel\"}\n");
              Files.setLastModifiedTime(customers, t);
            })
        .addData(orders, row("o3", "c1"))
        .checkNewAnswer(row("o3", "Annabel"))
        .run();
  }
}
