import { describe, expect, it } from 'vitest'
import { foldAccents, wordPrefixQuery } from '../../src/agencies/queries.js'
import { idNumberKey } from '../../src/agencies/schemas.js'

describe('agency search terms', () => {
  it('folds case and accents as the database does', () => {
    expect(foldAccents('Tšepo Recruitment')).toBe('tsepo recruitment')
    expect(foldAccents('LETŠENG')).toBe('letseng')
  })

  it('turns what was typed into word prefixes, letting no query syntax through', () => {
    expect(wordPrefixQuery('thaba recr')).toBe('thaba:* & recr:*')
    expect(wordPrefixQuery('Mokoena & Sons')).toBe('mokoena:* & sons:*')
    expect(wordPrefixQuery("x' | !y:* <-> (z)")).toBe('x:* & y:* & z:*')
    expect(wordPrefixQuery(' & | ! ')).toBeNull()
  })

  it('reads ID numbers the same however they are spaced or cased', () => {
    expect(idNumberKey('ab 123-456')).toBe('AB123456')
    expect(idNumberKey('AB123456')).toBe('AB123456')
  })
})
