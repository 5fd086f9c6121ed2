import { describe, expect, it } from 'vitest'
import {
  canChangeParties,
  canOverturn,
  canRecordSuspectVerdict,
  caseFactsOf,
  standsConvicted,
} from '../../src/cases/parties.js'
import { CASE_STAGES, type CaseActor } from '../../src/cases/stages.js'
import { ROLES } from '../../src/vocabulary.js'

const homePolice: CaseActor = { role: 'police_officer', district: 'Maseru' }
const otherPolice: CaseActor = { role: 'police_officer', district: 'Berea' }
const prosecutor: CaseActor = { role: 'prosecutor', district: null }

describe('who adds suspects and victims', () => {
  it('is the police of the district until the DPP charges, then the prosecutor until the ruling', () => {
    const table = Object.fromEntries(
      CASE_STAGES.map((stage) => [
        stage,
        [homePolice, otherPolice, prosecutor].map((a) => canChangeParties(stage, a, 'Maseru')),
      ]),
    )
    expect(table).toEqual({
      under_investigation: [true, false, false],
      sent_to_dpp: [true, false, true],
      charged: [false, false, true],
      verdict: [false, false, false],
      closed: [false, false, false],
    })
  })

  it('is nobody of any other role, at any stage', () => {
    for (const role of ROLES.filter((r) => r !== 'police_officer' && r !== 'prosecutor'))
      for (const stage of CASE_STAGES)
        expect(canChangeParties(stage, { role, district: 'Maseru' }, 'Maseru')).toBe(false)
  })
})

describe('rulings', () => {
  it('are recorded by the prosecutor while the case is in court', () => {
    for (const stage of CASE_STAGES) {
      expect(canRecordSuspectVerdict(stage, prosecutor)).toBe(stage === 'charged')
      expect(canRecordSuspectVerdict(stage, homePolice)).toBe(false)
    }
  })

  it('let the case reach its verdict once every suspect has one', () => {
    expect(caseFactsOf([])).toEqual({ suspects: 0, ruledOnAll: false })
    expect(
      caseFactsOf([
        { verdict: 'convicted', overturned_on: null },
        { verdict: null, overturned_on: null },
      ]),
    ).toEqual({ suspects: 2, ruledOnAll: false })
    expect(
      caseFactsOf([
        { verdict: 'acquitted', overturned_on: null },
        { verdict: 'withdrawn', overturned_on: null },
      ]),
    ).toEqual({ suspects: 2, ruledOnAll: true })
  })

  it('stand as convictions until overturned, and only the prosecutor overturns them', () => {
    const convicted = { verdict: 'convicted' as const, overturned_on: null }
    const overturned = { verdict: 'convicted' as const, overturned_on: '2026-11-30' }
    expect(standsConvicted(convicted)).toBe(true)
    expect(standsConvicted(overturned)).toBe(false)
    expect(standsConvicted({ verdict: 'acquitted', overturned_on: null })).toBe(false)
    expect(canOverturn(convicted, prosecutor)).toBe(true)
    expect(canOverturn(convicted, homePolice)).toBe(false)
    expect(canOverturn(overturned, prosecutor)).toBe(false)
    expect(canOverturn({ verdict: 'acquitted', overturned_on: null }, prosecutor)).toBe(false)
  })
})
