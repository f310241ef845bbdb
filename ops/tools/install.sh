#!/usr/bin/env bash
# Installs the ops test tools, idempotently, into one folder (default <repo>/.tools, gitignored):
#
#   ops/tools/install.sh [DIR]            (or TOOLS_DIR=DIR ops/tools/install.sh)
#
#   bin/prometheus, bin/promtool   Debian's `prometheus` package, unpacked (no service is started)
#   bin/helm                       go install helm.sh/helm/v4/cmd/helm@$HELM_VERSION
#   bin/kubeconform                go install github.com/yannh/kubeconform/cmd/kubeconform@$KUBECONFORM_VERSION
#   lib/libfaketime.so.1           Debian's `libfaketime`, unpacked: `make test-future` runs the streaming
#                                  and intel tests with the clock moved ahead (LD_PRELOAD, FAKETIME)
#   kubernetes-json-schema/        the core Kubernetes JSON schemas of one version, from the
#                                  kubernetes-validate wheel on PyPI, laid out as kubeconform wants:
#                                  v<version>-standalone-strict/<kind>-<group>-<version>.json
#
# Only package registries are used (Debian, the Go module proxy, PyPI): nothing is downloaded from
# a project's release page, so it works where only registries are reachable. A tool already at the
# wanted version is left alone. Needs: apt-get and dpkg-deb, Go 1.24+, Python 3 with pip.
set -euo pipefail

HELM_VERSION=${HELM_VERSION:-v4.3.2}
KUBECONFORM_VERSION=${KUBECONFORM_VERSION:-v0.8.0}
KUBERNETES_VALIDATE_VERSION=${KUBERNETES_VALIDATE_VERSION:-1.37.0}
# The Kubernetes version whose schemas are validated against (one of those the wheel carries).
K8S_SCHEMA_VERSION=${K8S_SCHEMA_VERSION:-1.36.0}

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
tools=${1:-${TOOLS_DIR:-$repo/.tools}}
mkdir -p "$tools/bin"
tools=$(cd "$tools" && pwd)
python=${PYTHON:-}
if [ -z "$python" ]; then
  if [ -x "$repo/.venv/bin/python" ]; then python=$repo/.venv/bin/python; else python=python3; fi
fi

die() { echo "ops-tools: $*" >&2; exit 1; }
# The official Go tarball's place, in case it is installed but not on PATH.
command -v go >/dev/null 2>&1 || PATH=$PATH:/usr/local/go/bin
say() { echo "ops-tools: $*"; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# --- Prometheus and promtool (Debian) -------------------------------------------------------------
install_prometheus() {
  if "$tools/bin/promtool" --version >/dev/null 2>&1 && "$tools/bin/prometheus" --version >/dev/null 2>&1; then
    say "prometheus: present ($("$tools/bin/prometheus" --version 2>&1 | head -n 1))"
    return 0
  fi
  command -v apt-get >/dev/null 2>&1 && command -v dpkg-deb >/dev/null 2>&1 ||
    die "prometheus: needs apt-get and dpkg-deb (a Debian or Ubuntu machine) to fetch Debian's prometheus package"
  # `apt-get download` needs the package lists; on a fresh machine they are empty until an update.
  if ! (cd "$work" && apt-get download -qq prometheus >/dev/null 2>&1); then
    if [ "$(id -u)" = 0 ]; then
      say "prometheus: package lists missing or stale, running apt-get update"
      apt-get update -qq >/dev/null || die "prometheus: apt-get update failed"
      (cd "$work" && apt-get download -qq prometheus) || die "prometheus: apt-get download prometheus failed"
    else
      die "prometheus: apt-get download prometheus failed; run 'sudo apt-get update' once, then this again"
    fi
  fi
  local deb
  deb=$(ls "$work"/prometheus_*.deb 2>/dev/null | head -n 1)
  [ -n "$deb" ] || die "prometheus: no .deb was downloaded"
  dpkg-deb -x "$deb" "$work/prometheus"
  for bin in prometheus promtool; do
    [ -x "$work/prometheus/usr/bin/$bin" ] || die "prometheus: the package has no usr/bin/$bin"
    install -m 0755 "$work/prometheus/usr/bin/$bin" "$tools/bin/$bin"
  done
  say "prometheus: installed $(basename "$deb") ($("$tools/bin/prometheus" --version 2>&1 | head -n 1))"
}

# --- libfaketime (Debian) ---------------------------------------------------------------------------
install_faketime() {
  if [ -f "$tools/lib/libfaketime.so.1" ]; then
    say "libfaketime: present"
    return 0
  fi
  command -v apt-get >/dev/null 2>&1 && command -v dpkg-deb >/dev/null 2>&1 ||
    die "libfaketime: needs apt-get and dpkg-deb (a Debian or Ubuntu machine)"
  (cd "$work" && apt-get download -qq libfaketime >/dev/null 2>&1) || die "libfaketime: apt-get download libfaketime failed"
  dpkg-deb -x "$work"/libfaketime_*.deb "$work/faketime"
  local lib
  lib=$(find "$work/faketime" -name 'libfaketime.so.1' | head -n 1)
  [ -n "$lib" ] || die "libfaketime: the package has no libfaketime.so.1"
  mkdir -p "$tools/lib"
  install -m 0644 "$lib" "$tools/lib/libfaketime.so.1"
  say "libfaketime: installed $(basename "$work"/libfaketime_*.deb)"
}

# --- helm and kubeconform (Go module proxy) -------------------------------------------------------
go_tool() {  # $1 binary name, $2 module path of the main package, $3 module, $4 version
  local bin=$1 pkg=$2 module=$3 version=$4
  # `go version -m` reads the module version recorded in the binary: the idempotence check.
  if [ -x "$tools/bin/$bin" ] && go version -m "$tools/bin/$bin" 2>/dev/null | grep -qE "^\s+mod\s+$module\s+$version(\s|$)"; then
    say "$bin: present ($module $version)"
    return 0
  fi
  command -v go >/dev/null 2>&1 || die "$bin: Go is required (go install $pkg@$version); install Go 1.24 or later"
  say "$bin: go install $pkg@$version (compiles from source: minutes on 2 cores)"
  # GOTOOLCHAIN=local: never download another Go toolchain behind our back; fail clearly instead.
  GOBIN="$tools/bin" GOTOOLCHAIN=${GOTOOLCHAIN:-local} GOFLAGS="${GOFLAGS:-} -trimpath" \
    go install "$pkg@$version" >"$work/$bin.log" 2>&1 || {
      cat "$work/$bin.log" >&2
      die "$bin: go install $pkg@$version failed (output above)"
    }
  say "$bin: installed $module $version"
}

# --- Kubernetes JSON schemas (PyPI wheel) ---------------------------------------------------------
install_schemas() {
  local dest="$tools/kubernetes-json-schema/v$K8S_SCHEMA_VERSION-standalone-strict"
  local stamp="$dest/.from-kubernetes-validate-$KUBERNETES_VALIDATE_VERSION"
  if [ -f "$stamp" ]; then
    say "kubernetes schemas: present (v$K8S_SCHEMA_VERSION, kubernetes-validate $KUBERNETES_VALIDATE_VERSION)"
    return 0
  fi
  "$python" -m pip --version >/dev/null 2>&1 || die "kubernetes schemas: $python has no pip (set PYTHON=...)"
  "$python" -m pip download -q --no-deps --only-binary=:all: "kubernetes-validate==$KUBERNETES_VALIDATE_VERSION" \
    -d "$work/wheel" || die "kubernetes schemas: pip download kubernetes-validate==$KUBERNETES_VALIDATE_VERSION failed"
  rm -rf "$dest"
  "$python" "$here/k8s_schemas.py" "$work"/wheel/kubernetes_validate-*.whl "$K8S_SCHEMA_VERSION" "$dest" ||
    die "kubernetes schemas: could not extract v$K8S_SCHEMA_VERSION from the wheel"
  touch "$stamp"
  say "kubernetes schemas: installed v$K8S_SCHEMA_VERSION ($(find "$dest" -name '*.json' | wc -l) files) into $dest"
}

start=$(date +%s)
install_prometheus
install_faketime
go_tool helm helm.sh/helm/v4/cmd/helm helm.sh/helm/v4 "$HELM_VERSION"
go_tool kubeconform github.com/yannh/kubeconform/cmd/kubeconform github.com/yannh/kubeconform "$KUBECONFORM_VERSION"
install_schemas
say "done in $(( $(date +%s) - start ))s; tools in $tools:"
for bin in prometheus promtool helm kubeconform; do printf '  %-12s %s\n' "$bin" "$tools/bin/$bin"; done
printf '  %-12s %s\n' schemas "$tools/kubernetes-json-schema/v$K8S_SCHEMA_VERSION-standalone-strict"
