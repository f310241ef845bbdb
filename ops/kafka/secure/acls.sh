#!/usr/bin/env bash
# Grants each role of the triage pipeline what it needs and nothing more, with Kafka's AclCommand.
#
#   ops/kafka/secure/acls.sh [apply|remove|list]        (apply by default; apply twice is harmless)
#
# Environment (all optional):
#   KAFKA_BOOTSTRAP      the cluster to change                (KAFKA_HOST:KAFKA_PORT, 127.0.0.1:9092)
#   KAFKA_ADMIN_CONFIG   client properties of a user allowed to alter ACLs
#                                                             (<KAFKA_DATA_DIR>/secure/clients/admin.properties)
#   TRIAGE_TOPIC_PREFIX  prefix of every topic name and of the readers' consumer groups   (empty)
#   TRIAGE_APP_ID        the worker's app id: the prefix (app id + ".") of its consumer groups
#                        (<app>.triage, <app>.urgent, <app>.intel), of its Faust app's internal
#                        topics (<app>.intel-*) and of its transactional ids                 (triage)
#   KAFKA_ACL_JOBS       AclCommand runs at a time; each is a JVM start of a few seconds    (4)
#
# Principals are User:<role>, the SCRAM user names that kafka.sh creates (roles.sh). Read and Write
# imply Describe. Clearance is cumulative: a role at one level reads that level and every one below.
#
#   role                    grants
#   ingest                  Write reports.raw
#   worker                  Read reports.raw, reports.urgent and groups "<app id>.*"; Write reports.urgent,
#                           reports.triaged, reports.deadletter, audit, and
#                           alerts|flash|review|events|briefings.<level>; Read and Write events.input
#                           (its correlation stream, all levels mixed); Read reports.triaged (archive);
#                           Create/Read/Write/DescribeConfigs topics "<app id>.intel-*" (Faust's own);
#                           Write transactional ids "<app id>.*"
#   monitor                 the lag exporter: Describe groups "<app id>.*"; Read the input topics and
#                           reports.triaged (the archive's input)
#                           (offsets and the oldest unconsumed record's timestamp, never content)
#   analyst-<level>         Read alerts.<l>, flash.<l> and review.<l> for every l up to <level>;
#                           group analyst-<level>
#   commander-<level>       Read events.<l> and briefings.<l> for every l up to <level>; group commander-<level>
#   auditor                 Read audit; group auditor
# (topic and reader-group names carry TRIAGE_TOPIC_PREFIX). Nobody but the super users (broker, admin)
# may create the pipeline's topics: run `triage topics` as admin.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
kafka_sh="$here/../kafka.sh"
# shellcheck source=roles.sh
source "$here/roles.sh"

repo=$(cd "$here/../../.." && pwd)
port=${KAFKA_PORT:-9092}
data=${KAFKA_DATA_DIR:-$repo/.kafka/$port}
bootstrap=${KAFKA_BOOTSTRAP:-${KAFKA_HOST:-127.0.0.1}:$port}
admin_config=${KAFKA_ADMIN_CONFIG:-$data/secure/clients/admin.properties}
prefix=${TRIAGE_TOPIC_PREFIX:-}
app=${TRIAGE_APP_ID:-triage}
jobs=${KAFKA_ACL_JOBS:-4}
mode=${1:-apply}

die() { echo "acls: $*" >&2; exit 1; }

[ -r "$admin_config" ] || die "no admin client config at $admin_config (set KAFKA_ADMIN_CONFIG)"
[ -n "$app" ] || die "TRIAGE_APP_ID is empty"
case "$mode" in apply|remove|list) ;; *) echo "usage: $0 [apply|remove|list]" >&2; exit 2 ;; esac

# Every grant starts a JVM, which costs seconds of CPU. They start faster with the client compiler
# alone, a small heap, and JDK class data sharing: the first run records the classes AclCommand
# loads into an archive beside the broker's jars, and later runs map it. A missing, stale or
# unreadable archive costs only speed (its warnings are silenced). The tool's own log goes to
# <data dir>/logs/acls/, not into the broker's server.log.
base_tool_opts=${KAFKA_TOOL_OPTS:--XX:TieredStopAtLevel=1}
export KAFKA_HEAP=${KAFKA_ACL_HEAP:-256m}
cds="$here/../target/aclcommand.jsa"
cds_opt="-XX:SharedArchiveFile=$cds"
tool_logs="$data/logs/acls"
mkdir -p "$tool_logs"

acl_command() {
  KAFKA_TOOL_OPTS="$base_tool_opts -Xlog:cds=off,cds+dynamic=off $cds_opt -Dkafka.logs.dir=$tool_logs" \
    "$kafka_sh" tool org.apache.kafka.tools.AclCommand \
    --bootstrap-server "$bootstrap" --command-config "$admin_config" "$@"
}

if [ "$mode" = list ]; then
  acl_command --list
  exit 0
fi

# Each grant is one AclCommand run: every principal gets every operation on every resource named.
grants=()
grant() { grants+=("$(printf '%q ' "$@")"); }

levels_up_to() {  # every level from the lowest up to $1
  local l
  for l in "${secure_levels[@]}"; do echo "$l"; [ "$l" = "$1" ] && return 0; done
}

grant --allow-principal User:ingest --operation Write --topic "${prefix}reports.raw"

# The worker reads reports.triaged back for the Parquet archive (pipeline/intel.py).
# The worker: its lanes read reports.raw (group <app>.triage) and reports.urgent (group <app>.urgent);
# its Faust app reads events.input and reports.triaged (group <app>.intel) and keeps its tables'
# changelogs in topics named <app>.intel-*.
grant --allow-principal User:worker --operation Read --topic "${prefix}reports.raw" --topic "${prefix}reports.urgent" \
  --topic "${prefix}events.input" --topic "${prefix}reports.triaged"
grant --allow-principal User:worker --resource-pattern-type prefixed --group "$app." --operation Read
outputs=(--topic "${prefix}reports.urgent" --topic "${prefix}reports.triaged" --topic "${prefix}reports.deadletter"
  --topic "${prefix}audit" --topic "${prefix}events.input")
for l in "${secure_levels[@]}"; do
  for family in alerts flash review events briefings; do outputs+=(--topic "${prefix}$family.$l"); done
done
grant --allow-principal User:worker --operation Write "${outputs[@]}"
grant --allow-principal User:worker --resource-pattern-type prefixed --topic "$app.intel-" \
  --operation Create --operation Read --operation Write --operation DescribeConfigs
grant --allow-principal User:worker --resource-pattern-type prefixed --transactional-id "$app." \
  --operation Write
# The lag exporter: describes the groups and reads offsets (and the timestamp of the oldest unconsumed
# record) of the input topics; it never reads content into its metrics or logs.
grant --allow-principal User:monitor --operation Describe --operation Read --topic "${prefix}reports.raw" \
  --topic "${prefix}reports.urgent" --topic "${prefix}events.input" --topic "${prefix}reports.triaged"
grant --allow-principal User:monitor --resource-pattern-type prefixed --group "$app." --operation Describe

for role in analyst commander; do
  case $role in analyst) families=(alerts flash review) ;; commander) families=(events briefings) ;; esac
  for level in "${secure_levels[@]}"; do
    readable=()
    while read -r l; do
      for family in "${families[@]}"; do readable+=(--topic "${prefix}$family.$l"); done
    done < <(levels_up_to "$level")
    grant --allow-principal "User:$role-$level" --operation Read "${readable[@]}" --group "${prefix}$role-$level"
  done
done
grant --allow-principal User:auditor --operation Read --topic "${prefix}audit" --group "${prefix}auditor"

case "$mode" in apply) action=(--add) ;; remove) action=(--remove --force) ;; esac

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
run_grant() {  # $1: index; runs grants[$1] and records its exit status
  local args
  eval "args=(${grants[$1]})"
  if acl_command "${action[@]}" "${args[@]}" >"$logs/$1.out" 2>&1; then echo 0 >"$logs/$1.rc"; else echo 1 >"$logs/$1.rc"; fi
}

first=0
if [ ! -s "$cds" ] && [ -d "$(dirname "$cds")" ]; then
  # The first grant runs alone and writes the archive (under a temporary name: runs may overlap).
  cds_opt="-XX:ArchiveClassesAtExit=$cds.$$" run_grant 0
  mv -f "$cds.$$" "$cds" 2>/dev/null || rm -f "$cds.$$"
  first=1
fi
for i in "${!grants[@]}"; do
  [ "$i" -lt "$first" ] && continue
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
  run_grant "$i" &
done
wait

failed=0
for i in "${!grants[@]}"; do
  if [ "$(cat "$logs/$i.rc" 2>/dev/null)" != 0 ]; then
    failed=$((failed + 1))
    echo "acls: failed: AclCommand ${action[*]} ${grants[$i]}" >&2
    sed 's/^/  /' "$logs/$i.out" >&2
  fi
done
[ "$failed" -eq 0 ] || die "$failed of ${#grants[@]} ACL changes failed on $bootstrap"
case "$mode" in apply) done_word=applied ;; remove) done_word=removed ;; esac
echo "acls: $done_word ${#grants[@]} grants for topic prefix '$prefix' and app id '$app' on $bootstrap"
