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
