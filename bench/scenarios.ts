import { sql } from 'kysely'
import type { Database } from '../src/db/database.js'
import { KEPT_ROWS, rankDistrict } from '../src/inspections/due.js'
import { dashboardFigures } from '../src/reports/figures.js'
import { lawEnforcementFigures } from '../src/reports/law-enforcement.js'
import { defaultPeriod } from '../src/reports/schemas.js'
import { victimsFigures } from '../src/reports/victims.js'
import { addMonths, todayInLesotho } from '../src/time.js'
import { DISTRICTS, type District, type Role } from '../src/vocabulary.js'
import { benchPhoto } from './photo.js'

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
  /** Report this scenario's own peak server memory (the peak is reset before it). */
  ownPeak?: boolean
  /** One download, on a server started for it, to measure its memory (`paths` unused). */
  download?: { path: string }
  /** Forms sent all at once, honest and hostile together (`paths` is where they go). */
  burst?: BurstScenario
}

export interface BurstScenario {
  formPath: string
  rounds: number
  honest: number
  hostile: number
  /** An honest form and a hostile one (a NUL byte, a field far too long), by number and key. */
  honestBody: (n: number, key: string, csrf: string) => string
  hostileBody: (n: number, key: string, csrf: string) => string
  /** The keys of `keys` stored. */
  stored: (db: Database, keys: string[]) => Promise<string[]>
}

export interface WriteScenario {
  /** A page whose form gives the CSRF cookie and token, as a browser gets them. */
  formPath: string
  /**
   * Every `resendEvery`-th request sends again the form of a request a few before it (same key,
   * same record): a lost reply, a second tab, an offline device resending. Each key must still
   * be stored once, and every reply for it name the same row.
   */
  resendEvery?: number
  /** Data the forms draw on (licence numbers, say), read once before the run. */
  samples: (db: Database) => Promise<string[]>
  /** The URL-encoded form for request number `n`, carrying `key` as its idempotency key. */
  body: (n: number, key: string, csrf: string, samples: string[]) => string | Buffer
  /** Where request `n` goes and its headers, when not `paths` and a form (a photo's bytes). */
  target?: (n: number, csrf: string, samples: string[]) => { path: string; headers: Record<string, string> }
  /** The status a stored submission answers with. */
  expectedStatus: number
  /** The status a resend of a stored one answers with, when not the same. */
  resentStatus?: number
  /** The identifier a reply names, when it names it in its body rather than a Location header. */
  replyNames?: (body: string) => string | undefined
  /**
   * After the run: the rows stored for `sent` (every key sent, answered or not), keyed by
   * idempotency key, each with the identifier the reply named (from its Location header).
   */
  storedRows: (
    db: Database,
    keyPrefix: string,
    sent: ReadonlySet<string>,
  ) => Promise<{ key: string; identifier: string }[]>
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

/** A typing mistake a worker might make: a letter dropped, doubled or swapped with the next. */
function misspell(word: string, n: number): string {
  if (word.length < 5) return word
  const at = 1 + (n % (word.length - 2))
  switch (n % 3) {
    case 0:
      return word.slice(0, at) + word.slice(at + 1)
    case 1:
      return word.slice(0, at) + word[at] + word.slice(at)
    default:
      return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2)
  }
}

/**
 * What people type into a search, drawn from 2,500 names in the database: the first one or two
 * words of a name, a third of them misspelt. So many different questions that neither a kept
 * page nor PostgreSQL's own cache of a few hot names flatters a first view.
 */
async function sampleSearches(db: Database): Promise<string[]> {
  const rows = await db
    .selectFrom('agencies')
    .select('legal_name')
    .orderBy(sql`md5(id::text)`)
    .limit(2_500)
    .execute()
  return rows.map((r, n) => {
    const words = r.legal_name
      .toLowerCase()
      .replace(/[^\p{L}\p{N} ]+/gu, ' ')
      .split(/\s+/)
      .filter(Boolean)
    const typed = words.slice(0, 1 + (n % 2)).join(' ')
    return n % 3 === 0
      ? typed
          .split(' ')
          .map((w) => misspell(w, n))
          .join(' ')
      : typed
  })
}

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
    name: 'job-offer',
    about: 'the public page of an approved job offer, as its QR code or typed code opens it',
    paths: async (db) =>
      (
        await db
          .selectFrom('job_offers')
          .select('code')
          .where('status', '=', 'approved')
          .orderBy(sql`md5(id::text)`)
          .limit(2_500)
          .execute()
      ).map((r) => `/jobs/${r.code}`),
  },
  {
    name: 'api-lookup',
    about: 'the JSON lookup of a misspelt name fragment',
    paths: fixed(...MISSPELT_FRAGMENTS.map((q) => `/api/v1/agencies?q=${encodeURIComponent(q)}`)),
  },
  {
    name: 'complaint-submit',
    about: 'POST /complaints: a distinct public report each time (half about a licence)',
    paths: fixed('/complaints/new'),
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

// A radio programme reads out the number: 200 people send their reports in the same moment, and
// 10 requests among them are hostile. Every honest report must be stored, every hostile one
// refused with a 4xx; one must never sink the other.
const reportForm = (fields: Record<string, string>) => new URLSearchParams(fields).toString()
SCENARIOS.push({
  name: 'report-burst',
  about: '200 honest public reports and 10 hostile ones (NUL bytes, huge fields) sent at once, 5 times',
  paths: fixed('/complaints/new'),
  burst: {
    formPath: '/complaints/new',
    rounds: 5,
    honest: 200,
    hostile: 10,
    honestBody: (n, key, csrf) =>
      reportForm({
        _csrf: csrf,
        submission_key: key,
        recruiter_name: `Burst recruiter ${n}`,
        categories: 'recruitment_fee',
        fee_amount: '300',
        fee_currency: 'LSL',
        description: `He asked 300 maloti for an induction workshop (report ${n}).`,
      }),
    hostileBody: (n, key, csrf) =>
      reportForm({
        _csrf: csrf,
        submission_key: key,
        recruiter_name: n % 2 ? 'Poison\u0000' : 'x'.repeat(100_000),
        categories: 'recruitment_fee',
        description: n % 2 ? 'poison\u0000' : 'y'.repeat(200_000),
      }),
    stored: async (db, keys) =>
      (
        await db
          .selectFrom('complaints')
          .select('submission_key')
          .where('submission_key', 'in', keys)
          .execute()
      ).map((r) => r.submission_key),
  },
})

// A report by USSD from a feature phone: the last screen of a whole session (the recruiter, what
// happened, how much, the district, may we call, confirm), each session its own, one in ten
// redialled or resent by the gateway. Each session must store exactly one report.
SCENARIOS.push({
  name: 'ussd-report',
  about: 'POST /ussd: the confirming screen of a distinct USSD report session, 1 in 10 sent again',
  paths: fixed('/ussd'),
  post: {
    formPath: '/complaints/new',
    resendEvery: 10,
    samples: async () => [],
    body: (n, key) =>
      new URLSearchParams({
        sessionId: key,
        serviceCode: '*120*55#',
        phoneNumber: `+2665${String(n % 10_000_000).padStart(7, '0')}`,
        text: ['2', `Bench ${key}`, '1 2', 'M300', String(1 + (n % 10)), n % 2 ? '1' : '2', '1'].join('*'),
      }).toString(),
    expectedStatus: 200,
    replyNames: (body) => /C-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(body)?.[0],
    // The report names its session's key as the recruiter, so each row is found by it.
    storedRows: async (db, keyPrefix) =>
      (
        await db
          .selectFrom('complaints')
          .select(['recruiter_name', 'reference'])
          .where('recruiter_name', 'like', `Bench ${keyPrefix}%`)
          .execute()
      ).map((r) => ({ key: r.recruiter_name!.slice('Bench '.length), identifier: r.reference })),
  },
})

// An inspection as an inspector submits it: a visit, a team, headcounts, an indicator or two,
// sometimes a registered recruiter and the fee workers paid, an outcome.
function inspectionForm(n: number, key: string, csrf: string, samples: string[]) {
  const [worksiteId, licence] = samples[n % samples.length]!.split(' ')
  const day = new Date(Date.now() - (1 + (n % 300)) * 86_400_000).toISOString().slice(0, 10)
  const form: Record<string, string> = {
    _csrf: csrf,
    idempotency_key: key,
    worksite_id: worksiteId!,
    visited_at: `${day}T09:30`,
    type: n % 3 === 0 ? 'joint_operation' : 'routine',
    lead_inspector: 'Thabo Mokhethi',
    police_1_name: 'Constable Palesa Ntsane',
    police_1_service_number: 'LMPS 40213',
    workers_present: String(20 + (n % 200)),
    workers_interviewed: '12',
    women: '10',
    men: '10',
    indicator_excessive_overtime: n % 4 === 0 ? 'observed' : 'not_observed',
    evidence_excessive_overtime: n % 4 === 0 ? 'Shifts of 14 hours, seven days a week.' : '',
    labour_findings: 'no_payslips',
    outcome: 'advice_given',
    notes: `Bench inspection ${n}.`,
    action: 'submit',
  }
  if (n % 3 === 0)
    Object.assign(form, {
      recruiter_1_licence: licence!,
      recruiter_1_fee: String(500 + (n % 2000)),
      recruiter_1_currency: 'LSL',
      recruiter_1_workers: '4',
      ...(n % 4 === 0 ? { recruiter_1_indicators: 'excessive_overtime' } : {}),
    })
  return new URLSearchParams(form).toString()
}

// Photos sent by inspectors' phones after their records: about 300 KB each, one request each,
// keyed by the record and the photo's hash; one in ten sent again (a lost reply). Each key must
// be stored once, and the server's memory stay bounded with 50 uploads streaming at once.
const photoKeys = new Map<string, string>()
SCENARIOS.push({
  name: 'photo-upload',
  about: 'POST /inspections/photos: a distinct 300 KB photo of a submitted record, 1 in 10 sent again',
  signedInAs: 'inspector',
  ownPeak: true,
  paths: fixed('/inspections/photos'),
  post: {
    formPath: '/inspections/new',
    resendEvery: 10,
    samples: async (db) =>
      (
        await db
          .selectFrom('inspections')
          .select('idempotency_key')
          .where('status', '=', 'submitted')
          .orderBy(sql`md5(id::text)`)
          .limit(500)
          .execute()
      ).map((r) => r.idempotency_key),
    body: (n) => benchPhoto(n).bytes,
    target: (n, csrf, samples) => {
      const { sha256 } = benchPhoto(n)
      photoKeys.set(sha256, String(n))
      return {
        path: `/inspections/photos?record=${samples[n % samples.length]}&sha256=${sha256}&attached_to=inspection`,
        headers: { 'x-csrf-token': csrf, 'content-type': 'image/jpeg' },
      }
    },
    expectedStatus: 201,
    resentStatus: 200,
    replyNames: (body) => /"photo":"([0-9a-f-]{36})"/.exec(body)?.[1],
    // The photos stored by the run, found by their hashes, each under the key it was sent with.
    storedRows: async (db, keyPrefix) => {
      const rows = await db
        .selectFrom('inspection_photos')
        .select(['sha256', 'id'])
        .where('sha256', 'in', [...photoKeys.keys(), ''])
        .execute()
      return rows.map((r) => ({
        key: `${keyPrefix}${photoKeys.get(r.sha256)!.padStart(8, '0')}`,
        identifier: r.id,
      }))
    },
  },
})

SCENARIOS.push(
  {
    name: 'inspection-submit',
    about: 'POST /inspections: a distinct submitted inspection each time, 1 in 10 sent again',
    signedInAs: 'inspector',
    paths: fixed('/inspections'),
    post: {
      formPath: '/inspections/new',
      resendEvery: 10,
      samples: async (db) => {
        const [worksites, licences] = await Promise.all([
          db.selectFrom('worksites').select('id').orderBy(sql`md5(id::text)`).limit(500).execute(),
          sampleLicenceNumbers(db),
        ])
        return worksites.map((w, i) => `${w.id} ${licences[i % licences.length]}`)
      },
      body: inspectionForm,
      expectedStatus: 303,
      storedRows: async (db, keyPrefix) =>
        (
          await db
            .selectFrom('inspections')
            .select(['idempotency_key', 'id'])
            .where('idempotency_key', 'like', `${keyPrefix}%`)
            .execute()
        ).map((r) => ({ key: r.idempotency_key, identifier: r.id })),
    },
  },
  {
    name: 'dashboard',
    about: "an analyst's dashboard for the last 12 months, all districts, and for each district",
    signedInAs: 'analyst',
    paths: fixed('/dashboard', ...DISTRICTS.map((d) => `/dashboard?district=${encodeURIComponent(d)}`)),
  },
  {
    name: 'case-list',
    about: "a police officer's district's cases, filtered by stage, offence and age in turn (every district)",
    signedInAs: 'police_officer',
    paths: fixed(
      ...DISTRICTS.flatMap((d) => [
        `/cases?district=${encodeURIComponent(d)}&stage=under_investigation`,
        `/cases?district=${encodeURIComponent(d)}&offence=trafficking_labour`,
        `/cases?district=${encodeURIComponent(d)}&age=12`,
      ]),
    ),
  },
  {
    name: 'export-inspections',
    about: 'every inspection of the last six years as CSV, streamed',
    signedInAs: 'analyst',
    paths: fixed(),
    download: { path: `/exports/inspections.csv?from=${addMonths(todayInLesotho(), -72)}` },
  },
  {
    name: 'due-list',
    about: "an inspector's list of a district's worksites ranked by risk, each district in turn",
    signedInAs: 'inspector',
    paths: fixed(...DISTRICTS.map((d) => `/inspections/due?district=${encodeURIComponent(d)}`)),
  },
)

// Each scenario above also measured on first views only: what the registry really costs
// (targets in the README). Searches are drawn from thousands of names, not the fixed few above.
const SEARCHED: Record<string, (q: string) => string> = {
  'agency-list-search': (q) => `/agencies?q=${encodeURIComponent(q)}`,
  lookup: (q) => `/lookup?q=${encodeURIComponent(q)}`,
  'api-lookup': (q) => `/api/v1/agencies?q=${encodeURIComponent(q)}`,
}
const FIRST_VIEWS = ['agency-list-search', 'agency-page', 'lookup', 'verify', 'api-lookup', 'job-offer']
SCENARIOS.push(
  ...SCENARIOS.filter((s) => FIRST_VIEWS.includes(s.name)).map((s) => {
    const searched = SEARCHED[s.name]
    return {
      ...s,
      name: `${s.name} (first view)`,
      about: `${s.about}, no page kept${searched ? ', 2,500 different searches' : ''}`,
      paths: searched ? async (db: Database) => (await sampleSearches(db)).map(searched) : s.paths,
      firstView: true,
    }
  }),
)

/**
 * Work that a kept result spares most requests, timed directly on the database (no server,
 * one at a time): what the first request after a change waits for.
 */
export interface TimedWork {
  name: string
  about: string
  /** One run per item; each item's time is reported. */
  items: readonly string[]
  run: (db: Database, item: string) => Promise<unknown>
}

export const TIMED_WORK: TimedWork[] = [
  {
    name: 'dashboard figures',
    about: 'all figures of the last 12 months afresh (the page is kept per registry version and minute)',
    items: ['all districts', 'Maseru', "Qacha's Nek"],
    run: (db, item) =>
      dashboardFigures(db, {
        ...defaultPeriod(),
        district: item === 'all districts' ? null : (item as District),
        sector: null,
      }),
  },
  {
    name: 'law-enforcement figures',
    about:
      'the criminal-case and victims figures of the last 12 months afresh (part of the dashboard figures)',
    items: ['all districts', 'Maseru', "Qacha's Nek"],
    run: (db, item) => {
      const f = {
        ...defaultPeriod(),
        district: item === 'all districts' ? null : (item as District),
        sector: null,
      }
      return Promise.all([lawEnforcementFigures(db, f), victimsFigures(db, f)])
    },
  },
  {
    name: 'due-list ranking',
    about:
      "ranking all of one district's worksites afresh, the first pages kept (the due list keeps them per registry version and day)",
    items: DISTRICTS,
    run: (db, district) =>
      rankDistrict(db, district as District, todayInLesotho(), { offset: 0, limit: KEPT_ROWS }),
  },
]
