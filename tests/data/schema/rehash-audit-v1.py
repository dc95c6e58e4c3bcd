#!/usr/bin/python3
"""Re-chains a downgraded database's audit log under the rule of schemas 1-8 (every field hashed
as it stood), so the upgrade to schema 9 has a real old-rule chain to verify and re-chain.

    rehash-audit-v1.py DATABASE
"""
import hashlib
import sqlite3
import sys

SEP = "\x1f"

db = sqlite3.connect(sys.argv[1])
trigger = db.execute(
    "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'audit_log_no_update'"
).fetchone()[0]
db.execute("DROP TRIGGER audit_log_no_update")
prev = "0" * 64
rows = db.execute(
    "SELECT id, at, actor, action, object_type, object_id, details, account_id "
    "FROM audit_log ORDER BY id").fetchall()
for (id_, at, actor, action, otype, oid, details, account) in rows:
    data = SEP.join([prev, at, actor, action, otype, oid, details,
                     "" if account is None else str(account)])
    digest = hashlib.sha256(data.encode()).hexdigest()
    db.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", (prev, digest, id_))
    prev = digest
db.execute(trigger)
db.commit()
