#!/usr/bin/env bash
# Builds seq4j, installs it into the local Maven repository, then builds and runs this example
# against the installed artifact (a separate project that sees only seq4j-core's jar).
#   examples/embed/run.sh            install seq4j, build and run the example
#   SKIP_INSTALL=1 examples/embed/run.sh   reuse the installed seq4j
# Extra Maven options (e.g. -o, -Dmaven.repo.local=DIR) go in MAVEN_ARGS.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
mvn_args=(${MAVEN_ARGS:-})
if [ -z "${SKIP_INSTALL:-}" ]; then
  mvn -B -q "${mvn_args[@]}" -f "$root/pom.xml" install -DskipTests -Dspotless.check.skip=true \
    -Dcheckstyle.skip
fi
version="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -1)"
mvn -B -q "${mvn_args[@]}" -f "$here/pom.xml" package -Dseq4j.version="$version"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
java -Dai.djl.offline=true -jar "$here/target/seq4j-embed.jar" "$work" | tee "$work/out.txt"
# the example must print its translations and learn the task
grep -q '^translation: a b c d -> d c b a ' "$work/out.txt" \
  || { echo "embed: the example did not translate 'a b c d' to 'd c b a'" >&2; exit 1; }
echo "embed: ok"
