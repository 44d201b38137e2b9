#!/usr/bin/env bash
# Installs what is missing, builds SC2Mid.Platform, runs every test, then drives the terminal UI under tmux.
set -euo pipefail
cd "$(dirname "$0")"

build/install-deps.sh
dotnet test SC2Mid.Platform.sln -c Release -nologo "$@"
SC2MID=host/SC2Mid.Cli/bin/Release/net10.0/sc2mid.dll tests/ui-smoke.sh
