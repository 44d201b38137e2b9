#!/usr/bin/env bash
# Installs what is missing, builds SC2Mid.Platform and runs the main job on the bundled sample data.
set -euo pipefail
cd "$(dirname "$0")"

build/install-deps.sh
dotnet build SC2Mid.Platform.sln -c Release -nologo -v quiet
out=results/sample
dotnet host/SC2Mid.Cli/bin/Release/net10.0/sc2mid.dll batch samples/dataset.csv --out "$out" "$@"
