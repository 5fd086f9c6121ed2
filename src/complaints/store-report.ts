import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import type { Database } from '../db/database.js'
import type { Language } from '../i18n/messages.js'
import { currencyOf } from '../money.js'
import { complaintReference } from './rules.js'
import type { ComplaintInput } from './schemas.js'

// Storing a public report, the one way: each report on its own, so one person's bad report can
// never fail another's. A report is one INSERT: all or nothing by itself, with no other write to
// make with it, so there is no BEGIN and COMMIT around it (they were two of its three round trips).

/** The report's reference (`created` false: it was stored before, this was a resend), or why not. */
export type StoreResult = { reference: string; created: boolean } | { unknownLicence: true }

/** A value of the row with its column type, for the INSERT ... SELECT below. */
const typed = (value: unknown, type: string) => sql`${value}::${sql.raw(type)}`

/** The currency chosen, else the one the amount's symbol named (a mismatch was refused before). */
function feeCurrency(input: ComplaintInput) {
  if (!input.fee_amount) return null
  const currency = currencyOf(input.fee_amount, input.fee_currency)
  return currency === 'mismatch' ? (input.fee_currency ?? null) : currency
}

/**
 * Stores a report once: a second submit of the same form (a double click, a resend after a lost
 * reply) finds the first by its submission key and gets the same reference back. A report about
 * a licence names the agency through it, found by the insert itself; an unknown licence stores
 * nothing. No audit entry: the reporter is anonymous, and the row itself is the record.
 */
export async function storeReport(
  db: Database,
  input: ComplaintInput & { licenceNumber: string | null; outsideLesotho?: boolean },
  language: Language,
  channel: 'web' | 'ussd' = 'web',
): Promise<StoreResult> {
  const licence = input.licenceNumber
  // A reference drawn twice (one chance in 10^12 per report) is drawn again.
  for (let attempt = 0; attempt < 3; attempt++) {
    const columns = {
      reference: typed(complaintReference(randomBytes(8)), 'text'),
      submission_key: typed(input.submission_key, 'text'),
      recruiter_name: typed(input.recruiter_name ?? null, 'text'),
      recruiter_place: typed(input.recruiter_place ?? null, 'text'),
      recruiter_phone: typed(input.recruiter_phone ?? null, 'text'),
      categories: typed([...new Set(input.categories)], 'text[]'),
      fee_amount_minor: typed(input.fee_amount?.minor ?? null, 'bigint'),
      fee_currency: typed(feeCurrency(input), 'text'),
      happened_on: typed(input.happened_on ?? null, 'date'),
      district: typed(input.district ?? null, 'text'),
      outside_lesotho: typed(input.outsideLesotho === true, 'boolean'),
      promised_job: typed(input.promised_job ?? null, 'text'),
      promised_employer: typed(input.promised_employer ?? null, 'text'),
      promised_country: typed(input.promised_country ?? null, 'text'),
      job_offer_code: typed(input.job_offer_code ?? null, 'text'),
      // The offer the code names, if it names one with a code (approved, or withdrawn since).
      job_offer_id: sql`(select o.id from job_offers o where o.code = ${input.job_offer_code ?? null}::text)`,
      description: typed(input.description, 'text'),
      contact_phone: typed(input.contact_phone ?? null, 'text'),
      contact_email: typed(input.contact_email ?? null, 'text'),
      may_contact: typed(input.may_contact, 'boolean'),
      contact_language: typed(input.contact_language ?? null, 'text'),
      language: typed(language, 'text'),
      channel: typed(channel, 'text'),
    }
    const names = Object.keys(columns) as (keyof typeof columns)[]
    const values = names.map((name) => sql`${columns[name]} as ${sql.ref(name)}`)
    // With a licence, the row is made from the licence's own row: none, no report.
    const source = licence
      ? sql`select ${sql.join(values)}, l.agency_id from licences l where l.licence_number = ${licence}`
      : // A code on the advert that names an offer names its agency too.
        sql`select ${sql.join(values)},
          (select o.agency_id from job_offers o where o.code = ${input.job_offer_code ?? null}::text) as agency_id`
    const { rows } = await sql<{ reference: string }>`
      insert into complaints (${sql.join(names.map((n) => sql.ref(n)))}, agency_id)
      ${source}
      -- The submission key (a resend) or the reference (drawn twice) is already stored.
      on conflict do nothing
      returning reference`.execute(db)
    if (rows[0]) return { reference: rows[0].reference, created: true }
    const earlier = await db
      .selectFrom('complaints')
      .select('reference')
      .where('submission_key', '=', input.submission_key)
      .executeTakeFirst()
    if (earlier) return { reference: earlier.reference, created: false }
    if (licence) {
      const known = await db
        .selectFrom('licences')
        .select('agency_id')
        .where('licence_number', '=', licence)
        .executeTakeFirst()
      if (!known) return { unknownLicence: true }
    }
  }
  throw new Error('could not draw a unique complaint reference')
}
