import type { Database } from '../db/database.js'

/** Who did something, as every write records it. */
export interface Actor {
  id: string | null
  /** Name and email at the time, so the entry reads the same if the account changes later. */
  label: string
  clientAddress: string | null
}

export const SYSTEM_ACTOR: Actor = { id: null, label: 'system', clientAddress: null }

export interface AuditRecord {
  action: string
  entity: string
  entityId?: string | null
  before?: unknown
  after?: unknown
}

// Keys that must never be copied into the audit log, wherever they appear.
const SECRET_KEYS = new Set(['password', 'password_hash', 'token', 'token_hash'])

/** A copy of a value fit for the audit log: JSON only, secrets replaced. */
export function redact(value: unknown): unknown {
  if (value === undefined || value === null) return null
  return JSON.parse(JSON.stringify(value, (key, v) => (SECRET_KEYS.has(key) ? '[redacted]' : v)))
}

/**
 * The way to write the audit log. Call it with the transaction that makes the change, so the
 * entry and the change commit or roll back together.
 */
export async function writeAudit(db: Database, actor: Actor, record: AuditRecord): Promise<void> {
  await db.insertInto('audit_log').values(auditRow(actor, record)).execute()
}

function auditRow(actor: Actor, record: AuditRecord) {
  const before = redact(record.before)
  const after = redact(record.after)
  return {
    actor_id: actor.id,
    actor_label: actor.label,
    action: record.action,
    entity: record.entity,
    entity_id: record.entityId ?? null,
    before: before === null ? null : JSON.stringify(before),
    after: after === null ? null : JSON.stringify(after),
    client_address: actor.clientAddress,
  }
}
