package dev.ignite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class StderrLoggingTest {
  private static final String NL = System.lineSeparator();

  @AfterEach
  void backToTheDefaultLevel() {
    StderrLogging.setLevel(System.getProperty(StderrLogging.LEVEL_PROPERTY));
  }

  @Test
  void isTheProviderSlf4jFinds() {
    assertThat(LoggerFactory.getILoggerFactory()).isInstanceOf(StderrLogging.class);
  }

  @Test
  void namesItselfToSlf4jUnlessAProviderIsNamedAlready() {
    String before = System.getProperty("slf4j.provider");
    String verbosity = System.getProperty("slf4j.internal.verbosity");
    try {
      System.setProperty("slf4j.provider", "org.example.Other");
      StderrLogging.nameToSlf4j();
      assertThat(System.getProperty("slf4j.provider")).isEqualTo("org.example.Other");
      System.clearProperty("slf4j.provider");
      StderrLogging.nameToSlf4j();
      assertThat(System.getProperty("slf4j.provider")).isEqualTo(StderrLogging.class.getName());
    } finally {
      if (before == null) {
        System.clearProperty("slf4j.provider");
      } else {
        System.setProperty("slf4j.provider", before);
      }
      if (verbosity == null) {
        System.clearProperty("slf4j.internal.verbosity");
      }
    }
  }

  @Test
  void printsWarningsButNotInfoByDefault() {
    StderrLogging.setLevel(null);
    Logger log = LoggerFactory.getLogger("dev.ignite.core.VmService");
    String err =
        stderrOf(
            () -> {
              log.info("starting {}", "a");
              log.warn("VM {} is {}", "a", "gone");
            });
    assertThat(err).isEqualTo("WARN VmService: VM a is gone" + NL);
  }

  @Test
  void appliesANewLevelToLoggersMadeBefore() {
    Logger log = LoggerFactory.getLogger("dev.ignite.core.Early");
    assertThat(log.isDebugEnabled()).isFalse();
    StderrLogging.setLevel("debug");
    assertThat(log.isDebugEnabled()).isTrue();
    assertThat(log.isTraceEnabled()).isFalse();
    StderrLogging.setLevel("ERROR");
    assertThat(log.isWarnEnabled()).isFalse();
    assertThat(log.isErrorEnabled()).isTrue();
  }

  @Test
  void readsAnUnknownLevelAsWarn() {
    StderrLogging.setLevel("loud");
    Logger log = LoggerFactory.getLogger("dev.ignite.core.Unknown");
    assertThat(log.isWarnEnabled()).isTrue();
    assertThat(log.isInfoEnabled()).isFalse();
  }

  @Test
  void printsOnlyErrorsOfMinaUnlessAskedForInfoOrMore() {
    Logger mina = LoggerFactory.getLogger("org.apache.sshd.client.session.ClientSessionImpl");
    StderrLogging.setLevel("warn");
    assertThat(mina.isWarnEnabled()).isFalse();
    assertThat(mina.isErrorEnabled()).isTrue();
    StderrLogging.setLevel("info");
    assertThat(mina.isWarnEnabled()).isTrue();
    assertThat(mina.isInfoEnabled()).isFalse(); // a daemon at info shows its own events only
    StderrLogging.setLevel("debug");
    assertThat(mina.isInfoEnabled()).isTrue();
    assertThat(mina.isDebugEnabled()).isTrue();
  }

  @Test
  void keepsJGitsInfoOutOfADaemonsInfoLog() {
    Logger jgit = LoggerFactory.getLogger("org.eclipse.jgit.transport.Transport");
    StderrLogging.setLevel("info");
    assertThat(jgit.isInfoEnabled()).isFalse();
    assertThat(jgit.isWarnEnabled()).isTrue();
  }

  @Test
  void printsAThrowableGivenAsTheLastArgumentBelowTheLine() {
    Logger log = LoggerFactory.getLogger("dev.ignite.core.VmService");
    String err =
        stderrOf(() -> log.error("build of {} failed", "a", new IllegalStateException("x")));
    assertThat(err)
        .startsWith(
            "ERROR VmService: build of a failed" + NL + "java.lang.IllegalStateException: x")
        .contains("\tat dev.ignite.cli.StderrLoggingTest.");
  }

  @Test
  void neverInterleavesLinesOfTwoThreads() {
    Logger log = LoggerFactory.getLogger("dev.ignite.core.Busy");
    String long1 = "a".repeat(3000);
    String long2 = "b".repeat(3000);
    String err =
        stderrOf(
            () -> {
              List<Thread> threads = new ArrayList<>();
              for (String text : List.of(long1, long2)) {
                Thread t = new Thread(() -> repeat(200, () -> log.warn(text)));
                t.start();
                threads.add(t);
              }
              threads.forEach(StderrLoggingTest::join);
            });
    assertThat(err.split(NL))
        .hasSize(400)
        .allMatch(line -> line.equals("WARN Busy: " + long1) || line.equals("WARN Busy: " + long2));
  }

  private static void repeat(int times, Runnable action) {
    for (int i = 0; i < times; i++) {
      action.run();
    }
  }

  private static void join(Thread t) {
    try {
      t.join();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private static String stderrOf(Runnable action) {
    PrintStream original = System.err;
    var bytes = new ByteArrayOutputStream();
    System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
