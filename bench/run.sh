#!/usr/bin/env bash
# Runs the side-by-side benchmarks: bench/run.sh quick   (under 10 minutes on 2 cores)
#                                    bench/run.sh steady  (quick's data, 3 s warm-up + 3 s measured per row)
#                                    bench/run.sh full    (10M keys, 1M rows: hours)
# Extra arguments go to the runner, e.g. --only 'kv/getHot' to run matching rows only.
# Builds what it needs with Maven (never installs), then runs; the report is printed and
# written to bench/results/latest-<mode>.md.
set -euo pipefail
mode="${1:-quick}"
shift || true
case "$mode" in
  quick|steady|full) ;;
  *) echo "usage: bench/run.sh quick|steady|full [--only <regex over family/workload/system>]" >&2; exit 64 ;;
esac
bench_dir="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$bench_dir")"
start=$SECONDS
echo "building (mvn -pl bench -am package -DskipTests) ..."
(cd "$root" && mvn -B -q -pl bench -am package -DskipTests)
cp="$bench_dir/target/classes:$(cat "$bench_dir/target/classpath.txt")"
java -Xmx1g --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
  -cp "$cp" dev.lightningdb.bench.BenchMain "$mode" "$bench_dir/results" "$@"
echo "run.sh wall time: $((SECONDS - start)) s (build included)"
