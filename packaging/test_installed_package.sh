#!/usr/bin/env bash
# Installs the Debian package into a clean Debian 12 chroot and runs both programs from the
# installed paths. Slow (debootstrap, then apt-get from Debian's archive), needs root and the
# network to deb.debian.org: run it by hand (`./dev package-test`), not from ctest or CI.
#
#   packaging/test_installed_package.sh [DEB] [WORK_DIR]
#
# DEB defaults to build/medlora-workbench_*_amd64.deb, WORK_DIR to build/package-test (the
# debootstrap result is cached there as bookworm-minbase.tar; every run unpacks a fresh root).
#
# What it proves, in this order, inside the chroot (no /work, no build tree, no -dev packages):
#   1. `apt-get install --no-install-recommends ./DEB` resolves every dependency from the archive
#      (the Depends alone are enough), and ldd finds every library of every installed ELF file;
#   2. `medlora --help` runs;
#   3. `medlora make-base-model --steps 2` trains a sentencepiece tokenizer through the installed
#      shim (/usr/lib/medlora/libmedlora_spm.so) on the installed sample data, and `medlora
#      tokenize` encodes with it;
#   3b. `medlora review status --server postgresql://…` against a closed port fails in libpq
#      ("Connection refused"): Qt's QPSQL driver and libpq are installed and load;
#   4. `LANG=zh_CN.UTF-8 medlora-workbench --help` prints the Chinese description (the zh_CN
#      translation compiled into libmedlora_ui is found);
#   5. only then are xvfb, xauth, x11-apps, x11-utils, netpbm and the recommended fonts-noto-cjk
#      installed (for the test; without the font the zh_CN screen shows boxes), and
#      medlora-workbench starts under xvfb-run in zh_CN with the model from step 3, stays up and
#      maps its windows: the screen is saved as WORK_DIR/workbench.png (and .xwd), and each of its
#      top-level windows as WORK_DIR/window-N.png (read from the window itself: with no window
#      manager, Xvfb's screen image leaves a dialog that was resized after mapping black);
#   6. lintian (on the host, when present) reports no errors.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEB="${1:-}"
if [ -z "$DEB" ]; then
  DEB="$(ls -t "$ROOT"/build/medlora-workbench_*_amd64.deb 2>/dev/null | head -1 || true)"
fi
[ -n "$DEB" ] && [ -f "$DEB" ] || { echo "no .deb found: run ./dev package first (or pass its path)" >&2; exit 2; }
DEB="$(cd "$(dirname "$DEB")" && pwd)/$(basename "$DEB")"
WORK="${2:-$ROOT/build/package-test}"
MIRROR="${MEDLORA_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
[ "$(id -u)" -eq 0 ] || { echo "needs root (debootstrap, chroot)" >&2; exit 2; }

say() { printf '[package-test] %s\n' "$*" >&2; }
fail() { printf '[package-test] FAIL: %s\n' "$*" >&2; exit 1; }

mkdir -p "$WORK"
BASE_TAR="$WORK/bookworm-minbase.tar"
if [ ! -f "$BASE_TAR" ]; then
  command -v debootstrap >/dev/null || { say "installing debootstrap"; apt-get install -y -qq debootstrap >/dev/null; }
  say "debootstrap --variant=minbase bookworm (a few minutes, once)"
  rm -rf "$WORK/debootstrap"
  debootstrap --variant=minbase bookworm "$WORK/debootstrap" "$MIRROR" >"$WORK/debootstrap.log" 2>&1 ||
    fail "debootstrap failed, see $WORK/debootstrap.log"
  tar -C "$WORK/debootstrap" -cf "$BASE_TAR.part" . && mv "$BASE_TAR.part" "$BASE_TAR"
  rm -rf "$WORK/debootstrap"
fi

CHROOT="$WORK/root"
cleanup() {
  for m in dev/pts dev proc sys; do
    mountpoint -q "$CHROOT/$m" 2>/dev/null && umount -l "$CHROOT/$m" || true
  done
}
trap cleanup EXIT
cleanup
rm -rf "$CHROOT"
mkdir -p "$CHROOT"
tar -C "$CHROOT" -xf "$BASE_TAR"
mount -t proc proc "$CHROOT/proc"
mount -t sysfs sysfs "$CHROOT/sys"
mount --bind /dev "$CHROOT/dev"
mount --bind /dev/pts "$CHROOT/dev/pts"
cp /etc/resolv.conf "$CHROOT/etc/resolv.conf"
cp "$DEB" "$CHROOT/tmp/medlora.deb"

in_chroot() { chroot "$CHROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root TERM=dumb DEBIAN_FRONTEND=noninteractive "$@"; }
LOG="$WORK/test.log"
: >"$LOG"
step() { say "$*"; printf '\n### %s\n' "$*" >>"$LOG"; }

step "1. apt-get install --no-install-recommends ./medlora.deb in a clean bookworm minbase"
in_chroot apt-get update -qq >>"$LOG" 2>&1 || fail "apt-get update (see $LOG)"
in_chroot apt-get install -y --no-install-recommends /tmp/medlora.deb >>"$LOG" 2>&1 || fail "apt-get install (see $LOG)"
in_chroot dpkg-query -W -f='${Status} ${Version}\n' medlora-workbench | tee -a "$LOG" | grep -q "install ok installed" ||
  fail "medlora-workbench is not installed"
if in_chroot dpkg-query -W -f='${Package}\n' | grep -E -- '-dev$' >>"$LOG"; then fail "a -dev package got installed (see $LOG)"; fi
missing="$(in_chroot sh -c 'for f in /usr/bin/medlora /usr/bin/medlora-workbench /usr/lib/medlora/*.so; do ldd "$f" | sed "s|^|$f: |"; done' |
  tee -a "$LOG" | grep 'not found' || true)"
[ -z "$missing" ] || fail "unresolved libraries: $missing"

step "2. medlora --help"
out="$(in_chroot medlora --help 2>&1)" || fail "medlora --help exited $?: $out"
printf '%s\n' "$out" >>"$LOG"
grep -q "make-base-model" <<<"$out" || fail "medlora --help does not list its commands"

step "3. medlora make-base-model --steps 2 and medlora tokenize (the sentencepiece shim, the sample data)"
in_chroot medlora make-base-model --out /root/models/medlora-base --steps 2 >>"$LOG" 2>&1 || fail "make-base-model (see $LOG)"
[ -f "$CHROOT/root/models/medlora-base/tokenizer.model" ] || fail "make-base-model wrote no tokenizer.model"
out="$(in_chroot medlora tokenize --model /root/models/medlora-base --text '头痛发烧怎么办' --json 2>&1)" || fail "tokenize: $out"
printf '%s\n' "$out" >>"$LOG"
grep -Eq '"ids": *\[\[[0-9]' <<<"$out" || fail "tokenize printed no ids: $out"

step "3b. a review-server command reaches libpq through Qt's QPSQL driver (libqt6sql6-psql)"
# Nothing listens on port 1: the refusal must come from libpq, not "QPSQL is not installed".
out="$(in_chroot PGPASSWORD=x medlora review status --server postgresql://lead@127.0.0.1:1/review --study s </dev/null 2>&1)" &&
  fail "review status against a closed port succeeded: $out"
printf '%s\n' "$out" >>"$LOG"
grep -q "Connection refused" <<<"$out" || fail "the QPSQL driver did not reach libpq: $out"

step "4. LANG=zh_CN.UTF-8 medlora-workbench --help (the zh_CN translation)"
out="$(in_chroot LANG=zh_CN.UTF-8 QT_QPA_PLATFORM=offscreen medlora-workbench --help 2>&1)" || fail "workbench --help: $out"
printf '%s\n' "$out" >>"$LOG"
grep -q "LoRA 微调与临床评审" <<<"$out" || fail "the workbench's help is not in Chinese: $out"

step "5. medlora-workbench under xvfb-run (xvfb, xauth, x11-apps, x11-utils, netpbm, fonts-noto-cjk installed now, for the test only)"
in_chroot apt-get install -y --no-install-recommends xvfb xauth x11-apps x11-utils netpbm fonts-noto-cjk >>"$LOG" 2>&1 ||
  fail "installing xvfb (see $LOG)"
cat >"$CHROOT/tmp/run_workbench.sh" <<'EOF'
#!/bin/sh
# Runs inside xvfb-run: start the workbench, give it time to show its windows, save the screen
# and each of its top-level windows (WM_CLASS medlora-workbench, as xwininfo lists them).
medlora-workbench --models-dir /root/models --workspace /root/test.medlora >/tmp/workbench.log 2>&1 &
pid=$!
sleep 15
if ! kill -0 "$pid" 2>/dev/null; then
  echo "medlora-workbench exited early:"; cat /tmp/workbench.log; exit 1
fi
rm -f /tmp/workbench.xwd /tmp/workbench.png /tmp/window-*.png
xwd -root -silent >/tmp/workbench.xwd
xwdtopnm /tmp/workbench.xwd 2>/dev/null | pnmtopng >/tmp/workbench.png 2>/dev/null
echo "its top-level windows:"
LC_ALL=C.UTF-8 xwininfo -root -children | grep '("medlora-workbench"' | tee /tmp/windows.txt
n=0
for id in $(awk '{print $1}' /tmp/windows.txt); do
  n=$((n + 1))
  xwd -id "$id" -silent | xwdtopnm 2>/dev/null | pnmtopng >/tmp/window-$n.png 2>/dev/null
done
kill "$pid"; wait "$pid" 2>/dev/null
echo "medlora-workbench stayed up 15 s; its output:"; cat /tmp/workbench.log
[ "$n" -gt 0 ] || { echo "medlora-workbench mapped no window"; exit 1; }
EOF
chmod +x "$CHROOT/tmp/run_workbench.sh"
in_chroot LANG=zh_CN.UTF-8 xvfb-run -a -s "-screen 0 1400x900x24" /tmp/run_workbench.sh >>"$LOG" 2>&1 ||
  fail "the workbench did not stay up under Xvfb or showed no window (see $LOG)"
rm -f "$WORK"/window-*.png
cp "$CHROOT"/tmp/workbench.xwd "$CHROOT"/tmp/workbench.png "$CHROOT"/tmp/window-*.png "$WORK/" &&
  say "screenshots: $WORK/workbench.png, $(cd "$WORK" && ls window-*.png | tr '\n' ' ')"

step "6. lintian"
if command -v lintian >/dev/null; then
  lintian --allow-root --fail-on error "$DEB" 2>&1 | tee -a "$LOG" || fail "lintian reports errors"
else
  say "lintian is not installed on the host: skipped"
fi
say "all steps passed; log: $LOG"
