#!/usr/bin/env bash
# Installs code-server (VS Code for the browser) from the npm registry into the
# ignored cache .cache/code-server/<version>-node-abi<N>, for the end-to-end tests.
# The last line printed on stdout is the path of its entry.js; progress goes to
# stderr. A finished install is reused at once; one is built in a .partial folder
# and renamed only when every step has passed, so an interrupted run never
# leaves a half install that looks finished.
#
# code-server's own postinstall cannot run here (it downloads prebuilt binaries
# and reaches a git host), so this does its work by hand. Needs Debian's ripgrep
# and libkrb5-dev (scripts/ci-system-deps.sh installs them).
set -euo pipefail

version=4.96.4 # the last line that runs on Node 20; later releases need a newer Node
proxy_agent=@vscode/proxy-agent@0.27.0

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="$root/.cache/code-server"
# Native modules are built for one Node ABI, so the ABI is part of the key.
key="$version-node-abi$(node -p process.versions.modules)"
install="$cache/$key"
entry="node_modules/code-server/out/node/entry.js"

log() { echo "setup-code-server: $*" >&2; }

if [ -f "$install/.complete" ]; then
  echo "$install/$entry"
  exit 0
fi

# ripgrep replaces a download; the GSSAPI headers are for building kerberos.
if ! command -v rg >/dev/null || [ ! -f /usr/include/gssapi/gssapi.h ]; then
  log "ripgrep or libkrb5-dev is missing: run scripts/ci-system-deps.sh first"
  exit 1
fi

mkdir -p "$cache"
exec 9>"$cache/.lock"
flock 9
# Another run may have finished the install while this one waited for the lock.
if [ -f "$install/.complete" ]; then
  echo "$install/$entry"
  exit 0
fi

started=$SECONDS
work="$install.partial"
rm -rf "$work"
mkdir -p "$work"
cd "$work"
echo '{ "private": true }' >package.json

# npm's output goes to stderr: stdout carries only the result.
npm_quiet() { npm --no-audit --no-fund --loglevel=warn "$@" >&2; }

log "1/6 code-server@$version from the registry"
npm_quiet install --ignore-scripts -E "code-server@$version"

vscode="$work/node_modules/code-server/lib/vscode"

log "2/6 point @vscode/proxy-agent at its registry tarball (the shrinkwrap names a git URL)"
tarball="$(npm view "$proxy_agent" dist.tarball)"
node - "$vscode/npm-shrinkwrap.json" "$tarball" <<'EOF'
const fs = require('node:fs');
const [file, tarball] = process.argv.slice(2);
const shrinkwrap = JSON.parse(fs.readFileSync(file, 'utf8'));
const entry = shrinkwrap.packages['node_modules/@vscode/proxy-agent'];
if (!entry) throw new Error(`${file} has no node_modules/@vscode/proxy-agent entry`);
entry.resolved = tarball;
delete entry.integrity; // it hashed the git tarball, not the registry one
fs.writeFileSync(file, JSON.stringify(shrinkwrap, null, 2) + '\n');
EOF

log "3/6 VS Code's dependencies, and its native modules built for this Node"
(cd "$vscode" && npm_quiet install --omit=dev --ignore-scripts)
(cd "$vscode/extensions" && npm_quiet install --omit=dev --ignore-scripts)
native=(node-pty @vscode/spdlog @parcel/watcher native-watchdog @vscode/deviceid kerberos)
(cd "$vscode" && npm_quiet rebuild "${native[@]}")

log "4/6 Debian's ripgrep in place of @vscode/ripgrep's download"
mkdir -p "$vscode/node_modules/@vscode/ripgrep/bin"
ln -sfn "$(command -v rg)" "$vscode/node_modules/@vscode/ripgrep/bin/rg"

log "5/6 the links code-server's postinstall would make"
ln -sfn node_modules "$vscode/node_modules.asar"
ln -sfn code-linux.sh "$vscode/bin/remote-cli/code-server"
ln -sfn browser-linux.sh "$vscode/bin/helpers/browser.sh"

log "6/6 argon2 (code-server's password hashing) built for this Node"
npm_quiet rebuild argon2

# npm may skip install scripts it has not been told to allow and still report
# success, so prove that each native module loads and that the links resolve.
(cd "$vscode" && node - "${native[@]}" <<'EOF'
for (const name of process.argv.slice(2)) require(name);
EOF
)
node -e "require('argon2')"
"$vscode/node_modules/@vscode/ripgrep/bin/rg" --version >/dev/null
# code-server writes a default config and a log folder at every start: keep
# them out of the user's home.
XDG_CONFIG_HOME="$work/.xdg" XDG_DATA_HOME="$work/.xdg" node "$entry" --version >/dev/null
rm -rf "$work/.xdg"

touch .complete
cd "$cache"
rm -rf "$install"
mv "$work" "$install"
log "installed code-server $version in $((SECONDS - started)) s"
echo "$install/$entry"
