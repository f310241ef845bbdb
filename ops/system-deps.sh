#!/usr/bin/env bash
# Java 17+ (the broker), Maven (resolves the broker) and Chromium (browser tests): install with apt-get when missing and root,
# otherwise say exactly what to install.
set -euo pipefail
missing=()
if ! command -v java >/dev/null 2>&1; then
  missing+=(openjdk-17-jre-headless)
else
  v=$(java -version 2>&1 | awk -F'"' '/version/ {print $2; exit}'); major=${v%%.*}
  [ "${major:-0}" -ge 17 ] 2>/dev/null || missing+=(openjdk-17-jre-headless)
fi
command -v mvn >/dev/null 2>&1 || missing+=(maven)
# Headless Chromium renders the briefing page in the tests; the pipeline itself never needs it.
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: installing ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "system-deps: missing ${missing[*]}. Install them, e.g.: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
