import { describe, expect, it } from 'vitest'
import { photoFactsOf } from '../../views/browser/photo-facts.js'
import { jpegStripped } from '../support/photo-files.js'

// An Exif block as a phone writes it: IFD0 pointing at the Exif IFD (when) and the GPS IFD (where).
function exifJpeg(options: {
  little: boolean
  taken?: string
  offset?: string
  south?: boolean
}): ArrayBuffer {
  const bytes: number[] = []
  const u16 = (n: number) => (options.little ? [n & 0xff, n >> 8] : [n >> 8, n & 0xff])
  const u32 = (n: number) =>
    options.little
      ? [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff]
      : [(n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff]
  const entry = (tag: number, type: number, count: number, value: number[]) => [
    ...u16(tag),
    ...u16(type),
    ...u32(count),
    ...value,
    ...Array(4 - value.length).fill(0),
  ]
  // Layout: header 8, IFD0 at 8 (2 entries), Exif IFD at 38 (2 entries), GPS IFD at 68 (4 entries),
  // then the values.
  const ifd0 = 8
  const exifIfd = ifd0 + 2 + 2 * 12 + 4
  const gpsIfd = exifIfd + 2 + 2 * 12 + 4
  const data = gpsIfd + 2 + 4 * 12 + 4
  const taken = `${options.taken ?? '2026:11:20 09:41:07'}\0`
  const offset = `${options.offset ?? '+02:00'}\0`
  const takenAt = data
  const offsetAt = takenAt + taken.length
  const latAt = offsetAt + offset.length
  const lonAt = latAt + 24
  bytes.push(...(options.little ? [0x49, 0x49] : [0x4d, 0x4d]), ...u16(42), ...u32(ifd0))
  bytes.push(...u16(2), ...entry(0x8769, 4, 1, u32(exifIfd)), ...entry(0x8825, 4, 1, u32(gpsIfd)), ...u32(0))
  bytes.push(
    ...u16(2),
    ...entry(0x9003, 2, taken.length, u32(takenAt)),
    ...entry(0x9011, 2, offset.length, u32(offsetAt)),
    ...u32(0),
  )
  bytes.push(
    ...u16(4),
    ...entry(1, 2, 2, [options.south === false ? 0x4e : 0x53, 0]),
    ...entry(2, 5, 3, u32(latAt)),
    ...entry(3, 2, 2, [0x45, 0]),
    ...entry(4, 5, 3, u32(lonAt)),
    ...u32(0),
  )
  bytes.push(...[...taken].map((c) => c.charCodeAt(0)), ...[...offset].map((c) => c.charCodeAt(0)))
  // 29° 18' 36" S, 27° 28' 48" E: Maseru.
  for (const [n, d] of [
    [29, 1],
    [18, 1],
    [3600, 100],
    [27, 1],
    [28, 1],
    [48, 1],
  ] as const)
    bytes.push(...u32(n), ...u32(d))
  const app1 = [0x45, 0x78, 0x69, 0x66, 0, 0, ...bytes]
  const jpeg = jpegStripped()
  const out = Buffer.concat([
    jpeg.subarray(0, 2),
    Buffer.from([0xff, 0xe1, (app1.length + 2) >> 8, (app1.length + 2) & 0xff, ...app1]),
    jpeg.subarray(2),
  ])
  return out.buffer.slice(out.byteOffset, out.byteOffset + out.length) as ArrayBuffer
}

describe('what a camera wrote into a photo', () => {
  it.each([true, false])('reads when and where it was taken (little-endian: %s)', (little) => {
    expect(photoFactsOf(exifJpeg({ little }))).toEqual({
      takenAt: '2026-11-20T09:41:07+02:00',
      latitude: -29.31,
      longitude: 27.48,
    })
  })

  it('takes Lesotho’s offset when the camera gave none, and the hemisphere it gave', () => {
    expect(photoFactsOf(exifJpeg({ little: true, offset: 'none', south: false }))).toEqual({
      takenAt: '2026-11-20T09:41:07+02:00',
      latitude: 29.31,
      longitude: 27.48,
    })
  })

  it('gives nothing for a photo without Exif, another type, or damaged bytes', () => {
    const none = { takenAt: null, latitude: null, longitude: null }
    const plain = jpegStripped()
    expect(
      photoFactsOf(plain.buffer.slice(plain.byteOffset, plain.byteOffset + plain.length) as ArrayBuffer),
    ).toEqual(none)
    expect(photoFactsOf(new TextEncoder().encode('%PDF-1.7').buffer as ArrayBuffer)).toEqual(none)
    const damaged = new Uint8Array(exifJpeg({ little: true })).slice(0, 40)
    expect(photoFactsOf(damaged.buffer)).toEqual(none)
    expect(photoFactsOf(exifJpeg({ little: true, taken: 'yesterday' })).takenAt).toBeNull()
  })
})
