package io.sluice.fn;

import static io.sluice.functions.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.DataFrame;
import io.sluice.Row;
import io.sluice.RowFactory;
import io.sluice.Session;
import io.sluice.types.StructType;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonSmokeTest {
  @Test
  void smoke() {
    Session session = Session.builder().master("local[1]").create();
    DataFrame df = session.createDataFrame(
        Arrays.asList(RowFactory.create("{\"a\": 1, \"b\": \"x\"}"), RowFactory.create("{\"a\" 1}"),
            RowFactory.create((Object) null), RowFactory.create("")),
        StructType.fromDDL("value STRING"));
    DataFrame r = df.select(from_json(col("value"), StructType.fromDDL("a INT, b STRING, _corrupt_record STRING")));
    System.out.println(Arrays.toString(r.columns()) + " " + r.schema().treeString());
    System.out.println(r.collectAsList());
    DataFrame t = r.select(to_json(col(r.columns()[0])));
    System.out.println(Arrays.toString(t.columns()) + t.collectAsList());
    DataFrame g = df.select(get_json_object(col("value"), "$.b"), schema_of_json("{\"a\": [1, 2.5], \"b\": {\"c\": null}}"));
    System.out.println(Arrays.toString(g.columns()) + g.collectAsList());
    DataFrame m = df.select(from_json(col("value"), "MAP<STRING, STRING>", Map.of()));
    System.out.println(Arrays.toString(m.columns()) + m.collectAsList());
    DataFrame s = df.select(from_json(col("value"), schema_of_json("{\"a\": 5}")));
    System.out.println(Arrays.toString(s.columns()) + s.schema().treeString() + s.collectAsList());
    session.stop();
  }
}
