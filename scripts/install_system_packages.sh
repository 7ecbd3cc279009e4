#!/bin/sh
# What the PDF handouts and the tests need from the system (Debian packages): Pango, which WeasyPrint lays
# text out with; the fonts the handouts use and embed (Liberation, DejaVu for what Liberation lacks); for
# the tests that read the PDFs back, poppler-utils (pdftotext, pdftoppm, pdffonts) and zbar-tools (zbarimg,
# QR codes); and gettext, whose msgfmt (what Poedit compiles with) checks the PO files kbsync exports.
# Installs what is missing when we are root; otherwise names it and fails. Silent when all is there.
set -eu

PACKAGES="libpango-1.0-0 libpangoft2-1.0-0 fonts-liberation fonts-dejavu-core poppler-utils zbar-tools gettext"

if ! command -v dpkg-query >/dev/null 2>&1; then
  # Not Debian: the tools the tests call must be there; Pango and the fonts are up to the system.
  for tool in pdftotext pdftoppm pdffonts zbarimg msgfmt; do
    command -v "$tool" >/dev/null 2>&1 || { echo "The tests need $tool (poppler, zbar, gettext): install it" >&2; exit 1; }
  done
  exit 0
fi

missing=""
for package in $PACKAGES; do
  if ! dpkg-query -W -f '${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $package"
  fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing for the PDF handouts and the tests:$missing"
  apt-get update -qq
  # shellcheck disable=SC2086 # one word per package
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
  echo "The PDF handouts and the tests need these system packages:$missing" >&2
  echo "Install them as root: apt-get install$missing" >&2
  exit 1
fi
