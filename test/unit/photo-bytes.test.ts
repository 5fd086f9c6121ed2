import { describe, expect, it } from 'vitest'
import { type PhotoType, photoTypeOf, stripperFor } from '../../src/inspections/photo-bytes.js'
import {
  jpegStripped,
  jpegWithMetadata,
  pngStripped,
  pngWithMetadata,
  RENAMED_PDF,
  SECRET_METADATA,
  webpStripped,
  webpWithMetadata,
} from '../support/photo-files.js'

/** The photo as the registry keeps it, fed in pieces of the given sizes. */
function strip(type: PhotoType, file: Buffer, pieceSize: number): Buffer | string {
  const stripper = stripperFor(type)
  const out: Uint8Array[] = []
  for (let i = 0; i < file.length; i += pieceSize) out.push(...stripper.push(file.subarray(i, i + pieceSize)))
  const ended = stripper.end()
  if ('invalid' in ended) return ended.invalid
  const whole = Buffer.concat([...out, ...ended.rest])
  for (const patch of ended.patches) whole.set(patch.bytes, patch.at)
  return whole
}

const cases = [
  ['jpeg', jpegWithMetadata, jpegStripped],
  ['png', pngWithMetadata, pngStripped],
  ['webp', webpWithMetadata, webpStripped],
] as const

describe('a photo’s bytes', () => {
  it('are known by their first bytes, not by a name or a claimed type', () => {
    expect(photoTypeOf(jpegWithMetadata())).toBe('jpeg')
    expect(photoTypeOf(pngWithMetadata())).toBe('png')
    expect(photoTypeOf(webpWithMetadata())).toBe('webp')
    expect(photoTypeOf(RENAMED_PDF)).toBeNull()
    expect(photoTypeOf(Buffer.from('RIFF\0\0\0\0WAVE'))).toBeNull()
    expect(photoTypeOf(Buffer.alloc(0))).toBeNull()
  })

  it.each(cases)(
    'keep the %s picture and drop every other thing, however the bytes arrive',
    (type, withMeta, stripped) => {
      for (const size of [1, 2, 3, 7, 64, 1000, 1 << 20]) {
        const kept = strip(type, withMeta(), size)
        expect(kept, `pieces of ${size}`).toEqual(stripped())
        expect(kept.toString('latin1')).not.toContain('Palesa')
      }
      // A photo with nothing to drop is kept as it is.
      expect(strip(type, stripped(), 5)).toEqual(stripped())
      expect(withMeta().toString('latin1')).toContain(SECRET_METADATA)
    },
  )

  it.each(cases)('refuse a %s cut short, saying so', (type, withMeta) => {
    const file = withMeta()
    for (const cut of [file.length - 1, Math.floor(file.length / 2), 40])
      expect(strip(type, file.subarray(0, cut), 100), `cut at ${cut}`).toMatch(/not complete|damaged/)
  })
})
