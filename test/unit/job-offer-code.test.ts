import { describe, expect, it } from 'vitest'
import { seededRandom } from '../../src/demo/generate.js'
import { dammDigit, formatOfferCode, newOfferCode, readOfferCode } from '../../src/job-offers/code.js'

const valid = (payload: string) => `${payload}${dammDigit(payload)}`

/** Every code one mistyped digit or one swap of neighbours away from `code`. */
function slips(code: string): string[] {
  const out: string[] = []
  for (let i = 0; i < code.length; i++)
    for (let d = 0; d <= 9; d++) if (String(d) !== code[i]) out.push(code.slice(0, i) + d + code.slice(i + 1))
  for (let i = 0; i + 1 < code.length; i++)
    if (code[i] !== code[i + 1]) out.push(code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2))
  return out
}

describe('the job offer code’s check digit', () => {
  it('gives the check digits of Damm’s published examples', () => {
    expect(dammDigit('572')).toBe(4)
    expect(readOfferCode('5724').ok).toBe(false) // four digits are no code
  })

  it('catches every single mistyped digit and every swap of neighbours, for every payload of four digits', () => {
    for (let n = 0; n < 10_000; n++) {
      const code = valid(String(n).padStart(4, '0'))
      for (const slip of slips(code)) expect(dammDigit(slip), `${code} → ${slip}`).not.toBe(0)
    }
  })

  it('does the same for two thousand codes as the registry draws them (09 ↔ 90 included)', () => {
    const random = seededRandom(7)
    const codes = Array.from({ length: 2000 }, () => valid(String(random.int(1_000_000, 9_999_999))))
    codes.push(valid('1090000'), valid('1900000'))
    for (const code of codes) {
      expect(readOfferCode(code)).toEqual({ ok: true, code })
      for (const slip of slips(code)) expect(readOfferCode(slip)).toEqual({ ok: false, problem: 'mistyped' })
    }
  })

  it('draws codes of eight digits that pass their own check, never starting with 0', () => {
    for (let i = 0; i < 500; i++) {
      const code = newOfferCode()
      expect(code).toMatch(/^[1-9]\d{7}$/)
      expect(readOfferCode(code).ok).toBe(true)
    }
  })

  it('reads the code as people type it, and shows it as printed', () => {
    const code = valid('4821553')
    for (const typed of [
      code,
      formatOfferCode(code),
      ` ${code.slice(0, 4)} ${code.slice(4)} `,
      `${code.slice(0, 4)}.${code.slice(4)}`,
    ])
      expect(readOfferCode(typed)).toEqual({ ok: true, code })
    expect(formatOfferCode(code)).toBe(`${code.slice(0, 4)}-${code.slice(4)}`)
    for (const typed of ['', '4821', '4821-553', 'ABCD-EFGH', `${code}0`])
      expect(readOfferCode(typed)).toEqual({ ok: false, problem: 'not_a_code' })
  })
})
