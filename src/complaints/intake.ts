import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import type { Database } from '../db/database.js'
import type { Language } from '../i18n/messages.js'
import { complaintReference } from './rules.js'
import type { ComplaintInput } from './schemas.js'

// Public reports arrive in bursts (a radio programme gives the number, a bus of returning
// workers reaches a phone signal). Reports that reach the server together are written by one
// INSERT: one round trip and one commit for the lot instead of one each. Each report is still
// its own row with its own answer; a batch that fails stores none of its reports and every
// sender gets the error, so nothing is half-saved.

/** Reports sent as one statement at most; the rest wait for the next. */
const MAX_BATCH = 200

export type SubmitResult = { reference: string } | { unknownLicence: true }

interface Pending {
  row: Row
  resolve: (result: SubmitResult) => void
  reject: (error: unknown) => void
}

/** A report as the statement reads it (jsonb_to_recordset below names the same fields). */
interface Row {
  reference: string
  submission_key: string
  licence: string | null
  recruiter_name: string | null
  recruiter_place: string | null
  recruiter_phone: string | null
  categories: string[]
  fee_amount_minor: number | null
  fee_currency: string | null
  happened_on: string | null
  district: string | null
  promised_job: string | null
  promised_employer: string | null
  promised_country: string | null
  description: string
  contact_phone: string | null
  contact_email: string | null
  may_contact: boolean
  contact_language: string | null
  language: Language
}

const queues = new WeakMap<Database, Pending[]>()

/**
 * Stores a report once: a second submit of the same form (double click, resend after a lost
 * reply) finds the first by its submission key and gets the same reference back. A report about
 * a licence names the agency through it; an unknown licence stores nothing. No audit entry: the
 * reporter is anonymous, and the row itself is the record.
 */
export function submitComplaint(
  db: Database,
  input: ComplaintInput & { licenceNumber: string | null },
  language: Language,
): Promise<SubmitResult> {
  const row: Row = {
    reference: '',
    submission_key: input.submission_key,
    licence: input.licenceNumber,
    recruiter_name: input.recruiter_name ?? null,
    recruiter_place: input.recruiter_place ?? null,
    recruiter_phone: input.recruiter_phone ?? null,
    categories: [...new Set(input.categories)],
    fee_amount_minor: input.fee_amount ?? null,
    fee_currency: input.fee_amount !== undefined ? (input.fee_currency ?? null) : null,
    happened_on: input.happened_on ?? null,
    district: input.district ?? null,
    promised_job: input.promised_job ?? null,
    promised_employer: input.promised_employer ?? null,
    promised_country: input.promised_country ?? null,
    description: input.description,
    contact_phone: input.contact_phone ?? null,
    contact_email: input.contact_email ?? null,
    may_contact: input.may_contact,
    contact_language: input.contact_language ?? null,
    language,
  }
  return new Promise((resolve, reject) => {
    let queue = queues.get(db)
    if (!queue) {
      queue = []
      queues.set(db, queue)
      // Everything that arrives before the event loop next turns goes in the same statement.
      setImmediate(() => {
        queues.delete(db)
        for (let i = 0; i < queue!.length; i += MAX_BATCH) void writeBatch(db, queue!.slice(i, i + MAX_BATCH))
      })
    }
    queue.push({ row, resolve, reject })
  })
}

async function writeBatch(db: Database, batch: Pending[]) {
  try {
    const results = await storeBatch(
      db,
      batch.map((p) => p.row),
    )
    for (const p of batch) p.resolve(results.get(p.row.submission_key) ?? { unknownLicence: true })
  } catch (error) {
    for (const p of batch) p.reject(error)
  }
}

/** The reference stored for each submission key; keys missing had an unknown licence. */
async function storeBatch(db: Database, rows: Row[]): Promise<Map<string, { reference: string }>> {
  for (let attempt = 0; attempt < 3; attempt++) {
    for (const row of rows) row.reference = complaintReference(randomBytes(8))
    const inserted = await sql<{ submission_key: string; reference: string }>`
      insert into complaints (
        reference, submission_key, agency_id, recruiter_name, recruiter_place, recruiter_phone,
        categories, fee_amount_minor, fee_currency, happened_on, district, promised_job,
        promised_employer, promised_country, description, contact_phone, contact_email,
        may_contact, contact_language, language)
      select r.reference, r.submission_key, l.agency_id, r.recruiter_name, r.recruiter_place,
        r.recruiter_phone, r.categories, r.fee_amount_minor, r.fee_currency, r.happened_on,
        r.district, r.promised_job, r.promised_employer, r.promised_country, r.description,
        r.contact_phone, r.contact_email, r.may_contact, r.contact_language, r.language
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(
        reference text, submission_key text, licence text, recruiter_name text,
        recruiter_place text, recruiter_phone text, categories text[], fee_amount_minor bigint,
        fee_currency text, happened_on date, district text, promised_job text,
        promised_employer text, promised_country text, description text, contact_phone text,
        contact_email text, may_contact boolean, contact_language text, language text)
      left join licences l on l.licence_number = r.licence
      where r.licence is null or l.agency_id is not null
      -- Only the submission key may collide quietly (a resend, or a double click in one batch).
      on conflict (submission_key) do nothing
      returning submission_key, reference`
      .execute(db)
      .catch((error) => {
        // A reference drawn twice (one in 10^12): draw again for the whole batch.
        if (/complaints_reference_key/.test(String(error?.message ?? error?.constraint))) return null
        throw error
      })
    if (!inserted) continue
    const stored = new Map(inserted.rows.map((r) => [r.submission_key, { reference: r.reference }]))
    const earlier = rows.filter((r) => !stored.has(r.submission_key)).map((r) => r.submission_key)
    if (earlier.length > 0) {
      const found = await db
        .selectFrom('complaints')
        .select(['submission_key', 'reference'])
        .where('submission_key', 'in', earlier)
        .execute()
      for (const r of found) stored.set(r.submission_key, { reference: r.reference })
    }
    return stored
  }
  throw new Error('could not make unique complaint references')
}
