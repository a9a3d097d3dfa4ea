#!/usr/bin/env bash
# The benchmark (issue 7: ingest and services): builds demand-list, resource-list and this module, then runs
# org.threelists.bench.Bench on a throw-away stack. Arguments go to the benchmark (--help). About 3-4 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -Dbench -DskipTests -pl bench,services/demand-list,services/resource-list -am package
exec java -jar bench/target/bench.jar "$@"
