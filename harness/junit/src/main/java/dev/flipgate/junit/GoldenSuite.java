package dev.flipgate.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as the anchor of a Flipgate suite, so build tools that scan for test classes
 * (Maven Surefire, IDEs) run the gate as tests of the {@code flipgate} engine:
 *
 * <pre>
 * &#64;GoldenSuite("golden-sets/mnist/suite.yaml")
 * class MnistRegressionTest {}
 * </pre>
 *
 * The path is relative to the configuration parameter {@code flipgate.baseDir} (default: the
 * working directory, a Maven module's base directory under Surefire).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface GoldenSuite {

  /** The suite file. */
  String value();

  /** The candidate to gate; empty for the suite's default. {@code flipgate.candidate} overrides it. */
  String candidate() default "";
}
