#!/usr/bin/env bash
# Installs the Debian packages SC2Mid.Platform needs at run time and checks for the .NET 10 SDK.
# libgtk-3-0: the native OpenCV library of OpenCvSharp4.official.runtime.linux-x64 links against GTK 3.
# fonts-dejavu-core: the texture plugins' figures (ScottPlot on SkiaSharp) are drawn in DejaVu Sans.
# tmux: the terminal UI's smoke test drives the real application in a tmux session.
set -euo pipefail

packages=(libgtk-3-0 fonts-dejavu-core tmux)

if ! command -v dotnet >/dev/null 2>&1; then
    echo "error: the .NET 10 SDK is missing; install it (https://learn.microsoft.com/dotnet/core/install/linux-debian) and retry." >&2
    exit 1
fi

if ! dotnet --list-sdks | grep -q '^10\.'; then
    echo "error: .NET SDK 10 is required; found: $(dotnet --list-sdks | tr '\n' ' ')" >&2
    exit 1
fi

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$package")
    fi
done

if ((${#missing[@]} > 0)); then
    echo "Installing Debian packages: ${missing[*]}"
    sudo_command=()
    if [[ $(id -u) -ne 0 ]]; then
        sudo_command=(sudo)
    fi
    "${sudo_command[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_command[@]}" apt-get install -y -qq "${missing[@]}"
fi
