import { sql } from 'kysely'
import type { Database } from '../src/db/database.js'
import type { Role } from '../src/vocabulary.js'

// The benchmark's scenarios. Each feature adds the pages it must keep fast.
export interface Scenario {
  name: string
  /** What it measures, for the printed table's reader. */
  about: string
  /** Paths requested in turn by each connection. */
  paths: (db: Database) => Promise<string[]>
  /** Sign in as the demo user of this role first. */
  signedInAs?: Role
  /**
   * Make every URL unique (an extra `_` parameter), so no kept page can answer: what the first
   * view of a page costs (see src/http/kept-responses.ts).
   */
  firstView?: boolean
  /** A write: every request POSTs a distinct form to `paths`, and the harness checks the rows. */
  post?: WriteScenario
}

export interface WriteScenario {
  /** A page whose form gives the CSRF cookie and token, as a browser gets them. */
  formPath: string
  /** Data the forms draw on (licence numbers, say), read once before the run. */
  samples: (db: Database) => Promise<string[]>
  /** The URL-encoded form for request number `n`, carrying `key` as its idempotency key. */
  body: (n: number, key: string, csrf: string, samples: string[]) => string
  /** The status a stored submission answers with. */
  expectedStatus: number
  /**
   * After the run: the rows stored for `sent` (every key sent, answered or not), keyed by
   * idempotency key, each with the identifier the reply named (from its Location header).
   */
  storedRows: (db: Database, keyPrefix: string) => Promise<{ key: string; identifier: string }[]>
}

const fixed =
  (...paths: string[]) =>
  async () =>
    paths

// What a worker might type with a weak grasp of the spelling: no name starts like these, so
// every one needs the typo search.
const MISSPELT_FRAGMENTS = [
  'malti',
  'mohokre',
  'sehlabthebe',
  'bokamso',
  'letsatsy recrutment',
  'khoto staffing',
  'qiloan',
  'makhalng',
  'kopan careres',
  'thabna',
]

async function sampleLicenceNumbers(db: Database) {
  const rows = await db
    .selectFrom('licences')
    .select('licence_number')
    .orderBy(sql`md5(licence_number)`)
    .limit(500)
    .execute()
  return rows.map((r) => r.licence_number)
}

export const SCENARIOS: Scenario[] = [
  { name: 'baseline', about: 'GET /healthz: one database round trip', paths: fixed('/healthz') },
  { name: 'home', about: 'GET /: the public home page', paths: fixed('/') },
  {
    name: 'agency-list-search',
    about: 'the staff agency list searched by a name fragment (some with typos)',
    signedInAs: 'licensing_officer',
    paths: fixed(
      ...[
        'malut',
        'thaba recr',
        'senqu',
        'kopano staff',
        'mokoena & sons',
        'lesed',
        'basoth',
        'khots',
        'tsepo',
        'bokamoso plac',
      ].map((q) => `/agencies?q=${encodeURIComponent(q)}`),
    ),
  },
  {
    name: 'agency-page',
    about: 'one agency page with its people, licence, applications and history',
    signedInAs: 'licensing_officer',
    paths: async (db) => {
      const rows = await db
        .selectFrom('licences')
        .select('agency_id')
        .orderBy(sql`md5(agency_id::text)`)
        .limit(500)
        .execute()
      return rows.map((r) => `/agencies/${r.agency_id}`)
    },
  },
  {
    name: 'lookup',
    about: 'the public lookup of a misspelt name fragment',
    paths: fixed(...MISSPELT_FRAGMENTS.map((q) => `/lookup?q=${encodeURIComponent(q)}`)),
  },
  {
    name: 'verify',
    about: 'the page a certificate QR code opens',
    paths: async (db) => (await sampleLicenceNumbers(db)).map((n) => `/verify/${n}`),
  },
  {
    name: 'api-lookup',
    about: 'the JSON lookup of a misspelt name fragment',
    paths: fixed(...MISSPELT_FRAGMENTS.map((q) => `/api/v1/agencies?q=${encodeURIComponent(q)}`)),
  },
  {
    name: 'complaint-submit',
    about: 'POST /complaints: a distinct public report each time (half about a licence)',
    paths: fixed('/complaints'),
    post: {
      formPath: '/complaints/new',
      samples: sampleLicenceNumbers,
      body: (n, key, csrf, licences) => {
        const about: Record<string, string> =
          n % 2 === 0
            ? { licence: licences[n % licences.length]! }
            : { recruiter_name: `Bench recruiter ${n}`, recruiter_place: 'Maseru bus rank' }
        return new URLSearchParams({
          _csrf: csrf,
          submission_key: key,
          ...about,
          categories: 'recruitment_fee',
          fee_amount: String(500 + (n % 4000)),
          fee_currency: 'LSL',
          district: 'Leribe',
          promised_job: 'farm worker',
          description: `Paid a fee before the bus left (report ${n}).`,
          contact_phone: '+266 5800 0000',
          may_contact: 'yes',
        }).toString()
      },
      expectedStatus: 303,
      storedRows: async (db, keyPrefix) =>
        (
          await db
            .selectFrom('complaints')
            .select(['submission_key', 'reference'])
            .where('submission_key', 'like', `${keyPrefix}%`)
            .execute()
        ).map((r) => ({ key: r.submission_key, identifier: r.reference })),
    },
  },
]

// Each scenario above also measured on first views only, for the record (no targets).
const FIRST_VIEWS = ['agency-list-search', 'agency-page', 'lookup', 'verify']
SCENARIOS.push(
  ...SCENARIOS.filter((s) => FIRST_VIEWS.includes(s.name)).map((s) => ({
    ...s,
    name: `${s.name} (first view)`,
    about: `${s.about}, no page kept`,
    firstView: true,
  })),
)
