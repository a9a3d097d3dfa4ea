#!/usr/bin/env bash
# The benchmark: builds the four services and this module, then runs org.threelists.bench.Bench on a
# throw-away stack (embedded PostgreSQL, a Kafka broker, the services as processes). Every figure is printed beside a
# baseline measured in the same run; the JSON goes to bench/target/bench.json. Arguments go to the benchmark
# (--help; --only ingest,e2e,delivery,ledger,services,matching runs parts). All parts: about 15 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -Dbench -DskipTests -pl bench,services/demand-list,services/resource-list,services/matchmaker/service,services/ledger -am package
exec java -jar bench/target/bench.jar "$@"
