#!/usr/bin/env bash
# Build Flowdesk for Linux: the one-folder bundle, a .tar.xz of it and a .deb.
#
#   bash packaging/build_linux.sh            # everything goes to packaging/out/
#
# Outputs (VERSION from pyproject.toml, ARCH from dpkg):
#   packaging/out/linux/dist/flowdesk/             the bundle (run ./flowdesk)
#   packaging/out/flowdesk-VERSION-linux-MACHINE.tar.xz   (xz: 70 MB where gzip made 88)
#   packaging/out/flowdesk_VERSION_ARCH.deb        /opt/flowdesk, /usr/bin/flowdesk, menu entry
#   packaging/out/linux/build-stamp.json           inputs' fingerprint + figures (reuse check)
# Env: PYTHON (default python3 or python), FLOWDESK_DEB_COMPRESSION (default gzip: xz is
# ~5x slower on a 280 MB bundle for ~15 % less).
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-$(command -v python3 || command -v python)}
OUT=packaging/out
WORK=$OUT/linux
DIST=$WORK/dist/flowdesk
VERSION=$("$PYTHON" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
ARCH=$(dpkg --print-architecture 2>/dev/null || echo amd64)
MACHINE=$(uname -m)
TARBALL=$OUT/flowdesk-$VERSION-linux-$MACHINE.tar.xz
DEB=$OUT/flowdesk_${VERSION}_${ARCH}.deb
COMPRESSION=${FLOWDESK_DEB_COMPRESSION:-gzip}

began=$(date +%s)
# Taken before building: an edit made during the build must not look built.
FINGERPRINT=$("$PYTHON" packaging/build_stamp.py)
echo "== icons"
"$PYTHON" packaging/make_icons.py "$OUT/icons"

echo "== PyInstaller bundle (the spec fails the build if the bundle is incomplete)"
"$PYTHON" -m PyInstaller packaging/flowdesk.spec --noconfirm \
  --distpath "$WORK/dist" --workpath "$WORK/work"
bundled=$(date +%s)

echo "== tarball $TARBALL"
# xz -6 (every core): 70,423,008 bytes for the 190 MB bundle of 2026-12-06, gzip 88,169,914.
# Any Linux unpacks it with `tar -xf`.
tar -C "$WORK/dist" -cf - flowdesk | xz -T0 -6 > "$TARBALL.tmp"
mv "$TARBALL.tmp" "$TARBALL"

echo "== .deb $DEB"
ROOTFS=$WORK/deb-root
rm -rf "$ROOTFS"
mkdir -p "$ROOTFS/DEBIAN" "$ROOTFS/opt" "$ROOTFS/usr/bin" \
  "$ROOTFS/usr/share/applications" "$ROOTFS/usr/share/doc/flowdesk"
cp -a "$DIST" "$ROOTFS/opt/flowdesk"
ln -s /opt/flowdesk/flowdesk "$ROOTFS/usr/bin/flowdesk"
install -m 644 resources/flowdesk.desktop "$ROOTFS/usr/share/applications/flowdesk.desktop"
for png in "$OUT"/icons/flowdesk-*.png; do
  size=${png##*/flowdesk-}
  size=${size%.png}
  install -D -m 644 "$png" "$ROOTFS/usr/share/icons/hicolor/${size}x${size}/apps/flowdesk.png"
done
install -D -m 644 resources/icons/flowdesk.svg "$ROOTFS/usr/share/icons/hicolor/scalable/apps/flowdesk.svg"
cat > "$ROOTFS/usr/share/doc/flowdesk/copyright" <<EOF
Flowdesk $VERSION, licensed under the Apache License 2.0
(/usr/share/common-licenses/Apache-2.0). It bundles Python, Prefect, Qt for Python
(LGPLv3) and their dependencies under their own licences; see /opt/flowdesk/_internal.
EOF

# Depends: what the bundle leaves to the system (packaging/linux_libs.py) and what
# Qt's xcb platform needs (PREFECT_FACTS: libxcb-cursor0, -icccm4, -keysyms1, libegl1,
# libxkbcommon-x11-0). `a | b` for packages renamed by the 64-bit time_t transition.
# tests/packaging/test_linux_bundle.py checks that every library the bundle links to
# and does not carry comes from one of these.
DEPENDS="libc6, libstdc++6, libgcc-s1, zlib1g,
 libglib2.0-0 | libglib2.0-0t64, libdbus-1-3, libfontconfig1, libfreetype6,
 libx11-6, libx11-xcb1, libxcb1, libxcb-cursor0, libxcb-icccm4, libxcb-image0,
 libxcb-keysyms1, libxcb-randr0, libxcb-render-util0, libxcb-shape0, libxcb-xfixes0,
 libxcb-xkb1, libxkbcommon0, libxkbcommon-x11-0, libegl1, libgl1"
# Only Qt's Wayland, eglfs and network-information plugins use these.
RECOMMENDS="libwayland-client0, libwayland-cursor0, libwayland-egl1, libdrm2, xdg-utils"
installed_kb=$(du -sk --exclude=DEBIAN "$ROOTFS" | cut -f1)
cat > "$ROOTFS/DEBIAN/control" <<EOF
Package: flowdesk
Version: $VERSION
Section: devel
Priority: optional
Architecture: $ARCH
Maintainer: Flowdesk developers <flowdesk@users.noreply.github.com>
Installed-Size: $installed_kb
Depends: $(echo "$DEPENDS" | tr -s ' \n' ' ')
Recommends: $RECOMMENDS
Description: Prefect 3 on your desk
 A supervised local Prefect server, live run tables, a flow designer, and
 pause/resume of flow runs from the window, the tray and the command line.
 Everything it needs is bundled under /opt/flowdesk; no Python required.
EOF
cat > "$ROOTFS/DEBIAN/postinst" <<'EOF'
#!/bin/sh
set -e
if [ "$1" = configure ]; then
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q /usr/share/applications || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true
fi
exit 0
EOF
cp "$ROOTFS/DEBIAN/postinst" "$ROOTFS/DEBIAN/postrm"
sed -i 's/= configure/= remove/' "$ROOTFS/DEBIAN/postrm"
chmod 755 "$ROOTFS/DEBIAN/postinst" "$ROOTFS/DEBIAN/postrm"
dpkg-deb --root-owner-group -Z"$COMPRESSION" --build "$ROOTFS" "$DEB.tmp" >/dev/null
mv "$DEB.tmp" "$DEB"
rm -rf "$ROOTFS"
finished=$(date +%s)

"$PYTHON" packaging/build_stamp.py write "$WORK/build-stamp.json" \
  fingerprint="$FINGERPRINT" version="$VERSION" bundle="$DIST" tarball="$TARBALL" deb="$DEB" \
  bundle_seconds=$((bundled - began)) total_seconds=$((finished - began)) \
  bundle_kb="$(du -sk "$DIST" | cut -f1)" installed_kb="$installed_kb" \
  tarball_bytes="$(stat -c %s "$TARBALL")" deb_bytes="$(stat -c %s "$DEB")" >/dev/null
echo "== done in $((finished - began)) s: $(du -sh "$DIST" | cut -f1) bundle," \
  "$(du -h "$TARBALL" | cut -f1) tarball, $(du -h "$DEB" | cut -f1) deb"
