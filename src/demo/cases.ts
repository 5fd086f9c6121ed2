import { randomBytes } from 'node:crypto'
import type { Insertable } from 'kysely'
import { sql } from 'kysely'
import type { Database } from '../db/database.js'
import type {
  CaseSuspectsTable,
  CaseVictimsTable,
  CriminalCaseEventsTable,
  CriminalCasesTable,
} from '../db/types.js'
import { addDays, lesothoDateOf } from '../time.js'
import { DISTRICTS, type District } from '../vocabulary.js'
import type { Random } from './generate.js'
import { seededUuid } from './licensing-history.js'

// Made-up criminal cases for the demo and the benchmark: most opened from complaints the
// licensing office referred to the police and from inspections that opened an investigation
// (their case numbers carried over), the rest opened by the police directly. Cases reach every
// stage, older ones further, as a working docket would; each step dated after the one before and
// never after today.

const STATIONS: Record<District, string> = {
  Berea: 'Teyateyaneng',
  'Butha-Buthe': 'Butha-Buthe',
  Leribe: 'Hlotse',
  Mafeteng: 'Mafeteng',
  Maseru: 'Maseru Central',
  "Mohale's Hoek": "Mohale's Hoek",
  Mokhotlong: 'Mokhotlong',
  "Qacha's Nek": "Qacha's Nek",
  Quthing: 'Quthing',
  'Thaba-Tseka': 'Thaba-Tseka',
}
const OFFICERS = ['D/Sgt M. Lebona', 'D/Insp T. Mokoena', 'D/Cst P. Ramoholi', 'D/Sgt L. Thamae']
const PEOPLE = [
  'Ntate Sello',
  'Mme Puleng',
  'Tsietsi Mokhele',
  'Lerato Mofokeng',
  'Thabo Nkosi',
  'Palesa Moloi',
]
const EMPLOYERS = ['Ficksburg Orchards (Pty) Ltd', 'Free State Fruit Packers', 'Gauteng Textile Works']

interface Source {
  kind: 'complaint' | 'inspection' | 'police'
  id: string | null
  district: District
  /** The day it came to light. */
  on: string
  agency_id: string | null
}

export interface DemoCases {
  cases: Insertable<CriminalCasesTable>[]
  events: Insertable<CriminalCaseEventsTable>[]
  suspects: Insertable<CaseSuspectsTable>[]
  victims: Insertable<CaseVictimsTable>[]
}

/** Three in five referrals get a case, and `direct` more cases come straight to the police. */
export async function seedCases(
  db: Database,
  random: Random,
  options: {
    today: string
    police: { id: string; label: string }
    prosecutor: { id: string; label: string }
    direct: number
    /** Cases in all, instead of three in five referrals and `direct` more. */
    total?: number
    agencyIds: string[]
  },
) {
  const { rows: referred } = await sql<Source>`
    select 'complaint' as kind, c.id, coalesce(c.district, 'Maseru') as district,
      ${lesothoDateOf('c.created_at')}::text as on, c.agency_id
    from complaints c where c.police_case_number is not null
    union all
    select 'inspection', i.id, w.district, ${lesothoDateOf('i.visited_at')}::text, null
    from inspections i join worksites w on w.id = i.worksite_id
    where i.outcome = 'criminal_investigation' and i.status = 'submitted' and i.police_case_number is not null
    order by 2`.execute(db)
  const total = options.total
  const sources =
    total === undefined
      ? referred.filter(() => random.next() < 0.6)
      : referred.filter(() => random.next() < Math.min(0.6, (total * 0.8) / Math.max(1, referred.length)))
  const direct = total === undefined ? options.direct : Math.max(0, total - sources.length)
  for (let i = 0; i < direct; i++)
    sources.push({
      kind: 'police',
      id: null,
      district: random.pick(DISTRICTS),
      on: addDays(options.today, -random.int(5, 1400)),
      agency_id: options.agencyIds.length && random.next() < 0.5 ? random.pick(options.agencyIds) : null,
    })
  const numbers = new Map<string, number>()
  const BATCH = 1000
  for (let start = 0; start < sources.length; start += BATCH) {
    const made: DemoCases = { cases: [], events: [], suspects: [], victims: [] }
    for (const source of sources.slice(start, start + BATCH)) addCase(made, random, source, options, numbers)
    await db.insertInto('criminal_cases').values(made.cases).execute()
    await db.insertInto('criminal_case_events').values(made.events).execute()
    if (made.suspects.length) await db.insertInto('case_suspects').values(made.suspects).execute()
    if (made.victims.length) await db.insertInto('case_victims').values(made.victims).execute()
  }
  // An agency suspect is named as the register names it.
  await sql`update case_suspects s set name = a.legal_name from agencies a
    where s.kind = 'agency' and a.id = s.agency_id`.execute(db)
  // ID numbers as the barred-persons check reads them.
  await sql`update case_suspects set id_number_key = upper(regexp_replace(id_number, '[^A-Za-z0-9]', '', 'g'))
    where id_number is not null`.execute(db)
  return sources.length
}

const key = () => randomBytes(12).toString('base64url')

function addCase(
  made: DemoCases,
  r: Random,
  source: Source,
  options: {
    today: string
    police: { id: string; label: string }
    prosecutor: { id: string; label: string }
  },
  numbers: Map<string, number>,
) {
  const { today, police, prosecutor } = options
  const id = seededUuid(r)
  const opened = minDate(addDays(source.on, r.int(0, 20)), today)
  const year = Number(opened.slice(0, 4))
  const station = STATIONS[source.district]
  const counter = `${station}/${year}`
  const number = (numbers.get(counter) ?? 0) + 1
  numbers.set(counter, number)
  const offences =
    source.kind === 'inspection'
      ? ['trafficking_labour']
      : r.next() < 0.5
        ? ['unlicensed_recruitment', 'fraud']
        : r.pick([
            ['trafficking_labour'],
            ['fraud'],
            ['unlicensed_recruitment'],
            ['trafficking_labour', 'fraud'],
            ['other'],
          ])
  // How far the case has gone: older cases further.
  const age = Math.max(0, (Date.parse(today) - Date.parse(opened)) / 86_400_000)
  const reach = r.next() * Math.min(1, age / 900)
  const steps: {
    action: string
    from: string
    to: string
    on: string
    actor: { id: string; label: string }
    reason?: string
  }[] = []
  let stage = 'under_investigation'
  let at = opened
  const step = (
    action: string,
    to: string,
    days: [number, number],
    actor: { id: string; label: string },
    reason?: string,
  ) => {
    const on = addDays(at, r.int(days[0], days[1]))
    if (on > today) return false
    steps.push({ action, from: stage, to, on, actor, ...(reason ? { reason } : {}) })
    stage = to
    at = on
    return true
  }
  let charged: string | null = null
  let closedReason: string | null = null
  const withdrawn = 'The complainant withdrew and no other witness came forward.'
  if (reach > 0.15 && r.next() < 0.12) {
    if (step('close_without_charge', 'closed', [30, 200], police, withdrawn)) closedReason = withdrawn
  } else if (reach > 0.25 && step('send_to_dpp', 'sent_to_dpp', [30, 240], police)) {
    if (reach > 0.45 && step('charge', 'charged', [20, 200], prosecutor)) {
      charged = at
      if (reach > 0.7 && step('record_verdict', 'verdict', [90, 500], prosecutor)) {
        if (
          reach > 0.85 &&
          step('close', 'closed', [10, 60], prosecutor, 'Sentence served or fine paid; file closed.')
        )
          closedReason = 'Sentence served or fine paid; file closed.'
      }
    }
  }
  made.cases.push({
    id,
    station,
    case_year: year,
    case_number: number,
    district: source.district,
    investigating_officer: r.pick(OFFICERS),
    offences: offences as Insertable<CriminalCasesTable>['offences'],
    reported_on: minDate(source.on, opened),
    opened_on: opened,
    complaint_id: source.kind === 'complaint' ? source.id : null,
    inspection_id: source.kind === 'inspection' ? source.id : null,
    stage: stage as Insertable<CriminalCasesTable>['stage'],
    stage_since: at,
    court: charged ? `${source.district === 'Maseru' ? 'Maseru' : source.district} Magistrate’s Court` : null,
    court_case_number: charged ? `CRI/T/${r.int(1, 999)}/${charged.slice(0, 4)}` : null,
    charged_on: charged,
    closed_reason: stage === 'closed' ? closedReason : null,
    opened_by: police.id || null,
    submission_key: key(),
    version: 1 + steps.length,
  })
  made.events.push({
    case_id: id,
    action: 'open',
    from_stage: null,
    to_stage: 'under_investigation',
    on_date: opened,
    actor_id: police.id || null,
    actor_label: police.label,
  })
  for (const s of steps)
    made.events.push({
      case_id: id,
      action: s.action,
      from_stage: s.from,
      to_stage: s.to,
      on_date: s.on,
      reason: s.reason ?? null,
      actor_id: s.actor.id || null,
      actor_label: s.actor.label,
    })
  // Suspects: the agency named, when one is, and one or two people.
  const verdictOn = steps.find((s) => s.action === 'record_verdict')?.on ?? null
  const ruling = () => {
    if (!verdictOn) return {}
    const verdict = r.pick(['convicted', 'convicted', 'acquitted', 'withdrawn'] as const)
    return verdict === 'convicted'
      ? {
          verdict,
          verdict_on: verdictOn,
          ...(r.next() < 0.5
            ? { prison_months: r.int(6, 120), prison_suspended: r.next() < 0.4 }
            : { fine_minor: r.int(5, 200) * 100_000 }),
        }
      : { verdict, verdict_on: verdictOn }
  }
  if (source.agency_id)
    made.suspects.push({
      case_id: id,
      kind: 'agency',
      agency_id: source.agency_id,
      name: 'Registered agency',
      role: 'recruiter',
      submission_key: key(),
      ...ruling(),
    })
  for (let i = 0; i < r.int(source.agency_id ? 0 : 1, 2); i++) {
    const ofAgency = source.agency_id !== null && r.next() < 0.5
    made.suspects.push({
      case_id: id,
      kind: ofAgency ? 'agency_person' : 'unlisted_recruiter',
      agency_id: ofAgency ? source.agency_id : null,
      agency_link: ofAgency ? 'staff' : null,
      name: r.pick(PEOPLE),
      role: r.pick(['recruiter', 'recruiter', 'transporter', 'organiser', 'exploiter'] as const),
      sex: r.pick(['female', 'male', 'male', 'unknown'] as const),
      age_group: r.pick(['adult', 'adult', 'adult', 'unknown'] as const),
      nationality: r.pick(['LS', 'LS', 'LS', 'ZA', 'unknown']),
      id_number: r.next() < 0.6 ? `0${r.int(10_000_000, 99_999_999)}` : null,
      submission_key: key(),
      ...ruling(),
    })
  }
  if (source.kind === 'inspection' && r.next() < 0.3)
    made.suspects.push({
      case_id: id,
      kind: 'employer',
      name: r.pick(EMPLOYERS),
      role: 'exploiter',
      submission_key: key(),
      ...ruling(),
    })
  // Victims: counts of the people the case is for (an inspection's referrals count with it).
  if (source.kind !== 'inspection' || r.next() < 0.2)
    for (let i = 0; i < r.int(source.kind === 'inspection' ? 1 : 0, 2); i++) {
      const people = r.int(1, 12)
      made.victims.push({
        case_id: id,
        sex: r.pick(['female', 'female', 'male', 'unknown'] as const),
        age_group: r.pick(['adult', 'adult', 'adult', 'under_18', 'unknown'] as const),
        nationality: r.pick(['LS', 'LS', 'LS', 'LS', 'ZA']),
        exploitation: r.pick([
          'forced_labour',
          'forced_labour',
          'domestic_servitude',
          'not_known',
          'other',
        ] as const),
        people,
        referred_nrm: r.int(0, people),
        submission_key: key(),
      })
    }
}

const minDate = (a: string, b: string) => (a < b ? a : b)
