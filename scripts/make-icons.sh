#!/usr/bin/env bash
# Rasterise the app icons from public/icons/*.svg (needs rsvg-convert: apt-get install librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")/../public/icons"
for size in 192 512; do rsvg-convert -w "$size" -h "$size" icon.svg -o "icon-$size.png"; done
rsvg-convert -w 512 -h 512 maskable.svg -o maskable-512.png
rsvg-convert -w 180 -h 180 maskable.svg -o apple-touch-icon-180.png
