#!/usr/bin/env bash
# Makes sure PostgreSQL's server binaries (initdb, pg_ctl, postgres) are on
# this machine, for the PostgreSQL store tests (tests/store_backends.rs).
# The tests start a throwaway cluster of their own in a temporary directory;
# nothing here starts a server. Installs Debian's `postgresql` package when
# initdb is missing; does nothing when it is there.
set -euo pipefail

have_initdb() {
    command -v initdb >/dev/null 2>&1 && return 0
    compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null
}

if have_initdb; then
    exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
    sudo=(sudo)
fi
echo "installing PostgreSQL (Debian's postgresql package) for the store tests" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q --no-install-recommends postgresql

if ! have_initdb; then
    echo "error: the postgresql package is installed but no initdb was found" \
        "on PATH or under /usr/lib/postgresql/*/bin" >&2
    exit 1
fi
