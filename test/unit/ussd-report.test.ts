import { describe, expect, it } from 'vitest'
import { type Language, messagesFor } from '../../src/i18n/messages.js'
import { plainText, USSD_MAX_LENGTH, ussdReply, ussdStep } from '../../src/public/ussd.js'
import { reportStep } from '../../src/public/ussd-report.js'

// The USSD report, a pure function of the answers: every path, both languages, every screen short.

const LONG = 'Lesotho Highlands International Recruitment and Placement Services (Proprietary) Limited'

describe('a report by USSD', () => {
  it('asks in turn, and sends only once confirmed, with what was answered', () => {
    expect(reportStep([])).toMatchObject({ kind: 'ask', field: 'recruiter' })
    expect(reportStep(['Ntate Sello'])).toMatchObject({ kind: 'ask', field: 'categories' })
    expect(reportStep(['Ntate Sello', '1 2'])).toMatchObject({ kind: 'ask', field: 'amount' })
    expect(reportStep(['Ntate Sello', '1 2', 'M1,500'])).toMatchObject({ kind: 'ask', field: 'district' })
    expect(reportStep(['Ntate Sello', '1 2', 'M1,500', '3'])).toMatchObject({ kind: 'ask', field: 'contact' })
    expect(reportStep(['Ntate Sello', '1 2', 'M1,500', '3', '1'])).toMatchObject({
      kind: 'ask',
      field: 'confirm',
    })
    expect(reportStep(['Ntate Sello', '1,2,2', 'M1,500', '3', '1', '1'])).toEqual({
      kind: 'send',
      report: {
        recruiter: 'Ntate Sello',
        categories: ['recruitment_fee', 'deception'],
        details: null,
        amount: { minor: 150_000, currency: 'LSL' },
        district: 'Leribe',
        mayContact: true,
      },
    })
    // "Something else" asks for a few words, and "0" is a place outside Lesotho.
    expect(reportStep(['Ntate Sello', '7'])).toMatchObject({ kind: 'ask', field: 'details' })
    expect(reportStep(['Ntate Sello', '7', 'Took my passport at Ficksburg', '0', '0', '2', '1'])).toEqual({
      kind: 'send',
      report: {
        recruiter: 'Ntate Sello',
        categories: ['other'],
        details: 'Took my passport at Ficksburg',
        amount: null,
        district: null,
        mayContact: false,
      },
    })
    expect(reportStep(['Ntate Sello', '2', '0', '10', '2', '2'])).toEqual({ kind: 'cancelled' })
  })

  it('asks the same again, saying so, when an answer cannot be read', () => {
    for (const [answers, field] of [
      [['x'], 'recruiter'],
      [['Ntate Sello', '9'], 'categories'],
      [['Ntate Sello', 'fees'], 'categories'],
      [['Ntate Sello', '1', 'a lot'], 'amount'],
      [['Ntate Sello', '1', '-5'], 'amount'],
      [['Ntate Sello', '1', '0', '11'], 'district'],
      [['Ntate Sello', '7', 'x'], 'details'],
      [['Ntate Sello', '1', '0', '5', '3'], 'contact'],
      [['Ntate Sello', '1', '0', '5', '1', '9'], 'confirm'],
    ] as const) {
      const step = reportStep(answers)
      expect(step).toMatchObject({ kind: 'ask', field, retry: true })
      const reply = ussdReply({ kind: 'report', lang: 'en', report: step })
      expect(reply).toMatch(/^CON Not understood\.[ \n]/)
    }
    // Then a good answer goes on.
    expect(reportStep(['Ntate Sello', '9', '1'])).toMatchObject({
      kind: 'ask',
      field: 'amount',
      retry: false,
    })
  })

  it('reads the menu choice 2 and the answers after it from the gateway’s text, in either language', () => {
    expect(ussdStep('2*Ntate Sello*1')).toMatchObject({
      kind: 'report',
      lang: 'en',
      report: { field: 'amount' },
    })
    expect(ussdStep('0*2*Ntate Sello')).toMatchObject({
      kind: 'report',
      lang: 'st',
      report: { field: 'categories' },
    })
  })

  it('keeps what is confirmed whole in the summary, shortening the recruiter and what happened', () => {
    for (const lang of ['en', 'st'] as Language[])
      for (const retry of [false, true]) {
        const answers = [LONG, '1 2 3 4 5 6', 'R 1 500 000', '0', '1', ...(retry ? ['9'] : [])]
        const reply = ussdReply({ kind: 'report', lang, report: reportStep(answers) })
        const u = messagesFor(lang).ussd
        expect(reply.length, reply).toBeLessThanOrEqual(USSD_MAX_LENGTH)
        expect(reply, reply).toContain(
          plainText(`; R 1,500,000.00; ${u.reportOutsideLesotho}; ${u.reportCallYes}\n${u.reportConfirm}`),
        )
        expect(reply).toMatch(/^CON (Not understood\. |Ha ho utloisisehe\. )?Lesotho Highl/)
      }
  })

  it('keeps every screen of every path within 160 plain characters, in both languages', () => {
    const paths = [
      [],
      [LONG],
      [LONG, '1 2 3 4 5 6 7'],
      [LONG, '1 2 3 4 5 6 7', 'R 1 500 000'],
      [LONG, '1 2 3 4 5 6 7', 'R 1 500 000', '6'],
      [LONG, '1 2 3 4 5 6 7', 'R 1 500 000', '6', '1'],
      [LONG, '1 2 3 4 5 6 7', 'R 1 500 000', '6', '1', 'x'],
      [LONG, '1 2 3 4 5 6 7', 'R 1 500 000', '6', '1', '2'],
      // A bad answer on each screen, the lists above all (they are nearly full already).
      [LONG, '9'],
      [LONG, '1', 'a lot'],
      [LONG, '1', '0', '11'],
      [LONG, '1', '0', '5', '3'],
      [LONG, '7'],
      [LONG, '7', 'x'],
      [LONG, '7', 'y'.repeat(150), '0', '0', '1'],
    ]
    for (const lang of ['en', 'st'] as Language[])
      for (const answers of paths) {
        const reply = ussdReply({ kind: 'report', lang, report: reportStep(answers) })
        expect(reply.length, reply).toBeLessThanOrEqual(USSD_MAX_LENGTH)
        expect(reply).toBe(plainText(reply))
      }
    for (const lang of ['en', 'st'] as Language[]) {
      const sent = ussdReply(
        { kind: 'report', lang, report: reportStep([LONG, '1', '0', '5', '1', '1']) },
        undefined,
        undefined,
        { sent: 'C-7KQ3-X9PD' },
      )
      expect(sent).toContain('C-7KQ3-X9PD')
      expect(sent.length).toBeLessThanOrEqual(USSD_MAX_LENGTH)
      expect(
        ussdReply({ kind: 'track', lang, reference: 'c-7kq3-x9pd' }, undefined, undefined, {
          tracked: 'received',
        }),
      ).toBe(plainText(`END C-7KQ3-X9PD: ${messagesFor(lang).ussd.trackStatus.received}`))
    }
  })
})
