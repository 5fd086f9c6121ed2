import { deflateSync } from 'node:zlib'

// Photo files built byte by byte, with and without the metadata a phone writes, for the tests of
// the type check and the metadata stripping. The server never decodes a picture, so these need
// only the right structure: the parts a viewer would read, in the right order.

const bytes = (...parts: (number[] | Uint8Array | string)[]) =>
  Buffer.concat(
    parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p as Uint8Array))),
  )

const u16 = (n: number) => [n >> 8, n & 0xff]
const jpegSegment = (marker: number, body: Buffer | string) => {
  const data = typeof body === 'string' ? Buffer.from(body, 'latin1') : body
  return bytes([0xff, marker, ...u16(data.length + 2)], data)
}

/** Where the phone stood, as an Exif block says it (the words are what matter to the test). */
export const SECRET_METADATA = 'GPS -29.3100,27.4800 Samsung SM-A055F owner Palesa'

const scan = Buffer.alloc(3000, 0x5a)

/** A JPEG with JFIF, Exif, XMP, a comment, tables, a frame, a scan and its end. */
export function jpegWithMetadata(): Buffer {
  return bytes(
    [0xff, 0xd8],
    jpegSegment(0xe0, 'JFIF\0\x01\x01\0\0\x01\0\x01\0\0'),
    jpegSegment(0xe1, `Exif\0\0${SECRET_METADATA}`),
    jpegSegment(0xe1, `http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>${SECRET_METADATA}</x:xmpmeta>`),
    jpegSegment(0xfe, SECRET_METADATA),
    jpegSegment(0xdb, Buffer.alloc(65, 1)),
    jpegSegment(0xc0, Buffer.from([8, 0, 16, 0, 16, 1, 1, 0x11, 0])),
    jpegSegment(0xc4, Buffer.alloc(30, 2)),
    jpegSegment(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0])),
    scan,
    [0xff, 0xd9],
  )
}

/** The same JPEG as the registry should keep it. */
export function jpegStripped(): Buffer {
  return bytes(
    [0xff, 0xd8],
    jpegSegment(0xe0, 'JFIF\0\x01\x01\0\0\x01\0\x01\0\0'),
    jpegSegment(0xdb, Buffer.alloc(65, 1)),
    jpegSegment(0xc0, Buffer.from([8, 0, 16, 0, 16, 1, 1, 0x11, 0])),
    jpegSegment(0xc4, Buffer.alloc(30, 2)),
    jpegSegment(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0])),
    scan,
    [0xff, 0xd9],
  )
}

const u32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]
const pngChunk = (type: string, data: Buffer | string) => {
  const body = typeof data === 'string' ? Buffer.from(data, 'latin1') : data
  // The CRC is not checked by the registry; any four bytes do for the test.
  return bytes(u32(body.length), type, body, [1, 2, 3, 4])
}

export function pngWithMetadata(): Buffer {
  return bytes(
    [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    pngChunk('IHDR', Buffer.from([0, 0, 0, 16, 0, 0, 0, 16, 8, 2, 0, 0, 0])),
    pngChunk('tEXt', `Comment\0${SECRET_METADATA}`),
    pngChunk('eXIf', SECRET_METADATA),
    pngChunk('gAMA', Buffer.from([0, 0, 0xb1, 0x8f])),
    pngChunk('IDAT', Buffer.alloc(2000, 7)),
    pngChunk('tIME', Buffer.from([7, 234, 12, 1, 10, 0, 0])),
    pngChunk('IEND', ''),
  )
}

export function pngStripped(): Buffer {
  return bytes(
    [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    pngChunk('IHDR', Buffer.from([0, 0, 0, 16, 0, 0, 0, 16, 8, 2, 0, 0, 0])),
    pngChunk('gAMA', Buffer.from([0, 0, 0xb1, 0x8f])),
    pngChunk('IDAT', Buffer.alloc(2000, 7)),
    pngChunk('IEND', ''),
  )
}

const le32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff]
const riffChunk = (type: string, data: Buffer | string) => {
  const body = typeof data === 'string' ? Buffer.from(data, 'latin1') : data
  return bytes(type, le32(body.length), body, body.length % 2 ? [0] : [])
}
const riff = (...chunks: Buffer[]) => {
  const inner = Buffer.concat(chunks)
  return bytes('RIFF', le32(inner.length + 4), 'WEBP', inner)
}

/** An extended WebP: alpha, Exif and XMP flagged in its header, and their chunks. */
export function webpWithMetadata(): Buffer {
  return riff(
    riffChunk('VP8X', Buffer.from([0x10 | 0x08 | 0x04, 0, 0, 0, 15, 0, 0, 15, 0, 0])),
    riffChunk('VP8 ', Buffer.alloc(1001, 9)),
    riffChunk('EXIF', SECRET_METADATA),
    riffChunk('XMP ', `<x:xmpmeta>${SECRET_METADATA}</x:xmpmeta>`),
  )
}

export function webpStripped(): Buffer {
  return riff(
    riffChunk('VP8X', Buffer.from([0x10, 0, 0, 0, 15, 0, 0, 15, 0, 0])),
    riffChunk('VP8 ', Buffer.alloc(1001, 9)),
  )
}

/** A PDF renamed photo.jpg: what the type check must refuse. */
export const RENAMED_PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n', 'latin1')

/** A real PNG a browser can open: width × height of one colour with a stripe (zlib, real CRCs). */
export function pngPicture(width: number, height: number, rgb: [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (data: Buffer) => {
    let c = 0xffffffff
    for (const byte of data) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(4)
    head.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const tail = Buffer.alloc(4)
    tail.writeUInt32BE(crc(body))
    return Buffer.concat([head, body, tail])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const rows: Buffer[] = []
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3)
    for (let x = 0; x < width; x++) {
      const stripe = Math.floor(x / 40) % 2 === 0
      row.set(stripe ? rgb : [255 - rgb[0], 255 - rgb[1], 255 - rgb[2]], 1 + x * 3)
    }
    rows.push(row)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}
