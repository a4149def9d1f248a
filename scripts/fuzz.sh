#!/bin/sh
# Fuzzes the record loader with libFuzzer under AddressSanitizer (issue 8).
#
#   scripts/fuzz.sh [SECONDS]          build if needed, then fuzz for SECONDS (default 300)
#   scripts/fuzz.sh --reproduce FILE   run one record file (.txt/.md/.yaml) through the target
#
# The target (Fuzz/LoaderFuzzTarget.swift) is compiled with NewsCore's sources by swiftc, outside SwiftPM,
# into .build-fuzz/, so normal builds are untouched. Its input is one selector byte (0, 1, 2 modulo 3:
# .txt, .md, .yaml) then the file's bytes. The corpus starts from seeds/ and Tests/Fixtures, copied into
# .build-fuzz/run/corpus at each run (and grows there between runs). Every crash, timeout or
# out-of-memory input is kept under $FUZZ_CRASH_DIR (default Tests/Fixtures/Fuzz/crashes) as a record file
# with the right extension, ready for `newsreader check`; the script then exits 1.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
SWIFTC=${SWIFTC:-swiftc}
out=.build-fuzz
bin=$out/loader-fuzz
work=$out/run
crash_dir=${FUZZ_CRASH_DIR:-Tests/Fixtures/Fuzz/crashes}
max_len=16384
# Leaks: the Swift runtime's metadata caches are never freed and are reported as leaks; only memory errors
# and traps count. A trap (a Swift runtime error) arrives as SIGILL/SIGTRAP, which libFuzzer reports as a crash.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:handle_sigill=1:handle_sigtrap=1:abort_on_error=0}"
export SWIFT_BACKTRACE="${SWIFT_BACKTRACE:-enable=no}"

build() {
  mkdir -p "$out"
  sources=$(find Sources/NewsCore Fuzz -name '*.swift' | LC_ALL=C sort)
  if [ -x "$bin" ] && [ -z "$(find Sources/NewsCore Fuzz -name '*.swift' -newer "$bin")" ]; then
    return 0
  fi
  echo "fuzz: building $bin (swiftc -O -sanitize=fuzzer,address)" >&2
  start=$(date +%s)
  # shellcheck disable=SC2086  # the list of sources is meant to split (no path has a space)
  if ! "$SWIFTC" -O -g -sanitize=fuzzer,address -parse-as-library -swift-version 6 \
    -module-name NewsCore -I Sources/CLibYAML -I Sources/CFileSystem -I Sources/CLZ4 $sources -llz4 -o "$bin.tmp" >"$out/build.log" 2>&1; then
    grep -v "Cannot export local symbol" "$out/build.log" >&2
    exit 1
  fi
  mv "$bin.tmp" "$bin"
  echo "fuzz: built in $(($(date +%s) - start)) s" >&2
}

# The selector byte for a file name: what the target turns back into the same extension.
selector() {
  case "$1" in
    *.md | *.markdown | *.MD) printf 1 ;;
    *.yaml | *.yml | *.YAML) printf 2 ;;
    *) printf 0 ;;
  esac
}

extension_for() {
  case "$1" in
    1) echo md ;;
    2) echo yaml ;;
    *) echo txt ;;
  esac
}

if [ "${1:-}" = "--reproduce" ]; then
  [ $# -eq 2 ] || { echo "usage: $0 --reproduce FILE" >&2; exit 64; }
  build
  input=$work/reproduce.input
  mkdir -p "$work"
  { selector "$2"; cat "$2"; } >"$input"
  exec "$bin" "$input"
fi

seconds=${1:-300}
build
corpus=$work/corpus
artifacts=$work/artifacts
rm -rf "$artifacts"
mkdir -p "$corpus" "$artifacts" "$crash_dir"

# Seeds: every record-like file of seeds/ and the fixtures that fits in max_len (the 500 KB one does not).
# Fixtures under Fuzz/crashes are not seeds: they are the failures still open.
find seeds Tests/Fixtures -type f ! -path '*/Fuzz/crashes/*' -size -${max_len}c | LC_ALL=C sort |
  while IFS= read -r file; do
    name=$(printf '%s' "$file" | tr -c 'A-Za-z0-9._-' '_')
    { selector "$file"; cat "$file"; } >"$corpus/seed-$name"
  done

echo "fuzz: $(ls "$corpus" | wc -l) corpus inputs, $seconds s; log in $work/fuzz.log" >&2
status=0
# fork=1 with ignore_*: a crash does not end the run, so one known failure cannot hide the others.
"$bin" "$corpus" -dict=Fuzz/records.dict -max_len=$max_len -timeout=10 -rss_limit_mb=2048 \
  -max_total_time="$seconds" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
  -artifact_prefix="$artifacts/" -print_final_stats=1 >"$work/fuzz.log" 2>&1 || status=$?

# The last status line: inputs run in all (#N), coverage, corpus size, failures so far.
grep -E '^#[0-9]+: ' "$work/fuzz.log" | tail -1 | sed 's/^/fuzz: /' >&2 || true
found=0
for artifact in "$artifacts"/*; do
  [ -f "$artifact" ] || continue
  kind=$(basename "$artifact" | sed 's/-.*//')
  first=$(head -c 1 "$artifact" | od -An -tu1 | tr -d ' ')
  ext=$(extension_for $(( ${first:-0} % 3 )))
  sum=$(sha1sum "$artifact" | cut -c1-12)
  kept="$crash_dir/$kind-$sum.$ext"
  tail -c +2 "$artifact" >"$kept"
  echo "fuzz: $kind kept as $kept (scripts/fuzz.sh --reproduce $kept)" >&2
  found=$((found + 1))
done
if [ "$found" -gt 0 ]; then
  # In fork mode the reports stay in the children's logs: replay the first input for its stack.
  first_input=$(ls "$artifacts"/* | head -1)
  echo "fuzz: $found failing input(s); $first_input replayed:" >&2
  "$bin" "$first_input" 2>&1 | grep -E '^==[0-9]+==ERROR|^    #[0-9] |^SUMMARY' | cut -c1-240 >&2 || true
  exit 1
fi
if [ "$status" -ne 0 ]; then
  echo "fuzz: libFuzzer exited with $status; see $work/fuzz.log" >&2
  tail -20 "$work/fuzz.log" >&2
  exit "$status"
fi
echo "fuzz: no failure" >&2
