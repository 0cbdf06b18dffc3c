#!/usr/bin/env bash
# Builds the .NET oracle (restore from the committed lock file) and runs it with the servers'
# time zone: the pages' dates carry +01:00 in January and +02:00 in April, Central European time,
# and a DateTime read by the real servers is converted to that zone.
#   oracle.sh build <out dir>
#   oracle.sh samples <out dir> <fixtures dir>
#   oracle.sh findings <out dir>
#   oracle.sh serve <out dir>
#   oracle.sh cpp <out dir> <test executable> [arguments]
# Exits 77 (ctest's SKIP_RETURN_CODE) with a message where the .NET SDK is absent.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cmd=${1:?usage: oracle.sh build|samples|findings|serve|cpp <out dir> [fixtures dir]}
out=${2:?out dir}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export TZ=Europe/Copenhagen

if ! command -v dotnet >/dev/null 2>&1; then
  echo "SKIPPED: the .NET oracle needs the .NET SDK ('dotnet' is not on PATH)" >&2
  exit 77
fi

case "$cmd" in
  build)
    t=$SECONDS
    # The lock file pins the packages; a restore that would change it fails.
    if ! dotnet restore "$here/OrderKit.Oracle.csproj" --locked-mode >"$out.restore.log" 2>&1; then
      # Offline machines keep the packages in a local folder (the .NET SDK image's).
      if [ -n "${ORDERKIT_NUGET_SOURCE:-}" ]; then
        dotnet restore "$here/OrderKit.Oracle.csproj" --locked-mode --source "$ORDERKIT_NUGET_SOURCE"
      else
        cat "$out.restore.log" >&2
        exit 1
      fi
    fi
    dotnet build "$here/OrderKit.Oracle.csproj" --no-restore -c Release -o "$out" -nologo -v quiet
    echo "oracle built in $((SECONDS - t))s"
    ;;
  samples)
    exec dotnet "$out/OrderKit.Oracle.dll" samples "${3:?fixtures dir}"
    ;;
  findings)
    exec dotnet "$out/OrderKit.Oracle.dll" findings
    ;;
  cpp)
    # A C++ test executable that starts `oracle.sh serve` itself; the rest are its arguments.
    shift 2
    export ORDERKIT_ORACLE_SCRIPT="$here/oracle.sh" ORDERKIT_ORACLE_OUT="$out"
    exec "$@"
    ;;
  serve)
    exec dotnet "$out/OrderKit.Oracle.dll" serve
    ;;
  *)
    echo "unknown command $cmd" >&2
    exit 2
    ;;
esac
