package io.sluice.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the package directions of ARCHITECTURE.md true: the pipeline flows from the API through
 * analysis, optimizer and planner to plans and types; execution, connectors and the streaming
 * runtime never reach back into the API or the parser.
 */
class PackageDirectionsTest {
  private static JavaClasses classes;

  /** Classes of the user-facing API package itself ({@code io.sluice}, not sub-packages). */
  private static final DescribedPredicate<JavaClass> API =
      resideInAPackage("io.sluice")
          .and(not(simpleName("AnalysisException")))
          // a plain enum of the write API that the batch sink SPI takes, as Spark's SaveMode
          .and(not(simpleName("SaveMode")))
          .as("the API package io.sluice (AnalysisException and SaveMode excepted)");

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.sluice");
  }

  @Test
  void typesDependOnlyOnErrors() {
    noClasses()
        .that()
        .resideInAPackage("io.sluice.types..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("io.sluice..")
                .and(not(resideInAPackage("io.sluice.types..")))
                .and(not(resideInAPackage("io.sluice.error.."))))
        .check(classes);
  }

  @Test
  void errorsAndConfigAreLeaves() {
    noClasses()
        .that()
        .resideInAnyPackage("io.sluice.error..", "io.sluice.config..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("io.sluice..")
                .and(not(resideInAPackage("io.sluice.error..")))
                .and(not(resideInAPackage("io.sluice.config.."))))
        .check(classes);
  }

  @Test
  void plansDoNotDependOnAnalysisExecutionOrApi() {
    noClasses()
        .that()
        .resideInAPackage("io.sluice.plan..")
        .should()
        .dependOnClassesThat(
            API.or(resideInAPackage("io.sluice.analysis.."))
                .or(resideInAPackage("io.sluice.optimizer.."))
                .or(resideInAPackage("io.sluice.exec.operator.."))
                .or(resideInAPackage("io.sluice.exec.planner.."))
                .or(resideInAPackage("io.sluice.exec.expr.."))
                .or(resideInAPackage("io.sluice.sql..")))
        .check(classes);
  }

  @Test
  void analysisDoesNotDependOnExecutionOrApi() {
    noClasses()
        .that()
        .resideInAPackage("io.sluice.analysis..")
        .should()
        .dependOnClassesThat(
            API.or(resideInAPackage("io.sluice.exec.."))
                .or(resideInAPackage("io.sluice.optimizer.."))
                .or(resideInAPackage("io.sluice.sql..")))
        .check(classes);
  }

  @Test
  void optimizerDoesNotDependOnApiOrPhysicalPlanning() {
    // The optimizer may use io.sluice.exec.expr to fold constants.
    noClasses()
        .that()
        .resideInAPackage("io.sluice.optimizer..")
        .should()
        .dependOnClassesThat(
            API.or(resideInAPackage("io.sluice.exec.operator.."))
                .or(resideInAPackage("io.sluice.exec.planner.."))
                .or(resideInAPackage("io.sluice.sql..")))
        .check(classes);
  }

  @Test
  void executionConnectorsAndStreamingRuntimeNeverReachTheApiOrParser() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.sluice.exec..",
            "io.sluice.connector..",
            "io.sluice.state..",
            "io.sluice.streaming.runtime..",
            "io.sluice.streaming.checkpoint..",
            "io.sluice.streaming.operator..")
        .should()
        .dependOnClassesThat(
            API.or(resideInAPackage("io.sluice.sql.parser.."))
                .or(resideInAPackage("io.sluice.analysis..")))
        .check(classes);
  }

  @Test
  void theJsonCoreServesTheSourceAndTheFunctionsWithoutDependingOnEither() {
    noClasses()
        .that()
        .resideInAPackage("io.sluice.exec.json..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("io.sluice.connector.json..")
                .or(resideInAPackage("io.sluice.exec.expr.fn.."))
                .or(resideInAPackage("io.sluice.exec.operator.."))
                .or(resideInAPackage("io.sluice.plan..")))
        .check(classes);
  }

  @Test
  void vectorsAreSelfContained() {
    noClasses()
        .that()
        .resideInAPackage("io.sluice.exec.vector..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("io.sluice..")
                .and(not(resideInAPackage("io.sluice.exec.vector..")))
                .and(not(resideInAPackage("io.sluice.types..")))
                .and(not(resideInAPackage("io.sluice.error.."))))
        .check(classes);
  }
}
