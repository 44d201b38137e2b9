#!/usr/bin/env bash
# Measures a batch's wall time and peak resident memory as the number of images grows.
#
#   build/batch-memory.sh PAIRS_DIR [COUNT ...]
#
# PAIRS_DIR holds image/mask pairs named NAME.png and NAME_mask.png. For each COUNT (default 10 300 900 3000
# 10000) the script links the pairs round-robin into a scratch dataset of COUNT images, runs
# `sc2mid batch --features shape,hu,glcm,hog -j 2` on it under GNU time, and prints one Markdown table row.
# Hard links cost no disk space, and each copy has its own name, so every image is extracted.
set -euo pipefail

if [[ $# -lt 1 ]]; then
    echo "usage: $0 PAIRS_DIR [COUNT ...]" >&2
    exit 2
fi

pairs_dir=$(realpath "$1")
shift
counts=("$@")
if [[ ${#counts[@]} -eq 0 ]]; then
    counts=(10 300 900 3000 10000)
fi

for count in "${counts[@]}"; do
    if ! [[ $count =~ ^[1-9][0-9]*$ ]]; then
        echo "error: COUNT must be a positive whole number, not '$count'." >&2
        exit 2
    fi
done

repo=$(cd "$(dirname "$0")/.." && pwd)
sc2mid="$repo/host/SC2Mid.Cli/bin/Release/net10.0/sc2mid"
if [[ ! -x "$sc2mid" ]]; then
    echo "error: $sc2mid not found; build first (./setup.sh or dotnet build -c Release)." >&2
    exit 2
fi

if [[ ! -x /usr/bin/time ]]; then
    echo "error: /usr/bin/time not found; install Debian's 'time' package." >&2
    exit 2
fi

mapfile -t masks < <(find "$pairs_dir" -maxdepth 1 -name '*_mask.png' | sort)
for mask in "${masks[@]}"; do
    if [[ ! -f "${mask%_mask.png}.png" ]]; then
        echo "error: $mask has no image ${mask%_mask.png}.png beside it." >&2
        exit 2
    fi
done
if [[ ${#masks[@]} -eq 0 ]]; then
    echo "error: no NAME_mask.png files in $pairs_dir." >&2
    exit 2
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

echo "| images | wall time | peak resident set | exit code |"
echo "|---|---|---|---|"
for count in "${counts[@]}"; do
    dataset="$scratch/dataset-$count"
    mkdir -p "$dataset"
    for ((i = 0; i < count; i++)); do
        mask=${masks[i % ${#masks[@]}]}
        name=$(basename "$mask" _mask.png)
        copy=$((i / ${#masks[@]}))
        ln "$pairs_dir/$name.png" "$dataset/${name}_r$copy.png" 2>/dev/null \
            || cp "$pairs_dir/$name.png" "$dataset/${name}_r$copy.png"
        ln "$mask" "$dataset/${name}_r${copy}_mask.png" 2>/dev/null \
            || cp "$mask" "$dataset/${name}_r${copy}_mask.png"
    done

    status=0
    /usr/bin/time -o "$scratch/time-$count" -f "%e %M" \
        "$sc2mid" batch "$dataset" --out "$scratch/out-$count" --features shape,hu,glcm,hog -j 2 \
        >/dev/null 2>"$scratch/log-$count" || status=$?
    read -r seconds kilobytes < <(tail -n 1 "$scratch/time-$count")
    printf '| %d | %.1f s | %d MB | %d |\n' "$count" "$seconds" $((kilobytes / 1024)) "$status"
    if [[ $status -ne 0 ]]; then
        # The scratch folder goes when the script ends, so the log of a failed run is kept beside the caller.
        cp "$scratch/log-$count" "batch-memory-$count.log"
        echo "note: sc2mid exited with $status; its log is in batch-memory-$count.log" >&2
    fi
    rm -rf "$dataset" "$scratch/out-$count"
done
