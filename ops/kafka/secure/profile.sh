# The secure profile of kafka.sh (KAFKA_SECURE=1): certificates, SCRAM users with generated
# passwords, client configs, the listener overlay, and the ACLs after the first start.
# Sourced by kafka.sh once it has set here, data, host, port, cport, props, java_cmd and die.
#
# Everything lives in <data dir>/secure (mode 700):
#   ca.pem, broker.pem, broker.crt   from certs.sh
#   passwords                        user=password, one a line, mode 600
#   clients/<user>.properties        client settings for Kafka's tools, mode 600
#   acls.applied                     the (topic prefix, app id) pairs acls.sh has been run for

# shellcheck source=roles.sh
source "$here/secure/roles.sh"

secure_dir="$data/secure"
secure_passwords="$secure_dir/passwords"
secure_clients="$secure_dir/clients"

secure_password() {  # $1: user
  awk -v u="$1" 'index($0, u "=") == 1 { print substr($0, length(u) + 2); exit }' "$secure_passwords"
}

secure_check_plain() {
  # A plain broker on a secure data dir would serve its topics to anyone, without ACLs.
  [ -s "$secure_passwords" ] &&
    die "$data holds a secure broker; start it with KAFKA_SECURE=1 (or remove it with 'kafka.sh clean')"
  return 0
}

secure_prepare() {
  if [ -f "$data/kraft/meta.properties" ] && [ ! -s "$secure_passwords" ]; then
    die "$data holds a broker formatted without the secure profile (it has no SCRAM users); use another KAFKA_DATA_DIR or 'kafka.sh clean' first"
  fi
  chmod 700 "$data"
  (umask 077 && mkdir -p "$secure_dir" "$secure_clients")
  "$here/secure/certs.sh" "$secure_dir" "$host" >/dev/null
  if [ ! -s "$secure_passwords" ]; then
    # Hex passwords: nothing to quote in JAAS lines, --add-scram arguments or sed.
    local user
    (umask 077 && for user in "${secure_users[@]}"; do echo "$user=$(openssl rand -hex 24)"; done \
      >"$secure_passwords.tmp")
    mv "$secure_passwords.tmp" "$secure_passwords"
  fi
  chmod 600 "$secure_passwords"
  secure_client_configs
}

secure_client_configs() {
  # The broker's own password stays in server.properties; every other user gets a client file.
  local user file
  for user in "${secure_users[@]}"; do
    [ "$user" = broker ] && continue
    file="$secure_clients/$user.properties"
    (umask 077 && cat >"$file.tmp" <<EOF
# User $user of the secure broker on $host:$port (written by ops/kafka/kafka.sh).
# For Kafka's tools: pass this file with --command-config.
security.protocol=SASL_SSL
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="$user" password="$(secure_password "$user")";
ssl.truststore.type=PEM
ssl.truststore.location=$secure_dir/ca.pem
EOF
    )
    mv "$file.tmp" "$file"
  done
}

secure_render() {
  # Lays the secure overlay over the rendered base properties: its keys replace the base's.
  local overlay="$props.secure" supers
  supers=$(printf 'User:%s;' "${secure_super_users[@]}")
  (umask 077 && sed -e "s#@PORT@#$port#g" -e "s#@CONTROLLER_PORT@#$cport#g" -e "s#@HOST@#$host#g" \
      -e "s#@SECURE_DIR@#$secure_dir#g" -e "s#@SUPER_USERS@#${supers%;}#g" \
      -e "s#@BROKER_PASSWORD@#$(secure_password broker)#g" \
      "$here/secure/server.properties.template" >"$overlay"
    awk -F= 'NR == FNR { if ($0 !~ /^[[:space:]]*(#|$)/) keys[$1]; next } !($1 in keys)' \
      "$overlay" "$props" >"$props.base"
    cat "$props.base" "$overlay" >"$props.tmp")
  mv "$props.tmp" "$props"
  chmod 600 "$props"
  rm -f "$props.base" "$overlay"
}

secure_format() {
  # $1: cluster id. The users go in with the metadata; the arguments travel in a java @file
  # (mode 600) so that no password shows on a command line.
  local args="$secure_dir/format.args" user rc=0
  (umask 077 && {
    printf '"%s"\n' kafka.tools.StorageTool format --standalone -t "$1" -c "$props"
    for user in "${secure_users[@]}"; do
      printf '"%s"\n' --add-scram "SCRAM-SHA-512=[name=$user,iterations=8192,password=$(secure_password "$user")]"
    done
  } >"$args")
  java_cmd "@$args" || rc=$?
  rm -f "$args"
  return "$rc"
}

secure_after_start() {
  # Client files follow the passwords file (edited after a rotation, see README.md).
  secure_client_configs
  # ACLs once per (topic prefix, app id): they live in the metadata and survive restarts.
  local marker="$secure_dir/acls.applied" ns="prefix=${TRIAGE_TOPIC_PREFIX:-} app_id=${TRIAGE_APP_ID:-triage}"
  if ! grep -qxF -- "$ns" "$marker" 2>/dev/null; then
    KAFKA_DATA_DIR="$data" KAFKA_BOOTSTRAP="$host:$port" KAFKA_ADMIN_CONFIG="$secure_clients/admin.properties" \
      "$here/secure/acls.sh" apply >"$data/logs/acls.log" 2>&1 ||
      { cat "$data/logs/acls.log" >&2; die "the broker is up, but its ACLs could not be applied (run ops/kafka/secure/acls.sh again)"; }
    (umask 077 && echo "$ns" >>"$marker")
  fi
  echo "kafka: secure profile: SASL_SSL with SCRAM-SHA-512 on $host:$port (no plaintext listener)"
  echo "kafka:   passwords         $secure_passwords (owner only)"
  echo "kafka:   CA certificate    $secure_dir/ca.pem"
  echo "kafka:   client configs    $secure_clients/<user>.properties"
  echo "kafka:   ACLs for          ${ns} (ops/kafka/secure/acls.sh for more)"
}
