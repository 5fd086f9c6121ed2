import { createHash } from 'node:crypto'

// A phone's photo for the photo-upload scenario: a JPEG of about 300 KB with an Exif block (which
// the registry strips), its scan made of fixed bytes. Each request's photo differs by a number in
// its comment segment, so each has its own hash (and key), as every photo a phone takes does.

const u16 = (n: number) => [n >> 8, n & 0xff]
const segment = (marker: number, data: Buffer) =>
  Buffer.concat([Buffer.from([0xff, marker, ...u16(data.length + 2)]), data])

// Bytes of a scan: anything but 0xff, which would start a marker.
const scan = Buffer.alloc(300_000)
for (let i = 0; i < scan.length; i++) scan[i] = (i * 131 + 7) % 255

const head = Buffer.concat([
  Buffer.from([0xff, 0xd8]),
  segment(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')),
  segment(0xe1, Buffer.from('Exif\0\0GPS -29.3100,27.4800 Samsung SM-A055F', 'latin1')),
])
const tail = Buffer.concat([
  segment(0xdb, Buffer.alloc(65, 1)),
  segment(0xc0, Buffer.from([8, 0x06, 0x40, 0x04, 0xb0, 1, 1, 0x11, 0])),
  segment(0xc4, Buffer.alloc(30, 2)),
  segment(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0])),
  scan,
  Buffer.from([0xff, 0xd9]),
])

/** Photo number `n`, and the hex SHA-256 of its bytes. */
export function benchPhoto(n: number): { bytes: Buffer; sha256: string } {
  const bytes = Buffer.concat([head, segment(0xfe, Buffer.from(`bench photo ${n}`, 'latin1')), tail])
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') }
}
