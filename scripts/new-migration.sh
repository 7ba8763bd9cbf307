#!/usr/bin/env bash
# Writes prisma/migrations/<timestamp>_<name>/migration.sql from the difference between the
# committed schema (HEAD) and the edited one. The JS schema engine cannot introspect a live
# database, so `prisma migrate dev` is not available. The diff itself reads no tables, but the
# CLI opens the adapter, so DATABASE_URL must reach some PostgreSQL.
set -euo pipefail
name=${1:?usage: npm run migration:new -- <name>}
prev=$(mktemp)
git show HEAD:prisma/schema.prisma > "$prev"
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_${name}"
mkdir -p "$dir"
DATABASE_URL=${DATABASE_URL:-postgresql://root@127.0.0.1:5432/test} npx prisma migrate diff \
  --from-schema-datamodel "$prev" --to-schema-datamodel prisma/schema.prisma --script > "$dir/migration.sql"
echo "wrote $dir/migration.sql"
