import { sql } from 'kysely'
import { SYSTEM_ACTOR, writeAudit } from '../audit/audit.js'
import { insertUser } from '../auth/accounts.js'
import { hashPassword } from '../auth/password.js'
import type { Database } from '../db/database.js'
import { FOCAL_SERVICES, type FocalService } from '../focal-points/services.js'
import { refreshWorksiteFacts } from '../inspections/worksite-facts.js'
import { formatLicenceNumber } from '../licence-number.js'
import { todayInLesotho } from '../time.js'
import type { District } from '../vocabulary.js'
import { seedCases } from './cases.js'
import { generateComplaint } from './complaints.js'
import {
  type DemoUser,
  demoUsers,
  generateAgency,
  generateWorksite,
  type Random,
  seededRandom,
} from './generate.js'
import { generateInspection } from './inspections.js'
import { generateJobOffers } from './job-offers.js'
import { DEMO_FATES, generateLicensingHistory, seededUuid } from './licensing-history.js'

export interface SeedOptions {
  /** Number of agencies; worksites are a quarter of it (at least a dozen). */
  agencies: number
  /** Complaints from the public; twice the agencies unless given. */
  complaints?: number
  /** Worksites; a quarter of the agencies (at least a dozen) unless given. */
  worksites?: number
  /** Inspections of those worksites; five per worksite unless given. */
  inspections?: number
  /** Criminal cases the police open directly, beside those from referrals; one per 50 agencies unless given. */
  cases?: number
  /** Criminal cases in all instead: four in five from referrals where there are enough, the rest direct. */
  totalCases?: number
  seed?: number
  onProgress?: (done: number, total: number) => void
}

const BATCH = 1000

/** Fills a freshly migrated database: demo users, then agencies and worksites in batches. */
export async function seedDemoData(
  db: Database,
  options: SeedOptions,
): Promise<{ users: DemoUser[]; worksites: number; complaints: number; inspections: number }> {
  const random = seededRandom(options.seed ?? 2026)
  const users = demoUsers()
  let officer = { id: '', label: '' }
  let inspector = { id: '', label: '' }
  let police = ''
  let policeActor = { id: '', label: 'Police' }
  let prosecutor = { id: '', label: 'Prosecutor' }
  for (const u of users) {
    const inserted = await insertUser(db, {
      email: u.email,
      name: u.name,
      role: u.role,
      homeDistrict: u.district,
      passwordHash: await hashPassword(u.password),
      mustChangePassword: false,
    })
    if (u.role === 'licensing_officer') officer = { id: inserted.id, label: inserted.name }
    if (u.role === 'inspector') inspector = { id: inserted.id, label: inserted.name }
    if (u.role === 'police_officer') {
      police = inserted.id
      policeActor = { id: inserted.id, label: inserted.name }
    }
    if (u.role === 'prosecutor') prosecutor = { id: inserted.id, label: inserted.name }
  }
  const today = todayInLesotho()
  // Licence numbers run per year of first issue, as the registry issues them.
  const sequences = new Map<number, number>()
  const agencyIds: string[] = []
  const offerCodes = new Set<string>()
  for (let start = 0; start < options.agencies; start += BATCH) {
    const agencies = []
    const histories = []
    for (let i = start; i < Math.min(options.agencies, start + BATCH); i++) {
      const id = seededUuid(random)
      agencies.push({ id, ...generateAgency(random, i) })
      agencyIds.push(id)
      histories.push(generateLicensingHistory(random, id, today, DEMO_FATES[i]))
    }
    const licences = histories.flatMap((h) => {
      if (!h.licence) return []
      const { issueYear, ...licence } = h.licence
      const sequence = (sequences.get(issueYear) ?? 0) + 1
      sequences.set(issueYear, sequence)
      return [{ ...licence, licence_number: formatLicenceNumber(issueYear, sequence) }]
    })
    await db.insertInto('agencies').values(agencies).execute()
    await db
      .insertInto('agency_people')
      .values(histories.flatMap((h) => h.people))
      .execute()
    if (licences.length) await db.insertInto('licences').values(licences).execute()
    const applications = histories.flatMap((h) => h.applications)
    if (applications.length) await db.insertInto('licence_applications').values(applications).execute()
    await db
      .insertInto('licence_events')
      .values(histories.flatMap((h) => h.events))
      .execute()
    // Two job offers for each agency that holds a licence (in force or not: a suspended agency's
    // approved offer shows what a worker is told then).
    const offers = histories.flatMap((h, n) =>
      h.licence
        ? [generateJobOffers(random, h.licence.agency_id, start + n, today, officer, offerCodes)]
        : [],
    )
    if (offers.length) {
      await db
        .insertInto('job_offers')
        .values(offers.flatMap((o) => o.offers))
        .execute()
      await db
        .insertInto('job_offer_events')
        .values(offers.flatMap((o) => o.events))
        .execute()
    }
    options.onProgress?.(start + agencies.length, options.agencies)
  }
  if (sequences.size > 0) {
    await db
      .insertInto('licence_number_counters')
      .values([...sequences].map(([year, last_sequence]) => ({ year, last_sequence })))
      .onConflict((oc) =>
        oc.column('year').doUpdateSet((eb) => ({ last_sequence: eb.ref('excluded.last_sequence') })),
      )
      .execute()
  }
  const worksites = options.worksites ?? Math.max(12, Math.floor(options.agencies / 4))
  const worksiteFacts: { id: string; approxWorkers: number }[] = []
  for (let start = 0; start < worksites; start += BATCH) {
    const rows = []
    for (let i = start; i < Math.min(worksites, start + BATCH); i++) {
      const row = { id: seededUuid(random), ...generateWorksite(random) }
      rows.push(row)
      worksiteFacts.push({ id: row.id, approxWorkers: row.approx_workers ?? 1 })
    }
    await db.insertInto('worksites').values(rows).execute()
  }
  const complaints = options.complaints ?? options.agencies * 2
  const references = new Set<string>()
  for (let start = 0; start < complaints; start += BATCH) {
    const batch = []
    for (let i = start; i < Math.min(complaints, start + BATCH); i++) {
      const agencyId = random.next() < 0.75 ? random.pick(agencyIds) : null
      batch.push(generateComplaint(random, i, agencyId, today, officer, references))
    }
    await db
      .insertInto('complaints')
      .values(batch.map((b) => b.complaint))
      .execute()
    const events = batch.flatMap((b) => b.events)
    if (events.length) await db.insertInto('complaint_events').values(events).execute()
  }
  const inspections = options.inspections ?? worksites * 5
  await seedInspections(db, random, inspections, worksiteFacts, agencyIds, today, inspector)
  await confirmJointOperations(db, police)
  const cases = await seedCases(db, random, {
    today,
    police: policeActor,
    prosecutor,
    direct: options.cases ?? Math.max(6, Math.floor(options.agencies / 50)),
    ...(options.totalCases === undefined ? {} : { total: options.totalCases }),
    agencyIds,
  })
  await seedFocalPoints(db)
  await refreshWorksiteFacts(db)
  // One entry for the whole load: who put this data here and how much.
  await writeAudit(db, SYSTEM_ACTOR, {
    action: 'demo.seeded',
    entity: 'registry',
    after: { users: users.length, agencies: options.agencies, worksites, complaints, inspections, cases },
  })
  return { users, worksites, complaints, inspections }
}

/** Seven in ten planned joint operations confirmed by the police officer, the day after the visit. */
async function confirmJointOperations(db: Database, police: string) {
  if (!police) return
  await sql`
    insert into inspection_confirmations (inspection_id, inspection_version, record_user_id, record_service,
      confirmed_by, confirmed_service, method, confirmed_at)
    select id, version, submitted_by, 'labour', ${police}::uuid, 'police', 'own_account', submitted_at + interval '1 day'
    from inspections
    where status = 'submitted' and type = 'joint_operation' and abs(hashtext(id::text)) % 10 < 7`.execute(db)
  await sql`
    update inspections i set confirmed_version = c.inspection_version
    from inspection_confirmations c where c.inspection_id = i.id`.execute(db)
}

async function seedInspections(
  db: Database,
  random: Random,
  count: number,
  worksites: { id: string; approxWorkers: number }[],
  agencyIds: string[],
  today: string,
  inspector: { id: string; label: string },
) {
  for (let start = 0; start < count; start += BATCH) {
    const batch = []
    for (let i = start; i < Math.min(count, start + BATCH); i++)
      batch.push(generateInspection(random, i, random.pick(worksites), agencyIds, today, inspector))
    await db
      .insertInto('inspections')
      .values(batch.map((b) => b.inspection))
      .execute()
    const indicators = batch.flatMap((b) => b.indicators)
    if (indicators.length) await db.insertInto('inspection_indicators').values(indicators).execute()
    const recruiters = batch.flatMap((b) => b.recruiters)
    if (recruiters.length) await db.insertInto('inspection_recruiters').values(recruiters).execute()
    const referrals = batch.flatMap((b) => b.referrals)
    if (referrals.length) await db.insertInto('inspection_referrals').values(referrals).execute()
    const followUps = batch.flatMap((b) => b.followUps)
    if (followUps.length) await db.insertInto('inspection_follow_ups').values(followUps).execute()
    const findings = batch.flatMap((b) => b.findings)
    if (findings.length) await db.insertInto('inspection_findings').values(findings).execute()
    const decisions = batch.flatMap((b) => b.decisions)
    if (decisions.length)
      await sql`
        update inspection_findings f
        set status = d.status, proven_categories = d.proven, demerit_points = d.points,
            reason = 'Checked with the workers and the agency.', decided_at = d.decided_at,
            decided_by = d.decided_by
        from jsonb_to_recordset(${JSON.stringify(decisions)}::jsonb) as d(
          inspection_id uuid, agency_id uuid, status text, proven text[], points integer,
          decided_at timestamptz, decided_by uuid)
        where f.inspection_id = d.inspection_id and f.agency_id = d.agency_id`.execute(db)
  }
}

/**
 * Made-up office lines for seven districts' focal points (fictional numbers), so the public
 * pages show some and the dashboard shows the districts still lacking them.
 */
async function seedFocalPoints(db: Database) {
  const towns: [District, string][] = [
    ['Maseru', 'Maseru'],
    ['Leribe', 'Hlotse'],
    ['Berea', 'Teyateyaneng'],
    ['Mafeteng', 'Mafeteng'],
    ["Mohale's Hoek", "Mohale's Hoek"],
    ['Butha-Buthe', 'Butha-Buthe'],
    ['Quthing', 'Quthing'],
  ]
  const offices: Record<FocalService, (town: string) => string> = {
    police: (town) => `${town} Police Station, Child and Gender Protection Unit`,
    labour: (town) => `${town} District Labour Office`,
    social_welfare: (town) => `${town} Department of Social Development`,
    shelter: () => 'Shelter helpline (NGO)',
  }
  const rows = towns.flatMap(([district, town], d) =>
    FOCAL_SERVICES.filter((service) => !(d >= 5 && service === 'shelter')).map((service, s) => ({
      district,
      service,
      office: offices[service](town),
      phone: `+266 22${String(30 + d).padStart(2, '0')} ${String(1000 + s * 111)}`,
      address: `${town} camp town`,
      hours: 'Monday to Friday, 8:00 to 16:30',
    })),
  )
  await db.insertInto('focal_points').values(rows).execute()
}
