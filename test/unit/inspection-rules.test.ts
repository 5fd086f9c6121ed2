import { describe, expect, it } from 'vitest'
import { COMPLAINT_CATEGORIES, pointsForFinding } from '../../src/complaints/rules.js'
import {
  RISK_CEILINGS,
  SECTOR_RISK,
  type WorksiteRiskFacts,
  worksiteRisk,
} from '../../src/inspections/risk.js'
import {
  findingsFromInspection,
  headcountProblems,
  INDICATOR_CATEGORY,
  INDICATORS,
  type Indicator,
  type IndicatorLevel,
  totalVictims,
} from '../../src/inspections/rules.js'
import { SECTOR_LABELS, SECTORS } from '../../src/vocabulary.js'

const A = 'agency-a'
const B = 'agency-b'
const observedAll = (level: IndicatorLevel) =>
  Object.fromEntries(INDICATORS.map((i) => [i, level])) as Record<Indicator, IndicatorLevel>

describe('findings an inspection raises against recruiters', () => {
  it('has all 11 ILO indicators, each mapped to a complaint category', () => {
    expect(INDICATORS).toHaveLength(11)
    for (const i of INDICATORS) expect(COMPLAINT_CATEGORIES).toContain(INDICATOR_CATEGORY[i])
  })

  it('raises a fee finding when workers said they paid a registered agency', () => {
    expect(findingsFromInspection([{ agencyId: A, feeAmountMinor: 150_000, indicators: [] }], {})).toEqual([
      { agencyId: A, categories: ['recruitment_fee'], indicators: [], feeReported: true },
    ])
  })

  it('raises nothing for a recruiter paid nothing and linked to no indicator', () => {
    expect(findingsFromInspection([{ agencyId: A, feeAmountMinor: 0, indicators: [] }], {})).toEqual([])
    expect(findingsFromInspection([{ agencyId: A, feeAmountMinor: null, indicators: [] }], {})).toEqual([])
  })

  it('raises nothing against an unlisted recruiter (that goes to the unlicensed list)', () => {
    expect(
      findingsFromInspection([{ agencyId: null, feeAmountMinor: 80_000, indicators: ['deception'] }], {
        deception: 'observed',
      }),
    ).toEqual([])
  })

  it('counts only indicators observed, not merely suspected or not observed', () => {
    const recruiters = [
      {
        agencyId: A,
        feeAmountMinor: 0,
        indicators: ['deception', 'isolation', 'debt_bondage'] as Indicator[],
      },
    ]
    expect(
      findingsFromInspection(recruiters, {
        deception: 'observed',
        isolation: 'suspected',
        debt_bondage: 'not_observed',
      }),
    ).toEqual([{ agencyId: A, categories: ['deception'], indicators: ['deception'], feeReported: false }])
    expect(findingsFromInspection(recruiters, observedAll('suspected'))).toEqual([])
  })

  it('ignores an indicator observed at the worksite but not linked to the recruiter', () => {
    const recruiters = [{ agencyId: A, feeAmountMinor: 0, indicators: [] as Indicator[] }]
    expect(findingsFromInspection(recruiters, observedAll('observed'))).toEqual([])
  })

  it('merges two lines for the same agency and keeps categories in a stable order without repeats', () => {
    const found = findingsFromInspection(
      [
        { agencyId: A, feeAmountMinor: 0, indicators: ['withholding_of_wages', 'deception'] },
        { agencyId: A, feeAmountMinor: 50_000, indicators: ['isolation', 'excessive_overtime', 'deception'] },
        { agencyId: B, feeAmountMinor: 0, indicators: ['retention_of_identity_documents'] },
      ],
      observedAll('observed'),
    )
    expect(found).toEqual([
      {
        agencyId: A,
        categories: ['recruitment_fee', 'deception', 'other', 'wages_withheld'],
        indicators: ['deception', 'isolation', 'withholding_of_wages', 'excessive_overtime'],
        feeReported: true,
      },
      {
        agencyId: B,
        categories: ['documents_retained'],
        indicators: ['retention_of_identity_documents'],
        feeReported: false,
      },
    ])
  })

  it('weighs a substantiated inspection finding like a complaint proving the same', () => {
    const [finding] = findingsFromInspection(
      [{ agencyId: A, feeAmountMinor: 100_000, indicators: ['retention_of_identity_documents'] }],
      { retention_of_identity_documents: 'observed' },
    )
    expect(pointsForFinding(finding!.categories)).toBe(24)
  })
})

describe('headcounts and victims', () => {
  const fine = {
    workers_present: 40,
    workers_interviewed: 12,
    women: 25,
    men: 15,
    under_18: 2,
    foreign_nationals: 5,
  }
  it('accepts counts that add up', () => expect(headcountProblems(fine)).toEqual({}))
  it.each([
    ['workers_interviewed', { workers_interviewed: 41 }],
    ['men', { women: 30, men: 11 }],
    ['under_18', { under_18: 41 }],
    ['foreign_nationals', { foreign_nationals: 41 }],
  ] as const)('refuses %s beyond those present', (field, change) => {
    expect(Object.keys(headcountProblems({ ...fine, ...change }))).toEqual([field])
  })
  it('adds victims across sex and age group', () =>
    expect(totalVictims({ female_under_18: 1, female_adult: 2, male_under_18: 3, male_adult: 4 })).toBe(10))
})

describe('worksite risk score', () => {
  const base: WorksiteRiskFacts = {
    sector: 'hospitality',
    daysSinceLastInspection: 0,
    indicatorsObserved: 0,
    indicatorsSuspected: 0,
    openComplaints: 0,
    flaggedRecruiters: 0,
  }
  const label = (s: (typeof SECTORS)[number]) => SECTOR_LABELS[s]
  const score = (facts: Partial<WorksiteRiskFacts>) => worksiteRisk({ ...base, ...facts }, label)

  it('gives a recently inspected, clean worksite only its sector weight', () => {
    expect(score({})).toEqual({ score: 5, reasons: [{ points: 5, reason: 'Sector: Hospitality' }] })
  })

  it('weighs agriculture and manufacturing above every other sector', () => {
    for (const s of SECTORS) {
      if (s === 'agriculture' || s === 'manufacturing') continue
      expect(SECTOR_RISK.agriculture).toBeGreaterThan(SECTOR_RISK[s])
      expect(SECTOR_RISK.manufacturing).toBeGreaterThan(SECTOR_RISK[s])
    }
  })

  it('puts a never-inspected worksite at the ceiling for time, and grows two points a month otherwise', () => {
    expect(score({ daysSinceLastInspection: null }).reasons[0]).toEqual({
      points: 30,
      reason: 'Never inspected',
    })
    expect(score({ daysSinceLastInspection: 95 }).reasons[0]).toEqual({
      points: 6,
      reason: 'Last inspected 3 months ago',
    })
    expect(score({ daysSinceLastInspection: 3000 }).reasons[0]!.points).toBe(
      RISK_CEILINGS.timeSinceInspection,
    )
    expect(score({ daysSinceLastInspection: 29 }).reasons.map((r) => r.reason)).toEqual([
      'Sector: Hospitality',
    ])
  })

  it('counts observed indicators above suspected ones, up to a ceiling', () => {
    expect(score({ indicatorsObserved: 1 }).reasons[0]).toEqual({
      points: 10,
      reason: '1 forced-labour indicator observed at past inspections',
    })
    expect(score({ indicatorsObserved: 2, indicatorsSuspected: 1 }).reasons[0]).toEqual({
      points: 24,
      reason: '2 forced-labour indicators observed and 1 suspected at past inspections',
    })
    expect(score({ indicatorsSuspected: 2 }).reasons[0]).toEqual({
      points: 8,
      reason: '2 forced-labour indicators suspected at past inspections',
    })
    expect(score({ indicatorsObserved: 30 }).reasons[0]!.points).toBe(RISK_CEILINGS.indicators)
  })

  it('counts open complaints and flagged recruiters, each up to its ceiling', () => {
    expect(score({ openComplaints: 2 }).reasons[0]).toEqual({
      points: 16,
      reason: '2 open complaints about its recruiters',
    })
    expect(score({ openComplaints: 50 }).reasons[0]!.points).toBe(RISK_CEILINGS.complaints)
    expect(score({ flaggedRecruiters: 1 }).reasons[0]).toEqual({
      points: 12,
      reason: 'Supplied by 1 flagged recruiter',
    })
    expect(score({ flaggedRecruiters: 9 }).reasons[0]!.points).toBe(RISK_CEILINGS.flaggedRecruiters)
  })

  it('adds the parts, lists the reasons largest first, and ranks the riskier worksite higher', () => {
    const farm = worksiteRisk(
      {
        sector: 'agriculture',
        daysSinceLastInspection: null,
        indicatorsObserved: 1,
        indicatorsSuspected: 0,
        openComplaints: 1,
        flaggedRecruiters: 2,
      },
      label,
    )
    expect(farm.score).toBe(30 + 10 + 8 + 24 + 15)
    expect(farm.reasons.map((r) => r.points)).toEqual([30, 24, 15, 10, 8])
    const hotel = score({ daysSinceLastInspection: 400 })
    expect(farm.score).toBeGreaterThan(hotel.score)
    const max = worksiteRisk(
      {
        sector: 'agriculture',
        daysSinceLastInspection: null,
        indicatorsObserved: 99,
        indicatorsSuspected: 99,
        openComplaints: 99,
        flaggedRecruiters: 99,
      },
      label,
    )
    expect(max.score).toBe(30 + 40 + 24 + 36 + 15)
  })
})
