#!/usr/bin/env bash
# A throw-away certificate authority and the broker's TLS certificate, made locally with openssl.
#
#   ops/kafka/secure/certs.sh [DIR] [EXTRA_SAN...]
#
# DIR (default ops/kafka/secure/generated, git-ignored) receives, all PEM:
#   ca.pem       the CA certificate: the truststore of the broker and of every client
#   broker.pem   the broker's private key (PKCS#8) + certificate + CA, for ssl.keystore.type=PEM
#   broker.crt   the broker certificate alone, to inspect (openssl x509 -in broker.crt -text)
# The broker certificate names localhost and 127.0.0.1 (plus any EXTRA_SAN: a host name or an IP)
# and serves both as the TLS server certificate and as the broker's client certificate on the
# controller listener (subject CN=broker, which the broker maps to principal User:broker).
#
# The CA key is deleted once the broker certificate is signed: nothing else can ever be issued
# under this CA, so only the holder of broker.pem can pass the controller listener's mutual TLS.
# Files that exist are kept (a broker restarts with the certificate it was formatted with);
# delete DIR to start over. Certificates last CERT_DAYS days (825).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
dir=${1:-$here/generated}
shift || true
days=${CERT_DAYS:-825}

command -v openssl >/dev/null 2>&1 || { echo "certs: openssl is required (apt-get install -y openssl)" >&2; exit 1; }

if [ -s "$dir/ca.pem" ] && [ -s "$dir/broker.pem" ]; then
  exit 0
fi

umask 077
mkdir -p "$dir"
chmod 700 "$dir"
work=$(mktemp -d "$dir/.certs.XXXXXX")
trap 'rm -rf "$work"' EXIT

san="DNS:localhost,IP:127.0.0.1"
for extra in "$@"; do
  case "$extra" in
    localhost|127.0.0.1|"") ;;
    *[!0-9.]*) san="$san,DNS:$extra" ;;  # anything but digits and dots is a host name
    *) san="$san,IP:$extra" ;;
  esac
done

cat >"$work/ca.ext" <<'EOF'
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
EOF
cat >"$work/broker.ext" <<EOF
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth, clientAuth
subjectAltName = $san
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
EOF

# EC P-256: quick to generate, read by Java's PEM keystore and by Python's ssl module alike.
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$work/ca.key" 2>/dev/null
openssl req -new -key "$work/ca.key" -subj "/O=triage/CN=triage local broker CA" -out "$work/ca.csr"
openssl x509 -req -in "$work/ca.csr" -signkey "$work/ca.key" -days "$days" -sha256 \
  -extfile "$work/ca.ext" -out "$work/ca.pem" 2>/dev/null

openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$work/broker.key" 2>/dev/null
openssl req -new -key "$work/broker.key" -subj "/CN=broker" -out "$work/broker.csr"
openssl x509 -req -in "$work/broker.csr" -CA "$work/ca.pem" -CAkey "$work/ca.key" -CAcreateserial \
  -days "$days" -sha256 -extfile "$work/broker.ext" -out "$work/broker.crt" 2>/dev/null
openssl verify -CAfile "$work/ca.pem" "$work/broker.crt" >/dev/null

# genpkey writes PKCS#8 ("BEGIN PRIVATE KEY"), the form Kafka's PEM keystore expects.
cat "$work/broker.key" "$work/broker.crt" "$work/ca.pem" >"$work/broker.pem"
chmod 600 "$work/broker.pem"
chmod 644 "$work/ca.pem" "$work/broker.crt"
mv "$work/ca.pem" "$work/broker.crt" "$work/broker.pem" "$dir/"
echo "certs: CA and broker certificate ($san) in $dir"
