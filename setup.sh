#!/usr/bin/env bash
# Installs what is missing, builds SC2Mid.Platform and runs the main job on the bundled sample data.
set -euo pipefail
cd "$(dirname "$0")"

build/install-deps.sh
dotnet build SC2Mid.Platform.sln -c Release -nologo -v quiet -clp:ErrorsOnly
# The main job: the study's feature set (shape, Hu, HOG-36, GLCM-16, ResNet18) on samples/dataset.csv, written
# to results/paper/ with per-particle tables and figures.
dotnet host/SC2Mid.Cli/bin/Release/net10.0/sc2mid.dll run scripts/paper.csx -- "$@"
