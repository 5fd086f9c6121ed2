import { randomBytes } from 'node:crypto'
import type { Database } from '../db/database.js'
import type { Language } from '../i18n/messages.js'
import { complaintReference } from './rules.js'
import type { ComplaintInput } from './schemas.js'

// Storing a public report, the one way: each report in its own transaction, so one person's
// bad report can never fail another's.

export type StoreResult = { reference: string } | { unknownLicence: true }

/**
 * Stores a report once: a second submit of the same form (a double click, a resend after a lost
 * reply) finds the first by its submission key and gets the same reference back. A report about
 * a licence names the agency through it; an unknown licence stores nothing. No audit entry: the
 * reporter is anonymous, and the row itself is the record.
 */
export async function storeReport(
  db: Database,
  input: ComplaintInput & { licenceNumber: string | null },
  language: Language,
): Promise<StoreResult> {
  // A reference drawn twice (one chance in 10^12 per report) is drawn again.
  for (let attempt = 0; attempt < 3; attempt++) {
    const result = await db.transaction().execute(async (trx): Promise<StoreResult | null> => {
      let agencyId: string | null = null
      if (input.licenceNumber) {
        const licence = await trx
          .selectFrom('licences')
          .select('agency_id')
          .where('licence_number', '=', input.licenceNumber)
          .executeTakeFirst()
        if (!licence) return { unknownLicence: true }
        agencyId = licence.agency_id
      }
      const inserted = await trx
        .insertInto('complaints')
        .values({
          reference: complaintReference(randomBytes(8)),
          submission_key: input.submission_key,
          agency_id: agencyId,
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
        })
        // The submission key (a resend) or the reference (drawn twice) is already stored.
        .onConflict((oc) => oc.doNothing())
        .returning('reference')
        .executeTakeFirst()
      if (inserted) return inserted
      const earlier = await trx
        .selectFrom('complaints')
        .select('reference')
        .where('submission_key', '=', input.submission_key)
        .executeTakeFirst()
      return earlier ?? null
    })
    if (result) return result
  }
  throw new Error('could not draw a unique complaint reference')
}
