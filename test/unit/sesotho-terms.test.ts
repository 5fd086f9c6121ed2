import { describe, expect, it } from 'vitest'
import { messagesFor } from '../../src/i18n/messages.js'

// One term per concept in the Sesotho texts (../shared/notes/sesotho-review.md, glossary): a
// retired term coming back is a defect. Every message is read, functions called with samples.
function allTexts(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (typeof value === 'function') return allTexts((value as (...a: unknown[]) => unknown)('X', 'Y', 2))
  if (Array.isArray(value)) return value.flatMap(allTexts)
  if (value && typeof value === 'object') return Object.values(value).flatMap(allTexts)
  return []
}

const RETIRED: [RegExp, string][] = [
  [/lengolo-tumello|mangolo-tumello/i, 'licence is "laesense"'],
  [/\bho hira\b|\bhira\b|\bhiroa\b/i, 'to recruit is "ho batlela batho mesebetsi" ("hira" is to employ)'],
  [/ngolisong/i, 'the registry is "buka ea ngoliso"'],
  [/ho kena ha basebetsi/i, '"basebetsi" are workers: staff sign in is "bahlanka ba Lekala"'],
]

describe('the Sesotho catalogue', () => {
  const texts = allTexts(messagesFor('st'))
  it('has every text it should', () => expect(texts.length).toBeGreaterThan(150))
  it.each(RETIRED)('never uses %s (%s)', (term) => {
    expect(texts.filter((t) => term.test(t))).toEqual([])
  })
})
