import { CENSUS } from './census.js'
import type { LawEnforcementRow } from './law-enforcement.js'
import type { ReportFilters } from './schemas.js'
import { applySuppression, type CellRef, type Equation, suppressCells } from './suppression.js'
import type { VictimsRow } from './victims.js'

// The law-enforcement and victims tables of the TIP data export, each field defined once with
// its meaning (the README lists them too), and the sums each table gives away, so that small
// counts can be suppressed on request (suppression.ts).

export type Value = string | number | null
export interface FieldDef<R> {
  name: string
  meaning: string
  value: (row: R, f: ReportFilters) => Value
  /** A count (suppressed when small), a value built on counts (hidden with them), or a label. */
  kind: 'count' | 'built' | 'label'
  /** For a built value: the fields it is built on. */
  builtOn?: string[]
}

export interface PublishedTable {
  fields: { name: string; meaning: string }[]
  rows: Value[][]
}

const place = (d: string | null) => d ?? 'Lesotho'
const periodFields = <R extends { district: string | null }>(): FieldDef<R>[] => [
  {
    name: 'period_start',
    meaning: 'First day counted (YYYY-MM-DD).',
    value: (_r, f) => f.from,
    kind: 'label',
  },
  { name: 'period_end', meaning: 'Last day counted.', value: (_r, f) => f.to, kind: 'label' },
  {
    name: 'district',
    meaning: 'The district, or "Lesotho" for the whole country (the sum of the districts).',
    value: (r) => place(r.district),
    kind: 'label',
  },
]
const count = <R>(name: string, meaning: string, value: (r: R) => number): FieldDef<R> => ({
  name,
  meaning,
  value,
  kind: 'count',
})

export const LAW_ENFORCEMENT_FIELDS: FieldDef<LawEnforcementRow>[] = [
  ...periodFields<LawEnforcementRow>(),
  count(
    'investigations_opened',
    'Criminal cases the police opened in the period (the case’s district).',
    (r) => r.investigations,
  ),
  count(
    'investigations_trafficking_labour',
    'Of those, naming trafficking in persons for labour exploitation (a case can name several offences).',
    (r) => r.byOffence.trafficking_labour,
  ),
  count(
    'investigations_trafficking_other',
    'Naming other trafficking in persons.',
    (r) => r.byOffence.trafficking_other,
  ),
  count('investigations_fraud', 'Naming fraud.', (r) => r.byOffence.fraud),
  count(
    'investigations_unlicensed_recruitment',
    'Naming unlicensed recruitment or charging recruitment fees (labour law).',
    (r) => r.byOffence.unlicensed_recruitment,
  ),
  count('investigations_other_offence', 'Naming another offence.', (r) => r.byOffence.other),
  count(
    'suspects_investigated',
    'Suspects in the cases opened in the period: people and companies.',
    (r) => r.suspects,
  ),
  count('suspects_female', 'Of those, women and girls.', (r) => r.suspectsBySex.female),
  count('suspects_male', 'Men and boys.', (r) => r.suspectsBySex.male),
  count('suspects_sex_not_known', 'People whose sex is not known.', (r) => r.suspectsBySex.unknown),
  count('suspects_legal_persons', 'Agencies and employers (companies).', (r) => r.suspectsBySex.legalPersons),
  count('suspects_recruiters', 'Suspects by role: recruiters.', (r) => r.suspectsByRole.recruiter),
  count('suspects_transporters', 'Transporters.', (r) => r.suspectsByRole.transporter),
  count(
    'suspects_exploiters',
    'Exploiters (employers or controllers of the work).',
    (r) => r.suspectsByRole.exploiter,
  ),
  count('suspects_organisers', 'Organisers or financiers.', (r) => r.suspectsByRole.organiser),
  count('suspects_other_role', 'Another role.', (r) => r.suspectsByRole.other),
  count('prosecutions_initiated', 'Cases charged in court in the period.', (r) => r.prosecutionsInitiated),
  count(
    'prosecutions_continuing',
    'Cases charged before the period and not yet given their verdict when it began.',
    (r) => r.prosecutionsContinuing,
  ),
  count(
    'suspects_convicted',
    'Suspects the court convicted in the period (including convictions later overturned).',
    (r) => r.convicted,
  ),
  count('suspects_acquitted', 'Suspects acquitted in the period.', (r) => r.acquitted),
  count(
    'suspects_charges_withdrawn',
    'Suspects whose charges were withdrawn in the period.',
    (r) => r.withdrawn,
  ),
  count(
    'backlog_under_investigation',
    'Open cases on the period’s last day (today, for a period not yet over): under investigation.',
    (r) => r.backlog.under_investigation,
  ),
  count(
    'backlog_sent_to_dpp',
    'With the Director of Public Prosecutions, not yet charged.',
    (r) => r.backlog.sent_to_dpp,
  ),
  count('backlog_charged', 'Charged, awaiting the verdict.', (r) => r.backlog.charged),
  count(
    'backlog_total',
    'All open cases on the period’s last day (the three above).',
    (r) => r.backlog.under_investigation + r.backlog.sent_to_dpp + r.backlog.charged,
  ),
  count(
    'backlog_over_6_months',
    'Of those, open more than 6 months since the investigation opened.',
    (r) => r.backlogOver[6],
  ),
  count('backlog_over_12_months', 'Open more than 12 months.', (r) => r.backlogOver[12]),
  count('backlog_over_24_months', 'Open more than 24 months.', (r) => r.backlogOver[24]),
  {
    name: 'median_days_reported_to_charge',
    meaning:
      'For the cases charged in the period: median days from the offence reported to the charge (empty when none).',
    value: (r) => r.medianDaysToCharge.median,
    kind: 'built',
    builtOn: ['prosecutions_initiated'],
  },
  count('verdicts_given', 'Cases given their verdict in the period.', (r) => r.medianDaysToVerdict.cases),
  {
    name: 'median_days_charge_to_verdict',
    meaning: 'For those: median days from the charge to the verdict (empty when none).',
    value: (r) => r.medianDaysToVerdict.median,
    kind: 'built',
    builtOn: ['verdicts_given'],
  },
]

export const VICTIMS_FIELDS: FieldDef<VictimsRow>[] = [
  ...periodFields<VictimsRow>(),
  count('victims_female_under_18', 'Detected potential victims: girls under 18.', (r) => r.femaleUnder18),
  count('victims_female_18_and_over', 'Women 18 and over.', (r) => r.femaleAdult),
  count('victims_male_under_18', 'Boys under 18.', (r) => r.maleUnder18),
  count('victims_male_18_and_over', 'Men 18 and over.', (r) => r.maleAdult),
  count('victims_sex_or_age_not_known', 'Sex or age group not known.', (r) => r.unknown),
  count(
    'victims_total',
    'All detected potential victims: referred by inspections visited in the period, and recorded on cases opened in it; each counted once.',
    (r) => r.total,
  ),
  count(
    'exploitation_forced_labour',
    'By form of exploitation: forced labour.',
    (r) => r.byExploitation.forced_labour,
  ),
  count('exploitation_domestic_servitude', 'Domestic servitude.', (r) => r.byExploitation.domestic_servitude),
  count('exploitation_sexual', 'Sexual exploitation.', (r) => r.byExploitation.sexual_exploitation),
  count(
    'exploitation_forced_criminality',
    'Forced criminal activity.',
    (r) => r.byExploitation.forced_criminality,
  ),
  count('exploitation_other', 'Another form.', (r) => r.byExploitation.other),
  count(
    'exploitation_not_known',
    'Not known (inspections record no form of exploitation).',
    (r) => r.byExploitation.not_known,
  ),
  count(
    'referred_through_nrm',
    'Of all, those referred for assistance through the National Referral Mechanism.',
    (r) => r.referredNrm,
  ),
  {
    name: `population_${CENSUS.year}`,
    meaning: `Population at the ${CENSUS.year} census (${CENSUS.source}).`,
    value: (r) => r.population,
    kind: 'label',
  },
  {
    name: 'sdg_16_2_2_victims_per_100000',
    meaning: `SDG indicator 16.2.2: detected victims per 100,000 population (${CENSUS.year} census), two decimals. Not given by sex or age: no ${CENSUS.year} census breakdown by sex and age group was found.`,
    value: (r) => r.per100000,
    kind: 'built',
    builtOn: ['victims_total'],
  },
]

/** The sums a table gives away, by field name: each row's breakdowns, and each column's districts. */
interface Sums {
  /** In each row: these fields sum to that one. */
  rowSums: { parts: string[]; total: string }[]
  /** In each row: these two breakdowns sum to the same. */
  sameTotals?: [string[], string[]][]
}

const LAW_SUMS: Sums = {
  rowSums: [
    {
      parts: ['suspects_female', 'suspects_male', 'suspects_sex_not_known', 'suspects_legal_persons'],
      total: 'suspects_investigated',
    },
    {
      parts: [
        'suspects_recruiters',
        'suspects_transporters',
        'suspects_exploiters',
        'suspects_organisers',
        'suspects_other_role',
      ],
      total: 'suspects_investigated',
    },
    {
      parts: ['backlog_under_investigation', 'backlog_sent_to_dpp', 'backlog_charged'],
      total: 'backlog_total',
    },
  ],
}
const VICTIM_SUMS: Sums = {
  rowSums: [
    {
      parts: [
        'victims_female_under_18',
        'victims_female_18_and_over',
        'victims_male_under_18',
        'victims_male_18_and_over',
        'victims_sex_or_age_not_known',
      ],
      total: 'victims_total',
    },
    {
      parts: [
        'exploitation_forced_labour',
        'exploitation_domestic_servitude',
        'exploitation_sexual',
        'exploitation_forced_criminality',
        'exploitation_other',
        'exploitation_not_known',
      ],
      total: 'victims_total',
    },
  ],
}

/**
 * A table's rows as published, small counts suppressed when asked. `national`: the last row is
 * the sum of the others (each count column is then a sum too).
 */
export function publish<R>(
  fields: FieldDef<R>[],
  sums: Sums,
  rows: R[],
  f: ReportFilters,
  options: { national: boolean; suppressBelow?: number | undefined },
): PublishedTable {
  const values = rows.map((row) => fields.map((field) => field.value(row, f)))
  const out = { fields: fields.map(({ name, meaning }) => ({ name, meaning })) }
  if (!options.suppressBelow) return { ...out, rows: values }
  const col = (name: string) => fields.findIndex((field) => field.name === name)
  const equations: Equation[] = []
  values.forEach((_, r) => {
    for (const sum of sums.rowSums)
      equations.push([...sum.parts, sum.total].map((name) => [r, col(name)] as CellRef))
    for (const [a, b] of sums.sameTotals ?? [])
      equations.push([...a, ...b].map((name) => [r, col(name)] as CellRef))
  })
  if (options.national && values.length > 1)
    fields.forEach((field, c) => {
      if (field.kind === 'count') equations.push(values.map((_, r) => [r, c] as CellRef))
    })
  const isCount = (_r: number, c: number) => fields[c]!.kind === 'count'
  const suppressed = suppressCells(values, isCount, equations, options.suppressBelow)
  const builtOn = (r: number, c: number) =>
    (fields[c]!.builtOn ?? []).map((name) => [r, col(name)] as CellRef)
  return { ...out, rows: applySuppression(values, suppressed, options.suppressBelow, builtOn) }
}

export const lawEnforcementTable = (rows: LawEnforcementRow[], f: ReportFilters, suppressBelow?: number) =>
  publish(LAW_ENFORCEMENT_FIELDS, LAW_SUMS, rows, f, { national: f.district === null, suppressBelow })

export const victimsTable = (rows: VictimsRow[], f: ReportFilters, suppressBelow?: number) =>
  publish(VICTIMS_FIELDS, VICTIM_SUMS, rows, f, { national: f.district === null, suppressBelow })

const INSPECTION_LABELS = new Set(['period_start', 'period_end', 'district', 'sector'])
const INSPECTION_SHARE = 'confirmed_by_both_services_share_of_all_inspections'
const VICTIMS_BY_GROUP = [
  'victims_female_under_18',
  'victims_female_18_and_over',
  'victims_male_under_18',
  'victims_male_18_and_over',
]
const VICTIMS_BY_DESTINATION = [
  'referred_to_social_welfare',
  'referred_to_ngo_shelter',
  'referred_to_health_services',
  'referred_to_police_anti_trafficking_unit',
]

/**
 * The inspections table of the TIP export (one row per district and sector), small counts
 * suppressed: in each row the victims by sex and age and the same people by where they were
 * referred add up to the same total, so either breakdown gives the other away.
 */
export function suppressInspectionTable(names: string[], rows: Value[][], suppressBelow: number): Value[][] {
  const col = (name: string) => names.indexOf(name)
  const equations: Equation[] = rows.map((_, r) =>
    [...VICTIMS_BY_GROUP, ...VICTIMS_BY_DESTINATION].map((name) => [r, col(name)] as CellRef),
  )
  const isCount = (_r: number, c: number) =>
    !INSPECTION_LABELS.has(names[c]!) && names[c] !== INSPECTION_SHARE
  const suppressed = suppressCells(rows, isCount, equations, suppressBelow)
  const builtOn = (r: number, c: number): CellRef[] =>
    names[c] === INSPECTION_SHARE
      ? [
          [r, col('joint_operations_confirmed_by_both_services')],
          [r, col('inspections')],
        ]
      : []
  return applySuppression(rows, suppressed, suppressBelow, builtOn)
}
