#!/usr/bin/env bash
# Runs a command with a throwaway desktop keyring: a private D-Bus session bus (dbus-run-session)
# with GNOME Keyring's Secret Service, its keyring files in a temporary XDG_DATA_HOME (never the
# user's own keyring) and unlocked by a throwaway password. All of it ends with the command.
set -euo pipefail
data_home="$(mktemp -d)"
trap 'rm -rf "$data_home"' EXIT
export XDG_DATA_HOME="$data_home"
dbus-run-session -- bash -c 'printf "throwaway" | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' keyring "$@"
