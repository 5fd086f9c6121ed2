import { describe, expect, it } from 'vitest'
import { messagesFor } from '../../src/i18n/messages.js'
import type { PublicOffer } from '../../src/job-offers/queries.js'
import type { PublicAgency } from '../../src/public/queries.js'
import { plainText, USSD_MAX_LENGTH, type UssdStep, ussdReply, ussdStep } from '../../src/public/ussd.js'

const agency = (name: string, standing: PublicAgency['standing'] = 'licensed'): PublicAgency => ({
  name,
  trading_names: [],
  licence_number: 'LRA-2026-00001',
  standing,
  issued_on: '2026-01-01',
  expires_on: '2026-12-31',
  suspended_until: null,
  status_since: null,
  district: 'Maseru',
  sectors: [],
  warnings: [],
  open_offers: [],
  public_reason: null,
  pending_investigation: false,
  public_conditions: [],
  convicted_on: null,
})

describe('reading a USSD session from its answers', () => {
  it.each<[string, UssdStep]>([
    ['', { kind: 'menu', lang: 'en', invalidChoice: false }],
    ['1', { kind: 'ask', lang: 'en' }],
    ['1*', { kind: 'ask', lang: 'en' }],
    ['1*maluti', { kind: 'search', lang: 'en', query: 'maluti' }],
    ['1* *maluti ', { kind: 'search', lang: 'en', query: 'maluti' }],
    [
      '2',
      { kind: 'report', lang: 'en', report: { kind: 'ask', field: 'recruiter', draft: {}, retry: false } },
    ],
    ['0', { kind: 'menu', lang: 'st', invalidChoice: false }],
    ['0*0', { kind: 'menu', lang: 'en', invalidChoice: false }],
    ['0*1*senqu', { kind: 'search', lang: 'st', query: 'senqu' }],
    [
      '0*2',
      { kind: 'report', lang: 'st', report: { kind: 'ask', field: 'recruiter', draft: {}, retry: false } },
    ],
    ['4', { kind: 'trackAsk', lang: 'en' }],
    ['4*c-7kq3-x9pd', { kind: 'track', lang: 'en', reference: 'c-7kq3-x9pd' }],
    ['7', { kind: 'menu', lang: 'en', invalidChoice: true }],
    ['7*1', { kind: 'ask', lang: 'en' }],
    ['0*9', { kind: 'menu', lang: 'st', invalidChoice: true }],
    ['3', { kind: 'askCode', lang: 'en' }],
    ['3*4821 5536', { kind: 'job', lang: 'en', code: '4821 5536' }],
    ['0*3*48215536', { kind: 'job', lang: 'st', code: '48215536' }],
  ])('"%s" is %j', (text, step) => expect(ussdStep(text)).toEqual(step))
})

describe('USSD screens', () => {
  const longNames = [
    'Lesotho Highlands International Recruitment and Placement Services (Proprietary) Limited',
    'Thaba-Tseka Mountain Kingdom Agricultural and Mining Labour Brokers Association',
    "Mohale's Hoek Consolidated Domestic and Hospitality Workers Agency (Pty) Ltd",
  ]
  const steps: UssdStep[] = (['en', 'st'] as const).flatMap((lang) => [
    { kind: 'menu', lang, invalidChoice: false },
    { kind: 'menu', lang, invalidChoice: true },
    { kind: 'ask', lang },
    { kind: 'report', lang, report: { kind: 'ask', field: 'recruiter', draft: {}, retry: false } },
    { kind: 'search', lang, query: 'x' },
  ])

  it('never exceed 160 characters, whatever the names and statuses', () => {
    for (const step of steps) {
      for (const standing of ['licensed', 'pending', 'suspended', 'surrendered'] as const) {
        for (const n of [0, 1, 2, 3]) {
          for (const flags of [{}, { similar: true }, { more: true }, { similar: true, more: true }]) {
            const reply = ussdReply(step, {
              results: longNames.slice(0, n).map((name) => agency(name, standing)),
              ...flags,
            })
            expect(reply.length, reply).toBeLessThanOrEqual(USSD_MAX_LENGTH)
            expect(reply).toMatch(/^(CON|END) /)
          }
        }
      }
    }
  })

  it('never give a status without the name of the recruiter it belongs to', () => {
    for (const lang of ['en', 'st'] as const)
      for (const standing of ['licensed', 'pending', 'suspended', 'not_licensed'] as const)
        for (const n of [1, 2, 3])
          for (const more of [false, true]) {
            const results = longNames.slice(0, n).map((name) => ({
              ...agency(name, standing),
              warnings: ['fee', 'fraud', 'under_watch'] as PublicAgency['warnings'],
              convicted_on: '2026-11-20',
            }))
            const reply = ussdReply({ kind: 'search', lang, query: 'x' }, { results, more })
            expect(reply.length, reply).toBeLessThanOrEqual(USSD_MAX_LENGTH)
            // The first recruiter is named, and said to be one of several when others are hidden.
            expect(reply, reply).toMatch(/^END (1\. )?(Lesotho|Lesot|Les)/)
            if (more || n > 1) expect(reply, reply).toMatch(/More matched|Ho na le a mang/)
          }
  })

  it('show up to three matches, numbered, shortening names rather than dropping statuses', () => {
    const reply = ussdReply(
      { kind: 'search', lang: 'en', query: 'x' },
      { results: longNames.map((n) => agency(n)) },
    )
    const lines = reply.split('\n')
    // Each licence number stays whole beside its status; what does not fit is said to exist.
    expect(lines[0]).toMatch(
      /^END 1\. Lesotho Highlands.*\.\.\. LRA-2026-00001: Licensed until 31\/12\/2026$/,
    )
    for (const line of lines.slice(1, -1))
      expect(line).toMatch(/^\d\. .* LRA-2026-00001: Licensed until 31\/12\/2026$/)
    if (lines.length < 4) expect(lines.at(-1)).toMatch(/^More matched/)
  })

  it('keep short names whole and add the no-fee reminder when it fits', () => {
    const reply = ussdReply(
      { kind: 'search', lang: 'en', query: 'x' },
      {
        results: [agency('Senqu Staffing', 'suspended')],
      },
    )
    expect(reply).toBe(
      'END 1. Senqu Staffing LRA-2026-00001: Suspended. Do not pay\nRecruiters may not charge you a fee.',
    )
  })

  it('say that the agency was convicted, and when, in place of other warnings', () => {
    const convicted = {
      ...agency('Senqu Staffing'),
      warnings: ['fee'] as PublicAgency['warnings'],
      convicted_on: '2026-11-20',
    }
    const en = ussdReply({ kind: 'search', lang: 'en', query: 'x' }, { results: [convicted] })
    expect(en).toContain('Licensed until 31/12/2026. WARNING: convicted 20/11/2026\n')
    const st = ussdReply({ kind: 'search', lang: 'st', query: 'x' }, { results: [convicted] })
    expect(st).toContain('TEMOSO: o fumanoe a le molato 20/11/2026\n')
  })

  it('warn about findings after the status, in full, even when names must shrink', () => {
    const warned = { ...agency(longNames[0]!), warnings: ['fee', 'under_watch'] as PublicAgency['warnings'] }
    const en = ussdReply(
      { kind: 'search', lang: 'en', query: 'x' },
      { results: [warned, agency(longNames[1]!)] },
    )
    expect(en.length).toBeLessThanOrEqual(USSD_MAX_LENGTH)
    expect(en.split('\n')[0]).toMatch(
      /^END 1\. Lesotho.* LRA-2026-00001: Licensed until 31\/12\/2026\. WARNING: charged fees, under watch$/,
    )
    const st = ussdReply(
      { kind: 'search', lang: 'st', query: 'x' },
      {
        results: [{ ...agency('Senqu Staffing'), warnings: ['fraud'] }],
      },
    )
    expect(st).toContain(
      '1. Senqu Staffing LRA-2026-00001: O na le laesense ho fihlela 31/12/2026. TEMOSO: o thetsitse basebetsi',
    )
    // Three warned results with long names: fewer results, never a cut warning.
    for (const lang of ['en', 'st'] as const) {
      const all = ussdReply(
        { kind: 'search', lang, query: 'x' },
        {
          results: longNames.map((n) => ({
            ...agency(n),
            warnings: ['fee', 'fraud', 'under_watch'] as PublicAgency['warnings'],
          })),
        },
      )
      expect(all.length, all).toBeLessThanOrEqual(USSD_MAX_LENGTH)
      const t =
        lang === 'en'
          ? 'charged fees, deceived workers, under watch'
          : 'o lefisitse chelete, o thetsitse basebetsi, o ntse a lekoloa'
      expect(all).toContain(t)
    }
  })

  it('warn first, for names that only look like the one typed, and say when more matched', () => {
    for (const lang of ['en', 'st'] as const) {
      const similar = ussdReply(
        { kind: 'search', lang, query: 'x' },
        { results: [agency('Senqu Staffing')], similar: true },
      )
      expect(similar).toMatch(
        lang === 'en' ? /^END NOT in the registry: not licensed\. Do not pay\./ : /^END HA A EO/,
      )
      expect(similar).toContain('1. Senqu Staffing')
    }
    const more = ussdReply(
      { kind: 'search', lang: 'en', query: 'x' },
      {
        results: longNames.map((n) => agency(n)),
        more: true,
      },
    )
    expect(more).toMatch(/\nMore matched(: dial again, type the licence number or more of the name)?\.$/)
  })

  it('write Sesotho without characters a basic phone cannot show', () => {
    const reply = ussdReply(
      { kind: 'search', lang: 'st', query: 'x' },
      {
        results: [agency('Tšepo Placements', 'suspended')],
      },
    )
    expect(reply).toBe(
      'END 1. Tsepo Placements LRA-2026-00001: Laesense e emisitsoe. Se lefe\nBaemeli ha ba lumelloe ho u lefisa.',
    )
    expect(plainText('“Tšepo” – Motšeanong…')).toBe('"Tsepo" - Motseanong...')
  })

  it('say a job offer’s status and the no-fee rule whole, shortening names to fit, in both languages', () => {
    const offer = (position: string, name: string): PublicOffer => ({
      code: '48215536',
      status: 'approved',
      employer_name: 'Wepener Fruit Farms',
      employer_country: 'ZA',
      employer_place: 'Ficksburg',
      position,
      sector: 'agriculture',
      workers_wanted: 40,
      wage_minor: 450_000,
      wage_currency: 'ZAR',
      contract_months: 9,
      hours_per_week: 45,
      accommodation: 'Hostel',
      open_from: '2026-11-01',
      open_until: '2027-03-03',
      agency: agency(name),
    })
    const short = ussdReply({ kind: 'job', lang: 'en', code: 'x' }, undefined, {
      offer: offer('Fruit picker', 'Maluti Placements'),
      standing: 'open',
    })
    expect(short).toBe(
      'END Fruit picker (South Africa), Maluti Placements: Approved job offer, open until 3/3/2027. Pay no fee for this job.',
    )
    const warnedShort = ussdReply({ kind: 'job', lang: 'en', code: 'x' }, undefined, {
      offer: {
        ...offer('Fruit picker', 'Maluti Placements'),
        agency: { ...agency('Maluti Placements'), warnings: ['fee', 'fraud'] },
      },
      standing: 'open',
    })
    expect(warnedShort).toBe(
      'END Fruit picker (South Africa), Maluti Placements: Approved job offer, open until 3/3/2027. WARNING: charged fees, deceived workers. Pay no fee for this job.',
    )
    for (const lang of ['en', 'st'] as const)
      for (const standing of [
        'open',
        'not_yet_open',
        'closed',
        'withdrawn',
        'agency_not_licensed',
      ] as const) {
        const reply = ussdReply({ kind: 'job', lang, code: 'x' }, undefined, {
          offer: offer('Underground general worker and machine operator, night shift', longNames[0]!),
          standing,
        })
        expect(reply.length, reply).toBeLessThanOrEqual(USSD_MAX_LENGTH)
        expect(reply).toContain(plainText(messagesFor(lang).ussd.jobNoFee))
        const warned = ussdReply({ kind: 'job', lang, code: 'x' }, undefined, {
          offer: {
            ...offer('Underground general worker and machine operator', longNames[0]!),
            agency: { ...agency(longNames[0]!), warnings: ['fee', 'fraud', 'under_watch'] },
          },
          standing,
        })
        expect(warned.length, warned).toBeLessThanOrEqual(USSD_MAX_LENGTH)
        // All the warnings where they fit, else the first; the country whole either way.
        if (standing === 'open')
          expect(warned, warned).toContain(
            plainText(`${messagesFor(lang).ussd.warning}: ${messagesFor(lang).ussd.warnings.fee}`),
          )
        expect(warned).toContain('(South Africa)')
        if (standing !== 'open') expect(reply).toContain(plainText(messagesFor(lang).jobs.standing[standing]))
        expect(reply).toBe(plainText(reply))
      }
  })
})

describe('USSD answers that can be typed again', () => {
  it('asks for a job offer code again after a typing mistake, and ends only for a code no offer has', () => {
    const step: UssdStep = { kind: 'job', lang: 'en', code: '48215537' }
    expect(ussdReply(step, undefined, { offer: null, problem: 'mistyped' })).toBe(
      'CON This code has a typing mistake. Check it against the advert and type it again:',
    )
    expect(ussdReply(step, undefined, { offer: null, problem: 'not_a_code' })).toMatch(
      /^CON A job offer code has 8 digits/,
    )
    expect(ussdReply(step, undefined, { offer: null, problem: 'unknown' })).toMatch(
      /^END No approved job .* Do not pay/,
    )
    // The gateway sends every answer: the last one typed is the code read.
    expect(ussdStep('3*4821553*48215536')).toEqual({ kind: 'job', lang: 'en', code: '48215536' })
  })

  it('shows a report reference as the registry writes it, and asks again for one it does not know', () => {
    const step: UssdStep = { kind: 'track', lang: 'en', reference: ' c 7kq3x9pd ' }
    expect(ussdReply(step, undefined, undefined, { tracked: 'under_review' })).toBe(
      'END C-7KQ3-X9PD: Being looked at by an officer.',
    )
    expect(ussdReply(step, undefined, undefined, { tracked: null })).toBe(
      'CON No report has this reference. Check it and type it again:',
    )
  })

  it('says "do not pay" beside every recruiter whose licence is not in force, in both languages', () => {
    for (const lang of ['en', 'st'] as const)
      for (const standing of [
        'pending',
        'suspended',
        'revoked',
        'surrendered',
        'expired',
        'not_licensed',
      ] as const) {
        const reply = ussdReply(
          { kind: 'search', lang, query: 'x' },
          { results: [agency('Senqu Staffing', standing)] },
        )
        expect(reply, `${lang} ${standing}`).toContain(
          plainText(`${messagesFor(lang).standing[standing]}. ${messagesFor(lang).ussd.doNotPay}`),
        )
      }
    const licensed = ussdReply(
      { kind: 'search', lang: 'en', query: 'x' },
      { results: [agency('Senqu Staffing')] },
    )
    expect(licensed).not.toContain('Do not pay')
  })
})
