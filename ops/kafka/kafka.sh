#!/usr/bin/env bash
# Start, stop and inspect the project's own single-node Apache Kafka broker (KRaft).
#
#   ops/kafka/kafka.sh fetch|up|down|status|logs|clean|tool CLASS [ARGS...]
#
# Environment (all optional):
#   KAFKA_PORT             client port                        (9092)
#   KAFKA_CONTROLLER_PORT  KRaft controller port, loopback    (KAFKA_PORT + 1)
#   KAFKA_HOST             address the client listener binds  (127.0.0.1)
#   KAFKA_DATA_DIR         storage, logs and pid file          (<repo>/.kafka/<port>)
#   KAFKA_HEAP             maximum JVM heap                    (768m)
#   KAFKA_START_TIMEOUT    seconds to wait for readiness       (90)
#   KAFKA_EXTRA_PROPERTIES a file appended to server.properties (none)
#   KAFKA_SECURE           1: the secure profile (TLS, SASL/SCRAM-SHA-512 users, ACLs; no plaintext
#                          listener); see ops/kafka/secure/README.md. TRIAGE_TOPIC_PREFIX and
#                          TRIAGE_APP_ID name the topics and app id the ACLs are for.   (0)
#   KAFKA_TOOL_OPTS        extra JVM options for `tool`            (none)
#   KAFKA_JMX_EXPORTER_PORT  start the broker with the Prometheus JMX exporter agent serving
#                          /metrics on this port (`up` only; `fetch` resolves the agent)  (none: no agent)
#   KAFKA_JMX_EXPORTER_HOST  address the exporter binds               (127.0.0.1)
#   KAFKA_JMX_EXPORTER_CONFIG  the exporter's rules  (<repo>/ops/monitoring/jmx/kafka-broker.yaml)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
libs="$here/target/kafka-libs"
jmx_agent="$here/target/jmx-exporter/jmx_prometheus_javaagent.jar"
jmx_port=${KAFKA_JMX_EXPORTER_PORT:-}
jmx_host=${KAFKA_JMX_EXPORTER_HOST:-127.0.0.1}
jmx_config=${KAFKA_JMX_EXPORTER_CONFIG:-$repo/ops/monitoring/jmx/kafka-broker.yaml}
port=${KAFKA_PORT:-9092}
cport=${KAFKA_CONTROLLER_PORT:-$((port + 1))}
host=${KAFKA_HOST:-127.0.0.1}
data=${KAFKA_DATA_DIR:-$repo/.kafka/$port}
heap=${KAFKA_HEAP:-768m}
timeout=${KAFKA_START_TIMEOUT:-90}
pidfile="$data/broker.pid"
props="$data/server.properties"
case "${KAFKA_SECURE:-0}" in 1|true|yes|on) secure=1 ;; *) secure=0 ;; esac

die() { echo "kafka: $*" >&2; exit 1; }

need_java() {
  command -v java >/dev/null 2>&1 ||
    die "Java 17 or later is required. Install it with: apt-get install -y openjdk-17-jre-headless"
  local v
  v=$(java -version 2>&1 | awk -F'"' '/version/ {print $2; exit}')
  local major=${v%%.*}
  [ "$major" = "1" ] && major=$(echo "$v" | cut -d. -f2)
  [ "${major:-0}" -ge 17 ] 2>/dev/null ||
    die "Java 17 or later is required (found '$v'). Install it with: apt-get install -y openjdk-17-jre-headless"
}

fetch() {
  if [ -f "$libs/.complete" ]; then return 0; fi
  command -v mvn >/dev/null 2>&1 ||
    die "Maven is required to resolve the broker from Maven Central. Install it with: apt-get install -y maven"
  echo "kafka: resolving the broker from Maven Central into $libs"
  rm -rf "$libs"
  mvn -q -B -f "$here/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$libs" -DincludeScope=runtime ||
    die "could not resolve org.apache.kafka:kafka_2.13 from Maven Central (see the Maven output above)"
  touch "$libs/.complete"
}

fetch_jmx_exporter() {
  # Its own folder and stamp: a broker resolved before the agent existed still gets it.
  if [ -s "$jmx_agent" ]; then return 0; fi
  command -v mvn >/dev/null 2>&1 ||
    die "Maven is required to resolve the JMX exporter from Maven Central. Install it with: apt-get install -y maven"
  echo "kafka: resolving the Prometheus JMX exporter agent from Maven Central into $(dirname "$jmx_agent")"
  mvn -q -B -f "$here/pom.xml" dependency:copy@jmx-exporter ||
    die "could not resolve io.prometheus.jmx:jmx_prometheus_javaagent from Maven Central (see the Maven output above)"
  [ -s "$jmx_agent" ] || die "Maven ran but $jmx_agent is missing"
}

# The broker keeps the machine's real clock. Under libfaketime (make test-future moves the clients' clocks
# ahead) the JVM's timed waits stall the KRaft controller for seconds, so the preload is dropped here and
# the broker accepts record timestamps from clients whose clocks are ahead of its own.
clients_ahead=0
if [[ "${LD_PRELOAD:-}" == *faketime* ]]; then
  unset LD_PRELOAD FAKETIME
  clients_ahead=1
fi

jvm=(java -Xms128m -Xmx"$heap" -XX:+UseG1GC -Djava.awt.headless=true
  -Dkafka.logs.dir="$data/logs" -Dlog4j2.configurationFile="$here/log4j2.properties" -cp "$libs/*")

java_cmd() {
  # $1: main class; the rest are its arguments.
  "${jvm[@]}" "$@"
}

# shellcheck source=secure/profile.sh
source "$here/secure/profile.sh"

running_pid() {
  # Prints the broker's pid when the pid file names a live broker process of ours.
  [ -f "$pidfile" ] || return 1
  local pid
  pid=$(cat "$pidfile")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'kafka.Kafka' || return 1
  echo "$pid"
}

port_open() {
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

render_props() {
  sed -e "s#@PORT@#$port#g" -e "s#@CONTROLLER_PORT@#$cport#g" \
      -e "s#@DATA_DIR@#$data#g" -e "s#@HOST@#$host#g" \
      "$here/server.properties.template" >"$props"
  if [ "$secure" = 1 ]; then secure_render; fi
  if [ "$clients_ahead" = 1 ]; then echo "log.message.timestamp.after.max.ms=9223372036854775807" >>"$props"; fi
  if [ -n "${KAFKA_EXTRA_PROPERTIES:-}" ] && [ -f "$KAFKA_EXTRA_PROPERTIES" ]; then
    cat "$KAFKA_EXTRA_PROPERTIES" >>"$props"
  fi
}

up() {
  need_java
  fetch
  local agent=()
  if [ -n "$jmx_port" ]; then
    [[ "$jmx_port" =~ ^[0-9]+$ ]] || die "KAFKA_JMX_EXPORTER_PORT must be a port number, not '$jmx_port'"
    [ -r "$jmx_config" ] || die "no JMX exporter config at $jmx_config (set KAFKA_JMX_EXPORTER_CONFIG)"
    fetch_jmx_exporter
    # Only the broker gets the agent, never `tool` runs or the storage format (they would take its port).
    agent=("-javaagent:$jmx_agent=$jmx_host:$jmx_port:$jmx_config")
  fi
  local pid
  if pid=$(running_pid); then
    echo "kafka: already running on $host:$port (pid $pid)"
    if [ -n "$jmx_port" ] && ! tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "-javaagent:$jmx_agent"; then
      echo "kafka: it was started without the JMX exporter; run \`down\` then \`up\` to add it" >&2
    fi
    if [ "$secure" = 1 ]; then secure_after_start; fi
    return 0
  fi
  port_open "$host" "$port" && die "port $port on $host is taken by another process; set KAFKA_PORT to a free port"
  port_open 127.0.0.1 "$cport" && die "controller port $cport is taken; set KAFKA_CONTROLLER_PORT to a free port"
  if [ -n "$jmx_port" ] && port_open "$jmx_host" "$jmx_port"; then
    die "JMX exporter port $jmx_port on $jmx_host is taken; set KAFKA_JMX_EXPORTER_PORT to a free port"
  fi
  mkdir -p "$data/logs"
  if [ "$secure" = 1 ]; then secure_prepare; else secure_check_plain; fi
  render_props
  if [ ! -f "$data/kraft/meta.properties" ]; then
    local cluster_id
    cluster_id=$(java_cmd kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)
    if [ "$secure" = 1 ]; then
      secure_format "$cluster_id" >"$data/logs/format.log" 2>&1
    else
      java_cmd kafka.tools.StorageTool format --standalone -t "$cluster_id" -c "$props" >"$data/logs/format.log" 2>&1
    fi || { cat "$data/logs/format.log" >&2; die "could not format the storage in $data"; }
  fi
  : >"$data/logs/stdout.log"
  # setsid: the broker outlives this shell and make; `down` stops it by pid.
  setsid "${jvm[@]}" "${agent[@]}" kafka.Kafka "$props" >>"$data/logs/stdout.log" 2>&1 </dev/null &
  local launched=$!
  echo "$launched" >"$pidfile"
  local waited=0
  until port_open "$host" "$port" && grep -q 'Kafka Server started' "$data/logs/server.log" 2>/dev/null; do
    # Our own child: alive is enough. running_pid would also want kafka.Kafka in its command line,
    # which is only there once setsid has exec'd java, and a busy machine can take a moment.
    if ! kill -0 "$launched" 2>/dev/null; then
      tail -n 30 "$data/logs/stdout.log" "$data/logs/server.log" 2>/dev/null >&2 || true
      rm -f "$pidfile"
      die "the broker exited during start-up (logs above, all in $data/logs)"
    fi
    if [ "$waited" -ge "$timeout" ]; then
      tail -n 30 "$data/logs/server.log" 2>/dev/null >&2 || true
      down >/dev/null 2>&1 || true
      die "the broker did not accept connections on $host:$port within ${timeout}s (logs in $data/logs)"
    fi
    sleep 1
    waited=$((waited + 1))
  done
  echo "kafka: up on $host:$port (pid $(cat "$pidfile"), data in $data)"
  if [ -n "$jmx_port" ]; then echo "kafka: JMX exporter metrics on http://$jmx_host:$jmx_port/metrics"; fi
  if [ "$secure" = 1 ]; then secure_after_start; fi
}

down() {
  local pid
  if ! pid=$(running_pid); then
    rm -f "$pidfile"
    echo "kafka: not running on port $port"
    return 0
  fi
  kill -TERM "$pid"
  local waited=0
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$waited" -ge 60 ]; then kill -KILL "$pid" 2>/dev/null || true; fi
    sleep 0.5
    waited=$((waited + 1))
  done
  rm -f "$pidfile"
  echo "kafka: stopped (pid $pid)"
}

status() {
  local pid
  if pid=$(running_pid); then echo "kafka: running on $host:$port (pid $pid)"; else echo "kafka: not running on port $port"; return 3; fi
}

case "${1:-}" in
  fetch) need_java; fetch; fetch_jmx_exporter ;;
  up) up ;;
  down) down ;;
  status) status ;;
  logs) tail -n "${LINES:-100}" "${FOLLOW:+-f}" "$data/logs/server.log" ;;
  clean) down; rm -rf "$data"; echo "kafka: removed $data" ;;
  tool)
    shift; need_java; fetch; mkdir -p "$data/logs"
    read -r -a tool_opts <<<"${KAFKA_TOOL_OPTS:-}"
    java_cmd "${tool_opts[@]}" "$@" ;;
  *) echo "usage: $0 fetch|up|down|status|logs|clean|tool CLASS [ARGS...]" >&2; exit 2 ;;
esac
