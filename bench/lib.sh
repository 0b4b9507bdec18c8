# Shared by the bench scripts: build the test classes once and print a java command line.
bench_java() {
  local root; root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  (cd "$root" && mvn -q -B test-compile -Dspotless.apply.skip=true >&2 &&
    mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test >&2)
  echo java -cp "$root/target/classes:$root/target/test-classes:$(cat "$root/target/bench.cp")"
}
