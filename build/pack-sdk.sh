#!/usr/bin/env bash
# Packs host/SC2Mid.Sdk to artifacts/packages/ and removes that version from the NuGet cache, so that the plugin
# template and examples/ restore the package just packed, not an older build with the same version number.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
dotnet pack "$repo/host/SC2Mid.Sdk" -c Release -o "$repo/artifacts/packages" -nologo
version="$(dotnet msbuild "$repo/host/SC2Mid.Sdk" -getProperty:Version)"
rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}/sc2mid.sdk/$version"
