#!/usr/bin/env bash
# Build Flowdesk.app and a .dmg on macOS; sign and notarize when configured.
#
#   bash packaging/macos/build_dmg.sh
#
# Outputs: packaging/out/macos/dist/Flowdesk.app
#          packaging/out/Flowdesk-VERSION-macos-ARCH.dmg
# Optional env:
#   FLOWDESK_CODESIGN_IDENTITY  "Developer ID Application: NAME (TEAMID)" in the keychain:
#                               sign every binary (hardened runtime), the app and the dmg
#   FLOWDESK_NOTARY_PROFILE     a `xcrun notarytool store-credentials` profile: notarize
#                               the dmg and staple the ticket (needs the identity)
# Without them the dmg is unsigned: Gatekeeper asks users to allow it (right-click → Open).
set -euo pipefail
cd "$(dirname "$0")/../.."

PYTHON=${PYTHON:-python3}
OUT=packaging/out
WORK=$OUT/macos
VERSION=$("$PYTHON" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
APP=$WORK/dist/Flowdesk.app
DMG=$OUT/Flowdesk-$VERSION-macos-$(uname -m).dmg
IDENTITY=${FLOWDESK_CODESIGN_IDENTITY:-}
NOTARY=${FLOWDESK_NOTARY_PROFILE:-}
ENTITLEMENTS=packaging/macos/entitlements.plist

echo "== icons"
"$PYTHON" packaging/make_icons.py "$OUT/icons"
echo "== PyInstaller app (the spec fails the build if the bundle is incomplete)"
"$PYTHON" -m PyInstaller packaging/flowdesk.spec --noconfirm \
  --distpath "$WORK/dist" --workpath "$WORK/work"
test -x "$APP/Contents/MacOS/Flowdesk"

if [ -n "$IDENTITY" ]; then
  echo "== codesign (inside out: libraries first, then the app)"
  sign() {
    codesign --force --timestamp --options runtime --entitlements "$ENTITLEMENTS" \
      --sign "$IDENTITY" "$@"
  }
  while IFS= read -r -d '' file; do
    if file -b "$file" | grep -q 'Mach-O'; then sign "$file"; fi
  done < <(find "$APP/Contents/Frameworks" "$APP/Contents/MacOS" -type f -print0)
  sign "$APP"
  codesign --verify --deep --strict --verbose=2 "$APP"
elif [ -n "$NOTARY" ]; then
  echo "FLOWDESK_NOTARY_PROFILE needs FLOWDESK_CODESIGN_IDENTITY: Apple notarizes signed apps only" >&2
  exit 2
fi

echo "== dmg $DMG"
STAGE=$WORK/dmg
rm -rf "$STAGE" "$DMG"
mkdir -p "$STAGE"
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
# hdiutil fails now and then on CI runners ("Resource busy"): try again.
for attempt in 1 2 3; do
  if hdiutil create -volname "Flowdesk $VERSION" -srcfolder "$STAGE" -ov -format UDZO "$DMG"; then
    break
  fi
  [ "$attempt" = 3 ] && exit 1
  sleep 5
done
rm -rf "$STAGE"

if [ -n "$IDENTITY" ]; then
  codesign --force --timestamp --sign "$IDENTITY" "$DMG"
fi
if [ -n "$NOTARY" ]; then
  echo "== notarize"
  xcrun notarytool submit "$DMG" --keychain-profile "$NOTARY" --wait
  xcrun stapler staple "$DMG"
  spctl --assess --type open --context context:primary-signature --verbose "$DMG"
fi
echo "== done: $DMG ($(du -h "$DMG" | cut -f1))"
