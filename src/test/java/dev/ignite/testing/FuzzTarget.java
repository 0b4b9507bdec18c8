package dev.ignite.testing;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A Jazzer fuzz target: a parser of untrusted input and what must hold for any input. {@code
 * scripts/fuzz} fuzzes each for a bounded time (CI) or as long as asked; the seeds and every input
 * that once failed sit in {@code src/test/resources/<package>/<Class>Inputs/<method>/}. One target
 * per class: libFuzzer runs once per JVM, and the fuzz profile forks one JVM per class.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@FuzzTest(maxDuration = "15s")
public @interface FuzzTarget {}
