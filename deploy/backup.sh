#!/usr/bin/env bash
# Online backup of the Tafelplanner SQLite database, safe while the daemon runs (SQLite's
# backup API via the sqlite3 shell: a consistent snapshot, WAL included). The copy is checked
# with PRAGMA integrity_check, compressed, and backups older than KEEP_DAYS are removed.
#
# Usage: backup.sh [DATABASE] [BACKUP_DIR]
#   DATABASE    default /var/lib/tafelplanner/tafelplanner.db
#   BACKUP_DIR  default /var/backups/tafelplanner
#   KEEP_DAYS   environment, default 14 (an erased person stays in backups this long)
# Prints the path of the new backup. Needs: sqlite3, gzip. Exit 0 ok, 1 failure, 2 bad input.
set -euo pipefail

db="${1:-/var/lib/tafelplanner/tafelplanner.db}"
dir="${2:-/var/backups/tafelplanner}"
keep="${KEEP_DAYS:-14}"

if [[ ! -f "$db" ]]; then echo "backup.sh: no database at $db" >&2; exit 2; fi
if [[ ! "$keep" =~ ^[0-9]+$ ]]; then echo "backup.sh: KEEP_DAYS must be a number" >&2; exit 2; fi
case "$db$dir" in
  *"'"*) echo "backup.sh: paths must not contain a single quote" >&2; exit 2 ;;
esac
command -v sqlite3 >/dev/null || { echo "backup.sh: sqlite3 is not installed" >&2; exit 1; }

umask 077  # backups hold personal data
mkdir -p "$dir"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
tmp="$dir/.tafelplanner-$stamp.db.partial"
out="$dir/tafelplanner-$stamp.db.gz"
trap 'rm -f "$tmp"' EXIT

# Waits up to 30 s for a writer to finish a transaction, then copies page by page.
sqlite3 -bail "$db" ".timeout 30000" ".backup '$tmp'"
check="$(sqlite3 "$tmp" 'PRAGMA integrity_check;')"
if [[ "$check" != "ok" ]]; then
  echo "backup.sh: the copy failed its integrity check: $check" >&2
  exit 1
fi
gzip -9 -c "$tmp" > "$out.partial"
mv "$out.partial" "$out"

find "$dir" -maxdepth 1 -name 'tafelplanner-*.db.gz' -mtime +"$keep" -delete
echo "$out"
