package io.sluice.sql.parser;

import org.junit.jupiter.api.Test;

class ScratchTest {
  @Test
  void print() throws Exception {
    SqlParser p = new SqlParser();
    String[] qs = {
      "SELECT a, b + 1 AS c, count(*) FROM t WHERE x > 1 GROUP BY 1, b HAVING count(*) > 2 ORDER BY c DESC LIMIT 3",
      "SELECT i.imp_id FROM impressions i LEFT OUTER JOIN clicks c ON i.ad_id = c.ad_id AND c.ts BETWEEN i.ts - INTERVAL 5 MINUTES AND i.ts + INTERVAL 5 MINUTES",
      "SELECT window.start AS s, window.end, 1.5, 1e3, 2L, -3, X'0aff', DATE '2024-01-02', TIMESTAMP '2024-01-01 10:00:00', INTERVAL 90 MINUTES, INTERVAL '10 minutes', INTERVAL 1 HOUR 30 MINUTES, INTERVAL 14 MONTHS, INTERVAL '1 02:03' DAY TO MINUTE FROM t",
      "WITH a AS (SELECT 1 AS x) SELECT * FROM a UNION ALL SELECT * FROM a UNION ALL VALUES (1), (2)",
      "SELECT CAST(a AS DECIMAL(10, 2)), a::array<struct<x: int, end: string>>, m['k'], arr[0].f, t.*, `a b`, CASE WHEN a THEN 1 ELSE 2 END FROM t",
    };
    for (String q : qs) System.out.println(((Statement.Query) p.parseStatement(q)).plan().treeString());
    for (String q : new String[] {"SELECT * FRM t", "SELECT a FROM t WHERE", "SELECT (a FROM t", "SELECT a,\nb FROM t t2 t3"}) {
      try { p.parseStatement(q); } catch (Exception e) { System.out.println(e.getMessage()); }
    }
  }
}
