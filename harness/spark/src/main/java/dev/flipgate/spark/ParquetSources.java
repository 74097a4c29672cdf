package dev.flipgate.spark;

/**
 * Where a gate's rows are, as paths Spark reads ({@code file:}, {@code s3a:}, {@code hdfs:},
 * {@code abfss:}): the golden set's examples and each model's predictions, all Parquet. The
 * predictions have the columns of a predictions file ({@code id}, {@code prediction}).
 */
public record ParquetSources(String examples, String idColumn, String labelColumn, String deployed, String candidate) {}
