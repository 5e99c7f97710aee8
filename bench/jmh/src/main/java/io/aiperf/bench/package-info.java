/**
 * JMH benchmarks of aiperf's hot code, one class per piece (the bus codec, SSE decoding and response parsing). Run
 * with {@code java -jar bench/jmh/target/benchmarks.jar <ClassName>} after {@code mvn -Pbench -pl bench/jmh -am
 * -DskipTests package}; on this shared 2-core machine pin with {@code taskset} and compare variants in the same run.
 */
package io.aiperf.bench;
