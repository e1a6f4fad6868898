package io.sluice.bench.workload;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Every workload and probe, by name. */
final class Workloads {
  static final Map<String, Workload> WORKLOADS =
      index(
          List.of(
              new W0ParseFilter(),
              SqlWorkload.W1,
              SqlWorkload.W2,
              SqlWorkload.W3,
              SqlWorkload.W4,
              SqlWorkload.W5,
              new W6DedupWithinWatermark()));
  static final Map<String, LatencyProbe> PROBES =
      probes(List.of(new Lat0Stateless(), new Lat1Stateful()));

  private Workloads() {}

  static boolean isName(String name) {
    String n = name.toUpperCase(Locale.ROOT);
    return WORKLOADS.containsKey(n) || PROBES.containsKey(n);
  }

  private static Map<String, Workload> index(List<Workload> ws) {
    Map<String, Workload> m = new LinkedHashMap<>();
    for (Workload w : ws) m.put(w.name(), w);
    return m;
  }

  private static Map<String, LatencyProbe> probes(List<LatencyProbe> ps) {
    Map<String, LatencyProbe> m = new LinkedHashMap<>();
    for (LatencyProbe p : ps) m.put(p.name(), p);
    return m;
  }
}
