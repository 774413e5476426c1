#!/usr/bin/env bash
# Installs the Debian packages the build and the end-to-end tests need, skipping
# those already present (so a rerun costs one dpkg query and no network).
#   chromium          the browser playwright-core drives (no browser downloads here)
#   ripgrep           VS Code's search binary (@vscode/ripgrep's download cannot run)
#   libkrb5-dev       headers for code-server's `kerberos` native module
#   fonts-*           readable text and symbols in screenshots
#   zip               packs the e2e harness's fixture extension into a .vsix
#   python3 make g++  node-gyp rebuilds of code-server's native modules
set -euo pipefail

packages=(
  chromium
  ripgrep
  libkrb5-dev
  fonts-dejavu-core
  fonts-liberation
  fonts-noto-color-emoji
  zip
  python3
  make
  g++
)

installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'
}

missing=()
for pkg in "${packages[@]}"; do
  installed "$pkg" || missing+=("$pkg")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "system deps: all present (${packages[*]})"
  exit 0
fi

sudo=''
[ "$(id -u)" -eq 0 ] || sudo='sudo'
echo "system deps: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
