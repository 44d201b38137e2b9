#!/usr/bin/env bash
# Installs what is missing, builds SC2Mid.Platform and runs every test.
set -euo pipefail
cd "$(dirname "$0")"

build/install-deps.sh
dotnet test SC2Mid.Platform.sln -c Release -nologo "$@"
