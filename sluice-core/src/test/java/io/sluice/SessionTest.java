package io.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.error.SluiceException;
import io.sluice.internal.MasterUrl;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionTest {

  @Test
  void masterUrlGivesTheNumberOfWorkerThreads() {
    assertThat(MasterUrl.threads("local")).isEqualTo(1);
    assertThat(MasterUrl.threads("local[3]")).isEqualTo(3);
    assertThat(MasterUrl.threads("local[*]")).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(MasterUrl.threads("local[2, 4]")).isEqualTo(2);
    for (String bad : new String[] {"yarn", "local[0]", "local[x]", "spark://h:7077", ""}) {
      assertThatThrownBy(() -> MasterUrl.threads(bad))
          .as(bad)
          .isInstanceOfSatisfying(
              SluiceException.class,
              e -> {
                assertThat(e.getErrorClass()).isEqualTo("INVALID_MASTER_URL");
                assertThat(e.getMessageParameters()).containsEntry("master", "'" + bad + "'");
              });
    }
  }

  @Test
  void badMasterFailsEvenWhenASessionRuns() {
    Session s = Session.builder().master("local[1]").getOrCreate();
    try {
      assertThatThrownBy(() -> Session.builder().master("local[-1]").getOrCreate())
          .isInstanceOfSatisfying(
              SluiceException.class,
              e -> assertThat(e.getErrorClass()).isEqualTo("INVALID_MASTER_URL"));
    } finally {
      s.stop();
    }
  }

  @Test
  void sessionsOwnASchedulerSizedByTheMaster() {
    try (Session s = Session.builder().master("local[3]").appName("t").create()) {
      assertThat(s.scheduler("test").threads()).isEqualTo(3);
      assertThat(s.sqlConf().workerThreads()).isEqualTo(3);
      assertThat(s.conf().get("spark.master")).isEqualTo("local[3]");
      assertThat(s.conf().get("spark.app.name")).isEqualTo("t");
      assertThat(s.conf().get("sluice.sql.shuffle.partitions")).isEqualTo("6");
    }
  }

  @Test
  void getOrCreateSharesTheDefaultSessionAndAppliesRuntimeOptions() {
    Session a = Session.builder().master("local[2]").getOrCreate();
    try {
      Session b = Session.builder().config("spark.sql.shuffle.partitions", "7").getOrCreate();
      assertThat(b).isSameAs(a);
      assertThat(a.conf().get("sluice.sql.shuffle.partitions")).isEqualTo("7");
      assertThat(Session.getDefaultSession()).containsSame(a);
      assertThat(Session.active()).isSameAs(a);
    } finally {
      a.stop();
    }
    assertThat(Session.getDefaultSession()).isEmpty();
    Session c = Session.builder().master("local[1]").getOrCreate();
    try {
      assertThat(c).isNotSameAs(a);
    } finally {
      c.stop();
    }
  }

  @Test
  void runtimeConfigAcceptsSparkAliasesAndValidatesValues() {
    try (Session s =
        Session.builder().master("local[1]").config("spark.sql.ansi.enabled", false).create()) {
      RuntimeConfig conf = s.conf();
      assertThat(conf.get("sluice.sql.ansi.enabled")).isEqualTo("false");
      conf.set("spark.sql.ansi.enabled", true);
      assertThat(conf.get("spark.sql.ansi.enabled")).isEqualTo("true");
      assertThat(s.sqlConf().ansiEnabled()).isTrue();
      conf.set("sluice.sql.shuffle.partitions", 5);
      assertThat(conf.getAll()).containsEntry("sluice.sql.shuffle.partitions", "5");
      conf.unset("spark.sql.shuffle.partitions");
      assertThat(conf.get("sluice.sql.shuffle.partitions")).isEqualTo("2");
      assertThat(conf.get("sluice.sql.caseSensitive")).isEqualTo("false");
      assertThat(conf.get("my.custom.key", "dflt")).isEqualTo("dflt");
      conf.set("my.custom.key", "v");
      assertThat(conf.get("my.custom.key")).isEqualTo("v");
      assertThat(conf.getOption("nope")).isEmpty();
      assertThat(conf.isModifiable("spark.sql.ansi.enabled")).isTrue();
      assertThat(conf.isModifiable("my.custom.key")).isFalse();
      assertThat(conf.isModifiable("spark.master")).isFalse();

      assertThatThrownBy(() -> conf.get("no.such.key"))
          .isInstanceOfSatisfying(
              SluiceException.class,
              e -> {
                assertThat(e.getErrorClass()).isEqualTo("SQL_CONF_NOT_FOUND");
                assertThat(e.getMessageParameters()).containsEntry("sqlConf", "\"no.such.key\"");
              });
      assertThatThrownBy(() -> conf.set("spark.sql.ansi.enabled", "maybe"))
          .isInstanceOfSatisfying(
              SluiceException.class,
              e -> {
                assertThat(e.getErrorClass()).isEqualTo("INVALID_CONF_VALUE.TYPE_MISMATCH");
                assertThat(e.getMessageParameters())
                    .containsEntry("confValue", "maybe")
                    .containsEntry("confName", "\"sluice.sql.ansi.enabled\"");
              });
      assertThatThrownBy(() -> conf.set("spark.master", "local[4]"))
          .isInstanceOfSatisfying(
              AnalysisException.class,
              e -> assertThat(e.getErrorClass()).isEqualTo("CANNOT_MODIFY_CONFIG"));
    }
  }

  @Test
  void badBuilderOptionFailsCreation() {
    assertThatThrownBy(
            () ->
                Session.builder()
                    .master("local[1]")
                    .config(Map.of("spark.sql.shuffle.partitions", "many"))
                    .create())
        .isInstanceOfSatisfying(
            SluiceException.class,
            e -> assertThat(e.getErrorClass()).isEqualTo("INVALID_CONF_VALUE.TYPE_MISMATCH"));
  }

  @Test
  void stopShutsTheSchedulerDownAndQueriesThenFail() {
    Session s = Session.builder().master("local[1]").create();
    DataFrame df = s.range(3);
    s.stop();
    s.stop();
    assertThatThrownBy(df::collectAsList)
        .isInstanceOfSatisfying(
            SluiceException.class, e -> assertThat(e.getErrorClass()).isEqualTo("SESSION_STOPPED"));
  }

  @Test
  void newSessionSharesGlobalViewsButNotTempViewsOrConf() {
    try (Session s = Session.builder().master("local[1]").create()) {
      Session other = s.newSession();
      s.conf().set("spark.sql.shuffle.partitions", "9");
      assertThat(other.conf().get("spark.sql.shuffle.partitions")).isEqualTo("2");
      DataFrame df = s.emptyDataFrame();
      df.createTempView("local_view");
      df.createGlobalTempView("shared_view");
      assertThat(s.catalog().tableExists("local_view")).isTrue();
      assertThat(other.catalog().tableExists("local_view")).isFalse();
      assertThat(other.catalog().tableExists("global_temp.shared_view")).isTrue();
      assertThat(other.catalog().tableExists("global_temp", "shared_view")).isTrue();
      assertThat(other.catalog().dropGlobalTempView("shared_view")).isTrue();
      assertThat(s.catalog().tableExists("global_temp.shared_view")).isFalse();
    }
  }
}
