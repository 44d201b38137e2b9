#!/usr/bin/env bash
# Builds the example plugin the way a third party would: packs SC2Mid.Sdk to artifacts/packages, builds and tests
# this folder against that package only (nuget.config), then runs 'sc2mid plugins validate' on the plugin folder.
#
# Uses SC2MID_CLI=path/to/sc2mid.dll when set; otherwise builds host/SC2Mid.Cli in Release when it is missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
configuration="${CONFIGURATION:-Release}"

"$repo/build/pack-sdk.sh"
dotnet build "$here/SC2Mid.Examples.Intensity.slnx" -c "$configuration" -nologo
dotnet test "$here/SC2Mid.Examples.Intensity.slnx" -c "$configuration" --no-build -nologo

cli="${SC2MID_CLI:-$repo/host/SC2Mid.Cli/bin/Release/net10.0/sc2mid.dll}"
if [[ ! -f "$cli" ]]; then
    dotnet build "$repo/host/SC2Mid.Cli" -c Release -nologo
fi

dotnet "$cli" plugins validate "$here/Plugin/bin/$configuration/net10.0"
