import {
  EXPLOITATION_FORMS,
  EXPLOITATION_LABELS,
  SUSPECT_ROLE_LABELS,
  SUSPECT_ROLES,
} from '../../src/cases/parties.js'
import { OFFENCE_LABELS, OFFENCES } from '../../src/cases/stages.js'
import { formatMonth } from '../../src/format.js'
import { INDICATORS } from '../../src/inspections/rules.js'
import { CENSUS } from '../../src/reports/census.js'
import type { DashboardFigures } from '../../src/reports/figures.js'
import { CATEGORY_LABELS, STATUS_LABELS } from '../complaints/labels.js'
import { DESTINATION_LABELS, INDICATOR_LABELS, TYPE_LABELS } from '../inspections/labels.js'

// Each table of the dashboard, defined once: the page shows it and the CSV download of the
// same name gives the same header and rows, so the two never disagree.

export type Cell = string | number
export interface FigureTable {
  id: string
  title: string
  /** What is counted, and how, in a sentence under the title. */
  about: string
  header: string[]
  rows: (f: DashboardFigures) => Cell[][]
  /** Drawn beside the table where a picture reads faster: label and value columns. */
  chart?: 'bars' | 'months'
  /** Said when there are no rows, for a table not about the period ("None in this period"). */
  empty?: string
}

const LICENCE_STATUS_LABELS: Record<string, string> = {
  active: 'Licensed',
  expired: 'Expired',
  suspended: 'Suspended',
  revoked: 'Revoked',
  surrendered: 'Surrendered',
}

/** A share as a percentage with one decimal, or a dash when there is nothing to share. */
export const percent = (part: number, whole: number) =>
  whole === 0 ? '–' : `${Math.round((part / whole) * 1000) / 10}%`

export const FIGURE_TABLES: FigureTable[] = [
  {
    id: 'licences-by-status',
    title: 'Licences by status today',
    about: 'Every licence of the agencies in the district or sector, as it stands today.',
    header: ['Status', 'Licences'],
    rows: (f) => f.licencesByStatus.map((r) => [LICENCE_STATUS_LABELS[r.status] ?? r.status, r.count]),
    empty: 'No licences in the district or sector today.',
  },
  {
    id: 'applications',
    title: 'Applications decided',
    about: 'Licence applications decided in the period, and the median time from application to decision.',
    header: ['Approved', 'Refused', 'Withdrawn', 'Median days to decision'],
    rows: (f) => [
      [
        f.applications.approved,
        f.applications.refused,
        f.applications.withdrawn,
        f.applications.medianDays ?? '–',
      ],
    ],
  },
  {
    id: 'complaints-by-category',
    title: 'Complaints by category',
    about: 'Complaints received in the period; one complaint can name several categories.',
    header: ['Category', 'Complaints'],
    rows: (f) => f.complaintsByCategory.map((r) => [CATEGORY_LABELS[r.category], r.count]),
    chart: 'bars',
  },
  {
    id: 'complaints-by-status',
    title: 'Complaints by status',
    about: 'Where the complaints received in the period stand today.',
    header: ['Status', 'Complaints'],
    rows: (f) => f.complaintsByStatus.map((r) => [STATUS_LABELS[r.status], r.count]),
  },
  {
    id: 'complaint-outcomes',
    title: 'Complaints decided and referred',
    about:
      'Complaints decided in the period, the share substantiated, and those referred to the police in the period.',
    header: ['Received', 'Decided', 'Substantiated', 'Substantiation rate', 'Referred to the police'],
    rows: (f) => [
      [
        f.complaints.received,
        f.complaints.decided,
        f.complaints.substantiated,
        percent(f.complaints.substantiated, f.complaints.decided),
        f.complaints.referredToPolice,
      ],
    ],
  },
  {
    id: 'inspections-by-type',
    title: 'Inspections by type',
    about: 'Inspections submitted for visits in the period.',
    header: ['Type', 'Inspections'],
    rows: (f) => f.inspectionsByType.map((r) => [TYPE_LABELS[r.type], r.count]),
    chart: 'bars',
  },
  {
    id: 'joint-operations',
    title: 'Joint operations confirmed by both services',
    about:
      'Inspections planned as joint operations, and inspections confirmed by both services: submitted by a labour inspector and confirmed by the police officer on the team (or the other way round), as the record now stands; an amendment after the confirmation asks for it again.',
    header: [
      'Inspections',
      'Planned as joint operations',
      'Confirmed by both services',
      'Share of all inspections',
    ],
    rows: (f) => [
      [
        f.inspections.total,
        f.inspections.plannedJoint,
        f.inspections.confirmedByBoth,
        percent(f.inspections.confirmedByBoth, f.inspections.total),
      ],
    ],
  },
  {
    id: 'inspection-findings',
    title: 'Forced labour found and investigations opened',
    about:
      'Inspections in the period that observed at least one of the 11 ILO forced-labour indicators (suspected ones are not counted), and those that opened a criminal investigation.',
    header: ['Inspections', 'With an indicator observed', 'Share', 'Criminal investigations opened'],
    rows: (f) => [
      [
        f.inspections.total,
        f.inspections.withIndicator,
        percent(f.inspections.withIndicator, f.inspections.total),
        f.inspections.criminalInvestigations,
      ],
    ],
  },
  {
    id: 'indicators',
    title: 'Forced-labour indicators observed',
    about: 'How many inspections in the period observed each indicator.',
    header: ['Indicator', 'Inspections where observed'],
    rows: (f) => {
      const counts = new Map(f.indicatorsObserved.map((r) => [r.indicator, r.count]))
      return INDICATORS.map((i): Cell[] => [INDICATOR_LABELS[i], counts.get(i) ?? 0]).sort(
        (a, b) => Number(b[1]) - Number(a[1]),
      )
    },
    chart: 'bars',
  },
  {
    id: 'victims-by-group',
    title: 'Potential victims referred, by sex and age',
    about:
      'People identified at inspections in the period and referred through the National Referral Mechanism.',
    header: ['Group', 'Potential victims'],
    rows: (f) => [
      ['Girls under 18', f.victimsByGroup.femaleUnder18],
      ['Women 18 and over', f.victimsByGroup.femaleAdult],
      ['Boys under 18', f.victimsByGroup.maleUnder18],
      ['Men 18 and over', f.victimsByGroup.maleAdult],
    ],
    chart: 'bars',
  },
  {
    id: 'victims-by-destination',
    title: 'Potential victims referred, by where they were referred',
    about: 'The same people by the service they were referred to, and how many referrals recorded consent.',
    header: ['Referred to', 'Potential victims', 'With consent recorded'],
    rows: (f) =>
      f.victimsByDestination.map((r) => [DESTINATION_LABELS[r.destination], r.count, r.withConsent]),
  },
  {
    id: 'monthly',
    title: 'Month by month',
    about: 'Inspections (by visit date) and complaints (by date received) in each month of the period.',
    header: ['Month', 'Inspections', 'Complaints'],
    rows: (f) => f.monthly.map((r) => [formatMonth(r.month), r.inspections, r.complaints]),
    chart: 'months',
  },
  {
    id: 'districts',
    title: 'Districts compared',
    about:
      'Each district in the period, most inspections first. Victims and investigations here are those of inspections; the criminal cases have their own tables.',
    header: [
      'District',
      'Inspections',
      'With an indicator observed',
      'Complaints received',
      'Potential victims referred at inspections',
      'Criminal investigations opened at inspections',
    ],
    rows: (f) =>
      f.districts.map((r) => [
        r.district,
        r.inspections,
        r.withIndicator,
        r.complaints,
        r.victims,
        r.criminalInvestigations,
      ]),
  },
  {
    id: 'criminal-cases',
    title: 'Criminal cases by district',
    about:
      'Investigations the police opened in the period, their suspects, prosecutions initiated (charged in the period) and continuing (charged before it, no verdict yet when it began), and the court’s rulings on suspects in the period. Cases have no sector: a sector chosen does not narrow them.',
    header: [
      'District',
      'Investigations opened',
      'Suspects',
      'Prosecutions initiated',
      'Prosecutions continuing',
      'Convicted',
      'Acquitted',
      'Charges withdrawn',
    ],
    rows: (f) =>
      f.lawEnforcement.map((r) => [
        r.district ?? 'Lesotho',
        r.investigations,
        r.suspects,
        r.prosecutionsInitiated,
        r.prosecutionsContinuing,
        r.convicted,
        r.acquitted,
        r.withdrawn,
      ]),
  },
  {
    id: 'cases-by-offence',
    title: 'Criminal cases by offence and by form of exploitation',
    about:
      'Investigations opened, prosecutions initiated (charged) and suspects convicted or acquitted in the period, by the offence the case names and the form of exploitation its victims suffered. A case naming two offences counts under each, and a case without victims recorded has no form: rows do not add up to the totals.',
    header: [
      'Offence or form of exploitation',
      'Investigations opened',
      'Prosecutions initiated',
      'Convicted',
      'Acquitted',
    ],
    rows: (f) => {
      const row = (by: 'offence' | 'exploitation', key: string, label: string) => {
        const r = f.caseBreakdown.find((x) => x.by === by && x.key === key)
        return [
          label,
          r?.investigations ?? 0,
          r?.prosecutionsInitiated ?? 0,
          r?.convicted ?? 0,
          r?.acquitted ?? 0,
        ]
      }
      return [
        ...OFFENCES.map((o) => row('offence', o, OFFENCE_LABELS[o])),
        ...EXPLOITATION_FORMS.map((e) =>
          row('exploitation', e, `Victims: ${EXPLOITATION_LABELS[e].toLowerCase()}`),
        ),
      ]
    },
  },
  {
    id: 'suspects',
    title: 'Suspects, by sex and by role',
    about:
      'The suspects of the investigations opened in the period. Agencies and employers are companies: they have no sex.',
    header: ['Suspects', 'Number'],
    rows: (f) => {
      const all = f.lawEnforcement.at(-1)!
      return [
        ['Women and girls', all.suspectsBySex.female],
        ['Men and boys', all.suspectsBySex.male],
        ['Sex not known', all.suspectsBySex.unknown],
        ['Companies', all.suspectsBySex.legalPersons],
        ...SUSPECT_ROLES.map((role) => [`Role: ${SUSPECT_ROLE_LABELS[role]}`, all.suspectsByRole[role]]),
      ]
    },
  },
  {
    id: 'case-backlog',
    title: 'Open cases on the last day, by stage and age',
    about:
      'Cases not yet given a verdict or closed on the period’s last day (today, for a period not yet over); their age counts from the day the investigation opened.',
    header: ['Open cases', 'Number'],
    rows: (f) => {
      const all = f.lawEnforcement.at(-1)!
      const b = all.backlog
      return [
        ['Under investigation', b.under_investigation],
        ['With the Director of Public Prosecutions', b.sent_to_dpp],
        ['Charged, awaiting the verdict', b.charged],
        ['All open cases', b.under_investigation + b.sent_to_dpp + b.charged],
        ['Open more than 6 months', all.backlogOver[6]],
        ['Open more than 12 months', all.backlogOver[12]],
        ['Open more than 24 months', all.backlogOver[24]],
      ]
    },
  },
  {
    id: 'case-times',
    title: 'How long cases take',
    about: 'Median days, for the cases that reached the step in the period.',
    header: ['From', 'To', 'Median days', 'Cases'],
    rows: (f) => {
      const all = f.lawEnforcement.at(-1)!
      return [
        ['Offence reported', 'Charge', all.medianDaysToCharge.median ?? '–', all.medianDaysToCharge.cases],
        ['Charge', 'Verdict', all.medianDaysToVerdict.median ?? '–', all.medianDaysToVerdict.cases],
      ]
    },
  },
  {
    id: 'victims-detected',
    title: 'Detected potential victims per 100,000 people (SDG 16.2.2)',
    about: `Referred by inspections visited in the period, and recorded on criminal cases opened in it; each counted once. Population: the ${CENSUS.year} census. Not given by sex or age: no census breakdown by sex and age group was found.`,
    header: ['District', 'Potential victims', 'Referred through the NRM', 'Per 100,000 people'],
    rows: (f) =>
      f.victimsDetected.map((r) => [r.district ?? 'Lesotho', r.total, r.referredNrm, r.per100000 ?? '–']),
  },
  {
    id: 'victims-by-exploitation',
    title: 'Detected potential victims, by form of exploitation',
    about: 'Inspections record no form of exploitation: the people they referred count as “not known”.',
    header: ['Form of exploitation', 'Potential victims'],
    rows: (f) => {
      const all = f.victimsDetected.at(-1)!
      return EXPLOITATION_FORMS.map((form) => [EXPLOITATION_LABELS[form], all.byExploitation[form]])
    },
    chart: 'bars',
  },
]

export const FIGURE_TABLE_IDS = FIGURE_TABLES.map((t) => t.id) as [string, ...string[]]
