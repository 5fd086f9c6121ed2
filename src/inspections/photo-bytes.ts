// What a photo's bytes are, and the same photo without what could say more than the picture:
// camera and phone details, GPS, names, comments. The server never trusts the device to have
// stripped them. It reads a photo as it arrives, a piece at a time, so a photo is never whole in
// memory: JPEG and PNG are streams of segments that are either copied or skipped; a WebP's
// header says its size, so the first bytes are corrected once its end is known (`patches`).

export const PHOTO_TYPES = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' } as const
export type PhotoType = keyof typeof PHOTO_TYPES

/** How many first bytes `photoTypeOf` needs. */
export const SNIFF_BYTES = 12

/** The type by the first bytes, whatever the file's name or the Content-Type said. */
export function photoTypeOf(first: Uint8Array): PhotoType | null {
  const at = (i: number, ...bytes: number[]) => bytes.every((b, k) => first[i + k] === b)
  if (at(0, 0xff, 0xd8, 0xff)) return 'jpeg'
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png'
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'webp'
  return null
}

export interface Stripper {
  /** The bytes to keep of this piece (possibly none yet). */
  push(piece: Uint8Array): Uint8Array[]
  /** At the end: what is left to keep, and corrections to the first bytes; or why it is no photo. */
  end(): { rest: Uint8Array[]; patches: { at: number; bytes: Uint8Array }[] } | { invalid: string }
}

/**
 * A byte stream cut into parts: `need(n)` waits for n bytes of a part's header; then a body is
 * either copied or skipped whole. Each format says what its parts are.
 */
class Parts {
  private pending: Uint8Array = new Uint8Array(0)
  /** Bytes of the current body still to copy (> 0) or skip (< 0). */
  protected body = 0
  protected out: Uint8Array[] = []
  protected keptBytes = 0

  /** The last two bytes kept: a JPEG must end with its end marker. */
  protected last = [0, 0]

  protected keep(bytes: Uint8Array) {
    if (bytes.byteLength === 0) return
    this.out.push(bytes)
    this.keptBytes += bytes.byteLength
    this.last = bytes.byteLength >= 2 ? [bytes.at(-2)!, bytes.at(-1)!] : [this.last[1]!, bytes[0]!]
  }

  /** Feeds a piece; `header(bytes)` reads a part's header from the front and says how long it was. */
  protected feed(piece: Uint8Array, header: (bytes: Uint8Array) => number): Uint8Array[] {
    let rest = piece
    while (rest.byteLength > 0) {
      if (this.body !== 0) {
        const n = Math.min(Math.abs(this.body), rest.byteLength)
        if (this.body > 0) {
          this.keep(rest.subarray(0, n))
          this.body -= n
        } else this.body += n
        rest = rest.subarray(n)
        continue
      }
      const joined = this.pending.byteLength ? concat(this.pending, rest) : rest
      const used = header(joined)
      if (used === 0) {
        // Not enough for a header yet: wait for more (headers are a few bytes).
        this.pending = joined.slice()
        return this.take()
      }
      this.pending = new Uint8Array(0)
      rest = joined.subarray(used)
    }
    return this.take()
  }

  protected take(): Uint8Array[] {
    const out = this.out
    this.out = []
    return out
  }

  protected get waiting() {
    return this.pending.byteLength
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.byteLength + b.byteLength)
  joined.set(a)
  joined.set(b, a.byteLength)
  return joined
}

// JPEG: markers before the first scan; APP1 to APP13 and APP15 (Exif, XMP, IPTC, ICC, maker
// notes) and comments are dropped. APP0 (JFIF) and APP14 (Adobe: how colours are coded) stay.
// After the start of scan everything is picture data and is copied.
const JPEG_DROPPED = (marker: number) =>
  (marker >= 0xe1 && marker <= 0xef && marker !== 0xee) || marker === 0xfe

class JpegStripper extends Parts implements Stripper {
  private inScan = false
  private started = false

  push(piece: Uint8Array) {
    if (this.inScan) {
      this.keep(piece)
      return this.take()
    }
    return this.feed(piece, (b) => this.header(b))
  }

  private header(b: Uint8Array): number {
    if (this.inScan) {
      this.keep(b)
      return b.byteLength
    }
    if (b.byteLength < 2) return 0
    if (b[0] !== 0xff) throw new NotAPhoto('The photo is damaged: its parts could not be read.')
    const marker = b[1]!
    if (marker === 0xff) {
      // Fill byte before a marker.
      return 1
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      if (marker === 0xd8) this.started = true
      this.keep(b.slice(0, 2))
      return 2
    }
    if (b.byteLength < 4) return 0
    const length = (b[2]! << 8) | b[3]!
    if (length < 2) throw new NotAPhoto('The photo is damaged: its parts could not be read.')
    if (JPEG_DROPPED(marker)) {
      this.body = -(length - 2)
      return 4
    }
    this.keep(b.slice(0, 4))
    this.body = length - 2
    if (marker === 0xda) this.inScan = true
    return 4
  }

  end() {
    if (!this.started || !this.inScan || this.last[0] !== 0xff || this.last[1] !== 0xd9)
      return { invalid: 'The photo is not complete: it stops before its end.' }
    return { rest: this.take(), patches: [] }
  }
}

// PNG: the signature, then chunks (length, type, data, CRC). Critical chunks stay, and the
// ancillary ones that change how the picture looks; text, time, Exif and all others are dropped.
const PNG_KEPT_ANCILLARY = new Set(['tRNS', 'gAMA', 'cHRM', 'sRGB', 'sBIT', 'bKGD', 'pHYs'])

class PngStripper extends Parts implements Stripper {
  private signed = false
  private sawHeader = false
  private sawEnd = false

  push(piece: Uint8Array) {
    return this.feed(piece, (b) => this.header(b))
  }

  private header(b: Uint8Array): number {
    if (!this.signed) {
      if (b.byteLength < 8) return 0
      this.keep(b.slice(0, 8))
      this.signed = true
      return 8
    }
    if (this.sawEnd) throw new NotAPhoto('The photo is damaged: it goes on after its end.')
    if (b.byteLength < 8) return 0
    const length = new DataView(b.buffer, b.byteOffset, 8).getUint32(0)
    const type = String.fromCharCode(b[4]!, b[5]!, b[6]!, b[7]!)
    if (!/^[A-Za-z]{4}$/.test(type)) throw new NotAPhoto('The photo is damaged: its parts could not be read.')
    if (!this.sawHeader && type !== 'IHDR') throw new NotAPhoto('The photo is damaged: it has no header.')
    this.sawHeader = true
    if (type === 'IEND') this.sawEnd = true
    const critical = type[0] === type[0]!.toUpperCase()
    if (critical || PNG_KEPT_ANCILLARY.has(type)) {
      this.keep(b.slice(0, 8))
      this.body = length + 4
    } else this.body = -(length + 4)
    return 8
  }

  end() {
    if (!this.sawEnd || this.body !== 0 || this.waiting > 0)
      return { invalid: 'The photo is not complete: it stops before its end.' }
    return { rest: this.take(), patches: [] }
  }
}

// WebP: a RIFF file of chunks (four letters, a length, the data, a pad byte to even length).
// EXIF, XMP and ICC chunks are dropped; the extended header's flags and the file's length are
// corrected at the end.
const WEBP_DROPPED = new Set(['EXIF', 'XMP ', 'ICCP'])

class WebpStripper extends Parts implements Stripper {
  private started = false
  private sawPicture = false
  private extendedFlagsAt: number | null = null
  private extendedFlags = 0
  private declared = 0
  private read = 0

  push(piece: Uint8Array) {
    this.read += piece.byteLength
    return this.feed(piece, (b) => this.header(b))
  }

  private header(b: Uint8Array): number {
    if (!this.started) {
      if (b.byteLength < 12) return 0
      this.declared = new DataView(b.buffer, b.byteOffset, 12).getUint32(4, true)
      this.keep(b.slice(0, 12))
      this.started = true
      return 12
    }
    if (b.byteLength < 8) return 0
    const type = String.fromCharCode(b[0]!, b[1]!, b[2]!, b[3]!)
    const size = new DataView(b.buffer, b.byteOffset, 8).getUint32(4, true)
    const padded = size + (size % 2)
    if (type === 'VP8 ' || type === 'VP8L' || type === 'ANMF') this.sawPicture = true
    if (WEBP_DROPPED.has(type)) {
      this.body = -padded
      return 8
    }
    if (type === 'VP8X') {
      if (b.byteLength < 9) return 0
      this.extendedFlagsAt = this.keptBytes + 8
      this.extendedFlags = b[8]!
    }
    this.keep(b.slice(0, 8))
    this.body = padded
    return 8
  }

  end() {
    if (!this.sawPicture || this.body !== 0 || this.waiting > 0 || this.read !== this.declared + 8)
      return { invalid: 'The photo is not complete: it stops before its end.' }
    const rest = this.take()
    const size = new Uint8Array(4)
    new DataView(size.buffer).setUint32(0, this.keptBytes - 8, true)
    const patches = [{ at: 4, bytes: size }]
    // No ICC profile, Exif or XMP any more: their flags are cleared.
    if (this.extendedFlagsAt !== null)
      patches.push({ at: this.extendedFlagsAt, bytes: new Uint8Array([this.extendedFlags & FLAGS_KEPT]) })
    return { rest, patches }
  }
}

/** The VP8X flags a stripped WebP keeps: animation (0x02) and alpha (0x10). */
const FLAGS_KEPT = 0x12

export class NotAPhoto extends Error {}

export function stripperFor(type: PhotoType): Stripper {
  if (type === 'jpeg') return new JpegStripper()
  if (type === 'png') return new PngStripper()
  return new WebpStripper()
}
