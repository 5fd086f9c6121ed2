// What a phone's camera wrote into a JPEG: when it was taken and where. Read on the device before
// the photo is made smaller, because drawing it on a canvas drops them. Pure: bytes in, facts out.

export interface PhotoFacts {
  /** "2026-11-20T09:41:00+02:00": Lesotho's offset when the camera gave none. */
  takenAt: string | null
  latitude: number | null
  longitude: number | null
}

const NONE: PhotoFacts = { takenAt: null, latitude: null, longitude: null }

/** The facts of a JPEG's Exif block, or none (no Exif, another type, damaged). */
export function photoFactsOf(bytes: ArrayBuffer): PhotoFacts {
  try {
    const tiff = exifBlock(new DataView(bytes))
    return tiff ? readTiff(tiff) : NONE
  } catch {
    return NONE
  }
}

/** The TIFF structure inside the APP1 "Exif" segment of a JPEG. */
function exifBlock(view: DataView): DataView | null {
  if (view.byteLength < 4 || view.getUint16(0) !== 0xffd8) return null
  let at = 2
  while (at + 4 <= view.byteLength) {
    if (view.getUint8(at) !== 0xff) return null
    const marker = view.getUint8(at + 1)
    const length = view.getUint16(at + 2)
    if (marker === 0xda || marker === 0xd9) return null
    if (marker === 0xe1 && length > 8 && view.getUint32(at + 4) === 0x45786966 /* Exif */) {
      return new DataView(
        view.buffer,
        view.byteOffset + at + 10,
        Math.min(length - 8, view.byteLength - at - 10),
      )
    }
    at += 2 + length
  }
  return null
}

function readTiff(tiff: DataView): PhotoFacts {
  const little = tiff.getUint16(0) === 0x4949
  const u16 = (at: number) => tiff.getUint16(at, little)
  const u32 = (at: number) => tiff.getUint32(at, little)
  /** The entries of the IFD at this offset: tag → [type, count, value offset]. */
  const entries = (offset: number) => {
    const found = new Map<number, { type: number; count: number; at: number }>()
    const n = u16(offset)
    for (let i = 0; i < n; i++) {
      const e = offset + 2 + i * 12
      const type = u16(e + 2)
      const count = u32(e + 4)
      const size = ({ 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1, 9: 4, 10: 8 } as Record<number, number>)[type] ?? 1
      // Values of four bytes or fewer are in the entry itself.
      found.set(u16(e), { type, count, at: size * count <= 4 ? e + 8 : u32(e + 8) })
    }
    return found
  }
  const ascii = (entry: { count: number; at: number } | undefined) =>
    entry
      ? String.fromCharCode(...new Uint8Array(tiff.buffer, tiff.byteOffset + entry.at, entry.count)).replace(
          /\0.*$/,
          '',
        )
      : null
  const rational = (at: number) => {
    const denominator = u32(at + 4)
    return denominator === 0 ? Number.NaN : u32(at) / denominator
  }
  const ifd0 = entries(u32(4))
  const exifAt = ifd0.get(0x8769)
  const exif = exifAt ? entries(u32(exifAt.at)) : new Map()
  const taken = ascii(exif.get(0x9003) ?? ifd0.get(0x0132))
  const offset = ascii(exif.get(0x9011))
  const stamp = taken && /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(taken)
  const takenAt = stamp
    ? `${stamp[1]}-${stamp[2]}-${stamp[3]}T${stamp[4]}:${stamp[5]}:${stamp[6]}${offset && /^[+-]\d{2}:\d{2}$/.test(offset) ? offset : '+02:00'}`
    : null

  let latitude: number | null = null
  let longitude: number | null = null
  const gpsAt = ifd0.get(0x8825)
  if (gpsAt) {
    const gps = entries(u32(gpsAt.at))
    const degrees = (tag: number) => {
      const e = gps.get(tag)
      if (e?.type !== 5 || e.count !== 3) return null
      const [d, m, s] = [0, 8, 16].map((k) => rational(e.at + k))
      const value = d! + m! / 60 + s! / 3600
      return Number.isFinite(value) ? value : null
    }
    const lat = degrees(2)
    const lon = degrees(4)
    const latRef = ascii(gps.get(1))
    const lonRef = ascii(gps.get(3))
    if (lat !== null && lon !== null && lat <= 90 && lon <= 180) {
      latitude = Math.round((latRef === 'S' ? -lat : lat) * 1e6) / 1e6
      longitude = Math.round((lonRef === 'W' ? -lon : lon) * 1e6) / 1e6
    }
  }
  return { takenAt, latitude, longitude }
}
