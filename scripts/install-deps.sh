#!/usr/bin/env bash
# Installs the Debian packages CongKhai needs to build, only when they are missing.
# Usage: scripts/install-deps.sh [extra Debian packages...]
set -euo pipefail
packages=(libcmark-gfm-dev libcmark-gfm-extensions-dev libjemalloc-dev pkg-config zlib1g-dev "$@")
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Cài các gói còn thiếu: ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
