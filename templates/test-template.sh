#!/usr/bin/env bash
# Checks the sc2mid-plugin template end to end. It packs SC2Mid.Sdk to artifacts/packages and installs the template
# from templates/sc2mid-plugin. It then generates a plugin in a temporary folder, builds and tests it, and runs
# 'sc2mid plugins validate' on its build output. At exit it uninstalls the template and deletes the folder.
#
# Needs the sc2mid tool built in Release (./setup.sh does it), or SC2MID_CLI=path/to/sc2mid.dll.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
packages="$repo/artifacts/packages"
cli="${SC2MID_CLI:-$repo/host/SC2Mid.Cli/bin/Release/net10.0/sc2mid.dll}"
if [[ ! -f "$cli" ]]; then
    echo "error: $cli not found; run ./setup.sh or set SC2MID_CLI to a built sc2mid.dll." >&2
    exit 2
fi

"$repo/build/pack-sdk.sh"

work="$(mktemp -d)"
cleanup() {
    dotnet new uninstall "$repo/templates/sc2mid-plugin" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

dotnet new install "$repo/templates/sc2mid-plugin"
cd "$work"
export SC2MID_PACKAGES="$packages"
dotnet new sc2mid-plugin -n Demo
cd Demo
dotnet build -nologo
dotnet test -nologo --no-build
dotnet "$cli" plugins validate Demo/bin/Debug/net10.0
