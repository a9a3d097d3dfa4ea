#!/usr/bin/env bash
# Runs the whole threelists system on this machine: PostgreSQL, a Kafka broker and every built service, with demo
# data and ready-made tokens. Builds first if anything is missing, or when asked with --build. Ctrl-C stops it all.
# Details and settings: tools/local-stack/README.md
set -euo pipefail
cd "$(dirname "$0")"

launcher=tools/local-stack/target/local-stack-0.1.0-SNAPSHOT-launcher.jar

build=false
for arg in "$@"; do
  case "$arg" in
    --build) build=true ;;
    -h|--help)
      echo "usage: ./run-local.sh [--build]   (--build: ./mvnw install -DskipTests first, even if everything is built)"
      exit 0 ;;
    *) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
  esac
done

if [[ ! -f "$launcher" ]]; then
  build=true
fi
# Every Quarkus service module (services/<name>/ or services/<name>/<part>/) must have its runner jar.
while IFS= read -r pom; do
  module=$(dirname "$pom")
  if grep -q quarkus-maven-plugin "$pom" && [[ ! -f "$module/target/quarkus-app/quarkus-run.jar" ]]; then
    build=true
  fi
done < <(find services -mindepth 2 -maxdepth 3 -name pom.xml)

if [[ "$build" == true ]]; then
  echo "building (./mvnw -B -q install -DskipTests)..."
  ./mvnw -B -q install -DskipTests
fi

# A shell that starts this script in the background (`./run-local.sh &`) hands it SIGINT ignored, and the JVM then
# installs no handler: reset INT and TERM so that `kill -INT` stops the stack cleanly however it was started.
if env --default-signal=INT true 2>/dev/null; then
  exec env --default-signal=INT,TERM java -jar "$launcher"
fi
exec java -jar "$launcher"
