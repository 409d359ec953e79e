#!/usr/bin/env bash
# Interleaved A/B rounds of benchmark rows, the working tree (B) against an earlier commit (A):
#   bench/ab.sh <commit> <rounds> quick|steady|full --only '<regex over family/workload/system>'
# Builds both (the commit in a temporary clone), then runs A B B A A B ... so that a drift of the
# machine during the series hits both alike, and prints each row's ops/s (and p50) per round and
# the median ops/s.
# JAVA=/path/to/bin/java runs the benchmarks (and so every forked JVM) on another Java, JAVA_A and
# JAVA_B one side each (so `JAVA_B=... bench/ab.sh HEAD ...` compares one build on two Javas); the
# builds use Maven's Java as usual. A run's full reports stay in the printed directory.
set -euo pipefail
if [[ $# -lt 3 ]]; then
  echo "usage: bench/ab.sh <commit> <rounds> quick|steady|full [--only <regex>]" >&2
  exit 64
fi
base="$1" rounds="$2" mode="$3"
shift 3
bench_dir="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$bench_dir")"
java_a="${JAVA_A:-${JAVA:-java}}"
java_b="${JAVA_B:-${JAVA:-java}}"
work="$(mktemp -d "${TMPDIR:-/tmp}/lightning-ab.XXXXXX")"
echo "A = $base on $java_a, B = the working tree on $java_b; reports in $work"

git clone -q "$root" "$work/a"
git -C "$work/a" checkout -q "$base"
for side in a b; do
  src="$work/a"
  [[ $side == b ]] && src="$root"
  echo "building $side ($src) ..."
  (cd "$src" && mvn -B -q -pl bench -am package -DskipTests)
done

run_side() { # run_side a|b ROUND
  local src="$work/a" java="$java_a"
  [[ $1 == b ]] && src="$root" && java="$java_b"
  local out="$work/$1-$2"
  local side="$1" round="$2"
  shift 2
  mkdir -p "$out"
  "$java" -Xmx1g --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
    -cp "$src/bench/target/classes:$(cat "$src/bench/target/classpath.txt")" \
    dev.lightningdb.bench.BenchMain "$mode" "$out" "$@" >"$out/console.txt" 2>&1
  # the report's table rows: "workload | threads | system | settings | ops/s ..."; a row without
  # a workload carries the one above it
  awk -F'|' -v side="$side" -v round="$round" '
    /^\| / && $6 ~ /^ *[0-9.]+ ?[kM]? *$/ {
      w = $2; gsub(/^ +| +$/, "", w); if (w != "") last = w
      s = $4; gsub(/^ +| +$/, "", s); t = $3; gsub(/ /, "", t); o = $6; gsub(/^ +| +$/, "", o)
      p50 = $7; gsub(/^ +| +$/, "", p50); note = $10; gsub(/^ +| +$/, "", note)
      printf "%s\t%s\t%s x%s\t%s\t%s\n", side, round, last " | " s, t, o, "p50 " p50 (note == "" ? "" : ", " note)
    }' "$out"/*.md >>"$work/rows.tsv"
}

for ((r = 1; r <= rounds; r++)); do
  if ((r % 2 == 1)); then order="a b"; else order="b a"; fi
  for side in $order; do
    echo "round $r: $side"
    run_side "$side" "$r" "$@"
  done
done

# ops/s such as "1.37 M" or "632 k" to numbers, then per row and side: every round and the median
awk -F'\t' '
  function num(s,   v, u) { split(s, p, " "); v = p[1] + 0; u = p[2]
    return u == "M" ? v * 1e6 : u == "k" ? v * 1e3 : v }
  { key = $3 "\t" $1; n[key]++; vals[key, n[key]] = num($4); shown[key] = shown[key] " " $4 " (" $5 ")" ";"; rows[$3] = 1 }
  END {
    for (row in rows) {
      printf "%s\n", row
      for (side = 0; side < 2; side++) {
        s = side == 0 ? "a" : "b"; key = row "\t" s; m = n[key]
        if (m == 0) continue
        for (i = 1; i <= m; i++) sorted[i] = vals[key, i]
        for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (sorted[j] < sorted[i]) { x = sorted[i]; sorted[i] = sorted[j]; sorted[j] = x }
        med = m % 2 ? sorted[(m + 1) / 2] : (sorted[m / 2] + sorted[m / 2 + 1]) / 2
        printf "  %s: median %.0f ops/s; rounds:%s\n", (s == "a" ? "A" : "B"), med, shown[key]
        median[s] = med
      }
      if (median["a"] > 0 && median["b"] > 0) printf "  B / A = %.3f\n", median["b"] / median["a"]
      delete median
    }
  }' "$work/rows.tsv" | tee "$work/summary.txt"
