#!/usr/bin/env bash
# Builds the release archive (mvn -Prelease package) unless one is given, unpacks it into an empty
# directory and runs it there as a user without Maven would: a `mvn` that fails loudly comes first
# on PATH, so any attempt to build is an error. Prints the version, then runs the quickstart.
#
#   bench/release-check.sh [seq4j-VERSION.tar.gz]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
archive="${1:-}"
[ $# -gt 0 ] && shift
if [ -z "$archive" ]; then
  (cd "$ROOT" && mvn -q -B -Prelease -DskipTests package -pl seq4j-cli -am)
  archive="$(ls "$ROOT"/seq4j-cli/target/seq4j-*.tar.gz | head -1)"
fi
dir="$(mktemp -d /tmp/seq4j-release.XXXXXX)"
tar -xzf "$archive" -C "$dir"
home="$(ls -d "$dir"/seq4j-*)"
mkdir -p "$dir/no-maven"
printf '#!/bin/sh\necho "release-check: mvn was called: the release must not need Maven" >&2\nexit 99\n' > "$dir/no-maven/mvn"
chmod +x "$dir/no-maven/mvn"
cd "$dir"
echo "release-check: $(basename "$archive") unpacked in $dir ($(du -sh "$home" | cut -f1))"
PATH="$dir/no-maven:$PATH" "$home/bin/seq4j" --version
PATH="$dir/no-maven:$PATH" "$home/bin/seq4j" quickstart --out "$dir/qs" "$@"
