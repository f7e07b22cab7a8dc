#!/bin/sh
# Copies the pinned browser libraries the e-learning lessons use into static/vendor/<package>-<version>/.
# Nothing is fetched at run time and no page loads them from a CDN. To update one: change its version
# here, run `sh scripts/vendor_js.sh`, change the folder names in elearning/vendor.py, delete
# the old folder, run the SCORM/H5P tests and the browser journeys.
set -eu
SCORM_AGAIN=3.4.3
H5P_STANDALONE=3.8.2
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm init -y >/dev/null
# --ignore-scripts: a package's install scripts never run on this machine.
npm install --ignore-scripts --no-audit --no-fund "scorm-again@$SCORM_AGAIN" "h5p-standalone@$H5P_STANDALONE" >/dev/null
target="$here/static/vendor/scorm-again-$SCORM_AGAIN"
mkdir -p "$target"
for name in scorm12.min.js scorm12.min.js.map scorm2004.min.js scorm2004.min.js.map; do
    cp "node_modules/scorm-again/dist/$name" "$target/"
done
cp node_modules/scorm-again/LICENSE "$target/LICENSE"
target="$here/static/vendor/h5p-standalone-$H5P_STANDALONE"
mkdir -p "$target"
cp -R node_modules/h5p-standalone/dist/. "$target/"
rm -f "$target/h5p.d.ts"
cp node_modules/h5p-standalone/LICENSE* "$target/" 2>/dev/null || true
echo "Copied scorm-again $SCORM_AGAIN and h5p-standalone $H5P_STANDALONE into static/vendor/."
