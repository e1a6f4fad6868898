package io.sluice.exec.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TaskSchedulerRunOnCallerTest {
  private static TaskScheduler scheduler;

  @BeforeAll
  static void start() {
    scheduler = new TaskScheduler(3);
  }

  @AfterAll
  static void stop() {
    scheduler.close();
  }

  @Test
  void runsEveryTaskExactlyOnceAndReturnsResultsInOrder() {
    for (int round = 0; round < 200; round++) {
      AtomicIntegerArray runs = new AtomicIntegerArray(3);
      List<Integer> out =
          scheduler.runAllOnCaller(
              3,
              p -> {
                runs.incrementAndGet(p);
                return p * 10;
              });
      assertThat(out).containsExactly(0, 10, 20);
      for (int p = 0; p < 3; p++) assertThat(runs.get(p)).isEqualTo(1);
    }
  }

  @Test
  void theCallerRunsTheFirstTaskItself() {
    Thread caller = Thread.currentThread();
    List<Boolean> onCaller =
        scheduler.runAllOnCaller(2, p -> p == 0 && Thread.currentThread() == caller);
    assertThat(onCaller.get(0)).isTrue();
  }

  @Test
  void tasksRunInParallelWhenAWorkerTakesThem() throws InterruptedException {
    // task 0 (on the caller) waits until task 1 has started elsewhere: only parallelism ends it
    CountDownLatch secondStarted = new CountDownLatch(1);
    Thread caller = Thread.currentThread();
    List<Boolean> done =
        scheduler.runAllOnCaller(
            2,
            p -> {
              if (p == 1 && Thread.currentThread() != caller) secondStarted.countDown();
              try {
                return p == 0 ? secondStarted.await(10, TimeUnit.SECONDS) : true;
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    assertThat(done).containsExactly(true, true);
  }

  @Test
  void theFirstFailureIsRethrownAfterEveryTaskEnded() {
    ConcurrentHashMap<Integer, Boolean> ran = new ConcurrentHashMap<>();
    assertThatThrownBy(
            () ->
                scheduler.runAllOnCaller(
                    3,
                    p -> {
                      ran.put(p, true);
                      if (p >= 1) throw new IllegalArgumentException("task " + p);
                      return p;
                    }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("task 1"); // a worker's exception may come wrapped in a copy
    assertThat(ran).containsOnlyKeys(0, 1, 2);
  }

  @Test
  void moreTasksThanThreadsRunAsRunAllDoes() {
    List<Integer> out = scheduler.runAllOnCaller(7, p -> p);
    assertThat(out).containsExactly(0, 1, 2, 3, 4, 5, 6);
  }
}
