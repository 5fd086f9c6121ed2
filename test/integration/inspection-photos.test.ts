import { createHash, randomBytes } from 'node:crypto'
import { connect } from 'node:net'
import { serve } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { jpegStripped, jpegWithMetadata, pngWithMetadata, RENAMED_PDF } from '../support/photo-files.js'
import { createTestRegistry, type TestClient } from '../support/registry.js'

// Photos sent by the device, one request each: stored once per record and bytes, stripped of
// metadata, refused when they are no photo or too large, shown only to those who may see them.

let registry: Awaited<ReturnType<typeof createTestRegistry>>
let inspector: { client: TestClient }
let recordKey = ''
let inspectionId = ''

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
const uploadPath = (key: string, bytes: Uint8Array, extra = '') =>
  `/inspections/photos?record=${key}&sha256=${sha(bytes)}${extra}`

beforeAll(async () => {
  registry = await createTestRegistry({ PHOTO_MAX_BYTES: String(64 * 1024) })
  inspector = await registry.signedInAs('inspector')
  const site = await inspector.client.post('/worksites', {
    name: 'Ha Ramabanta Poultry',
    kind: 'farm',
    sector: 'agriculture',
    district: 'Maseru',
    village: 'Ramabanta',
  })
  worksiteId = site.headers.get('location')!.split('/').pop()!.split('?')[0]!
  ;({ key: recordKey, id: inspectionId } = await newRecord())
})

let worksiteId = ''
/** A short inspection's form, with these fields added or replaced. */
const recordForm = (extra: Record<string, string | string[]> = {}) => ({
  idempotency_key: randomBytes(18).toString('base64url'),
  worksite_id: worksiteId,
  visited_at: '2026-11-20T10:00',
  type: 'routine',
  lead_inspector: 'Thabo Mokhethi',
  workers_present: '12',
  workers_interviewed: '4',
  outcome: 'no_issue',
  action: 'submit',
  ...extra,
})

/** A submitted inspection: its key and id. */
async function newRecord(extra: Record<string, string | string[]> = {}) {
  const form = recordForm(extra)
  const key = form.idempotency_key as string
  const res = await inspector.client.post('/inspections', form)
  expect(res.status).toBe(303)
  return { key, id: res.headers.get('location')!.split('/').pop()!.split('?')[0]! }
}
afterAll(() => registry.close())

async function storedPhotos() {
  return registry.db
    .selectFrom('inspection_photos')
    .selectAll()
    .where('inspection_id', '=', inspectionId)
    .orderBy('uploaded_at')
    .execute()
}

async function storedBytes(photoId: string) {
  const pieces = await registry.db
    .selectFrom('inspection_photo_pieces')
    .select('data')
    .where('photo_id', '=', photoId)
    .orderBy('position')
    .execute()
  return Buffer.concat(pieces.map((p) => Buffer.from(p.data)))
}

describe('a photo sent from the field', () => {
  it('is stored once whatever is resent, without what the phone wrote into it, and audited', async () => {
    const photo = jpegWithMetadata()
    const path = uploadPath(
      recordKey,
      photo,
      '&attached_to=indicator:retention_of_identity_documents&taken_at=2026-11-20T09:41:00%2B02:00&latitude=-29.31&longitude=27.48',
    )
    const first = await inspector.client.sendBytes(path, photo)
    expect(first.status).toBe(201)
    const { photo: id } = (await first.json()) as { photo: string }
    const again = await inspector.client.sendBytes(path, photo)
    expect(again.status).toBe(200)
    expect(await again.json()).toEqual({ photo: id, already: true })

    const rows = await storedPhotos()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      id,
      attached_to: 'indicator:retention_of_identity_documents',
      content_type: 'image/jpeg',
      latitude: -29.31,
      longitude: 27.48,
    })
    expect(rows[0]!.taken_at?.toISOString()).toBe('2026-11-20T07:41:00.000Z')
    const kept = await storedBytes(id)
    expect(kept).toEqual(jpegStripped())
    expect(kept.toString('latin1')).not.toContain('Palesa')
    expect(rows[0]!.byte_size).toBe(kept.length)

    // Opened by an inspector: the bytes as kept, never cached, and the opening is in the log.
    const opened = await inspector.client.get(`/inspections/photos/${id}`)
    expect(opened.status).toBe(200)
    expect(opened.headers.get('content-type')).toBe('image/jpeg')
    expect(opened.headers.get('cache-control')).toContain('no-store')
    expect(Buffer.from(await opened.arrayBuffer())).toEqual(jpegStripped())
    const audit = await registry.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity_id', '=', inspectionId)
      .where('action', 'like', 'inspection.photo%')
      .execute()
    expect(audit.map((a) => a.action).sort()).toEqual(['inspection.photo_added', 'inspection.photo_opened'])
  })

  it('keeps the same picture on two records as two photos', async () => {
    const photo = pngWithMetadata()
    expect((await inspector.client.sendBytes(uploadPath(recordKey, photo), photo, 'image/png')).status).toBe(
      201,
    )
    // The same picture on another record is that record's photo too.
    const other = await newRecord()
    expect((await inspector.client.sendBytes(uploadPath(other.key, photo), photo, 'image/png')).status).toBe(
      201,
    )
    expect(
      await registry.db
        .selectFrom('inspection_photos')
        .select('inspection_id')
        .where('sha256', '=', sha(photo))
        .execute(),
    ).toHaveLength(2)
    expect((await storedPhotos()).map((p) => p.content_type)).toEqual(['image/jpeg', 'image/png'])
  })

  it('refuses a file that is no photo, by its bytes, whatever it claims to be', async () => {
    const res = await inspector.client.sendBytes(
      uploadPath(recordKey, RENAMED_PDF),
      RENAMED_PDF,
      'image/jpeg',
    )
    expect(res.status).toBe(422)
    expect(((await res.json()) as { error: string }).error).toContain('not a photo: only JPEG, PNG and WebP')
    expect(await storedPhotos()).toHaveLength(2)
  })

  it('refuses bytes that are not the ones the key names, or a photo cut short, storing nothing', async () => {
    const photo = Buffer.concat([
      jpegWithMetadata().subarray(0, -2),
      Buffer.alloc(500, 0x44),
      Buffer.from([0xff, 0xd9]),
    ])
    const changed = Buffer.from(photo)
    changed[changed.length - 10] = 0x00
    const wrongHash = await inspector.client.sendBytes(uploadPath(recordKey, photo), changed)
    expect(wrongHash.status).toBe(422)
    expect(((await wrongHash.json()) as { error: string }).error).toContain('arrived different')
    const cut = photo.subarray(0, 200)
    const short = await inspector.client.sendBytes(uploadPath(recordKey, cut), cut)
    expect(short.status).toBe(422)
    expect(((await short.json()) as { error: string }).error).toContain('not complete')
    expect(await storedPhotos()).toHaveLength(2)
    // Nothing half-stored: every piece belongs to a photo that was kept whole.
    const pieces = await registry.db
      .selectFrom('inspection_photo_pieces')
      .innerJoin('inspection_photos', 'inspection_photos.id', 'inspection_photo_pieces.photo_id')
      .select(['inspection_photos.byte_size', 'inspection_photo_pieces.data'])
      .execute()
    expect(pieces.length).toBeGreaterThan(0)
    expect(pieces.every((p) => p.byte_size === p.data.byteLength)).toBe(true)
  })

  it('refuses a photo over the limit with 413 before reading it, and says what is wrong with its details', async () => {
    const large = Buffer.concat([jpegStripped(), Buffer.alloc(70 * 1024)])
    const res = await inspector.client.sendBytes(uploadPath(recordKey, large), large)
    expect(res.status).toBe(413)
    const bad = await inspector.client.sendBytes(
      `/inspections/photos?record=${recordKey}&sha256=xyz&latitude=123&attached_to=nonsense`,
      jpegStripped(),
    )
    expect(bad.status).toBe(422)
    const body = (await bad.json()) as { fields: Record<string, string> }
    expect(Object.keys(body.fields)).toEqual(expect.arrayContaining(['attached_to', 'latitude', 'sha256']))
    expect(body.fields.latitude).toBeTruthy()
    const unknown = await inspector.client.sendBytes(
      uploadPath(randomBytes(18).toString('base64url'), jpegStripped()),
      jpegStripped(),
    )
    expect(unknown.status).toBe(404)
    expect(((await unknown.json()) as { error: string }).error).toContain('has not reached the registry yet')
  })

  it('is never given to an analyst or an anonymous visitor, nor shown on public pages', async () => {
    const [photo] = await storedPhotos()
    const analyst = await registry.signedInAs('analyst')
    expect((await analyst.client.get(`/inspections/photos/${photo!.id}`)).status).toBe(403)
    const anonymous = await registry.app.request(`/inspections/photos/${photo!.id}`)
    expect(anonymous.status).toBe(303)
    expect(anonymous.headers.get('location')).toMatch(/^\/login/)
    const officer = await registry.signedInAs('licensing_officer')
    expect((await officer.client.get(`/inspections/photos/${photo!.id}`)).status).toBe(200)
    expect(
      (await inspector.client.get('/inspections/photos/00000000-0000-4000-8000-000000000000')).status,
    ).toBe(404)
  })
})

describe('the record page', () => {
  it('shows the photos that arrived and says which are still on the device that took them', async () => {
    const first = jpegWithMetadata()
    const second = Buffer.concat([
      jpegStripped().subarray(0, -2),
      Buffer.alloc(99, 1),
      Buffer.from([0xff, 0xd9]),
    ])
    const { key, id } = await newRecord({
      photo: [`${sha(first)}:indicator:debt_bondage`, `${sha(second)}:inspection`],
    })
    const page = `/inspections/${id}`
    const text = async (client: TestClient) =>
      (await (await client.get(page)).text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
    expect(await text(inspector.client)).toContain(
      '0 of 2 photos have arrived. 2 are still on the device that took them (Indicator: Debt bondage; The visit)',
    )
    expect(
      (await inspector.client.sendBytes(uploadPath(key, first, '&attached_to=indicator:debt_bondage'), first))
        .status,
    ).toBe(201)
    const html = await (await inspector.client.get(page)).text()
    expect(html).toMatch(
      /<img src="\/inspections\/photos\/[0-9a-f-]{36}" alt="Evidence 1: Indicator: Debt bondage"/,
    )
    expect(html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')).toContain(
      '1 of 2 photos have arrived. 1 is still on the device that took it (The visit)',
    )
    // An analyst counts; the photos are not shown to them.
    const analyst = await registry.signedInAs('analyst')
    const theirs = await (await analyst.client.get(page)).text()
    expect(theirs).not.toContain('/inspections/photos/')
    expect(theirs.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')).toContain(
      '1 photo. Photos are shown only to inspectors',
    )
    // A photo listed twice, or something that is not one, is refused with the record.
    const bad = await inspector.client.post('/inspections', recordForm({ photo: 'not-a-photo' }))
    expect(bad.status).toBe(422)
  })
})

describe('a photo upload cut off half-way', () => {
  it('leaves nothing stored, and the same photo sent again is stored once', async () => {
    const server = serve({ fetch: registry.app.fetch, port: 0, hostname: '127.0.0.1' })
    await new Promise((resolve) => server.once('listening', resolve))
    const { port } = server.address() as { port: number }
    try {
      const photo = Buffer.concat([
        jpegWithMetadata().subarray(0, -2),
        Buffer.alloc(20_000, 0x33),
        Buffer.from([0xff, 0xd9]),
      ])
      const path = uploadPath(recordKey, photo)
      const cookie = inspector.client.cookieHeader
      const head = [
        `POST ${path} HTTP/1.1`,
        'Host: 127.0.0.1',
        `Cookie: ${cookie}`,
        `X-CSRF-Token: ${inspector.client.csrfToken}`,
        'Content-Type: image/jpeg',
        `Content-Length: ${photo.length}`,
        '',
        '',
      ].join('\r\n')
      await new Promise<void>((resolve) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.write(head)
          socket.write(photo.subarray(0, Math.floor(photo.length / 2)), () => {
            // The signal is lost: the connection goes before the rest of the photo.
            setTimeout(() => {
              socket.destroy()
              resolve()
            }, 100)
          })
        })
      })
      // Whatever the server was doing with it has ended: told as a sender gone, not a failure.
      await new Promise((r) => setTimeout(r, 300))
      const log = registry.logLines.join('')
      expect(log).toContain('request abandoned by the client')
      expect(log).not.toContain('database unavailable')
      expect(log).not.toContain('"level":50')
      const before = (await storedPhotos()).length
      expect(
        await registry.db
          .selectFrom('inspection_photos')
          .select('id')
          .where('sha256', '=', sha(photo))
          .execute(),
      ).toEqual([])
      const res = await fetch(`http://127.0.0.1:${port}${path}`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': inspector.client.csrfToken, 'content-type': 'image/jpeg' },
        body: photo,
      })
      expect(res.status).toBe(201)
      expect(await storedPhotos()).toHaveLength(before + 1)
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  })
})
