import { type Context, Hono } from 'hono'
import { z } from 'zod'
import { writeAudit } from '../audit/audit.js'
import { actorOf, requireRole } from '../auth/guard.js'
import { PHOTO_UPLOAD_PATH } from '../http/body-limit.js'
import type { AppEnv } from '../http/env.js'
import { fieldErrors, paramOr404 } from '../http/validation.js'
import { INSPECTION_WRITERS, PHOTO_READERS } from './access.js'
import { photoTypeOf, SNIFF_BYTES } from './photo-bytes.js'
import { findPhoto, PhotoRefused, photoById, postgresPieces, storePhoto } from './photos.js'
import { isPhotoSubject } from './rules.js'

// A phone sends each photo of a record on its own request, after the record (the device's send
// loop, views/browser/offline.tsx): the photo's bytes are the body, what the phone read from it
// are query fields, and the answer is JSON for the device. Opening a photo is audited.

const writers = requireRole(...INSPECTION_WRITERS)
const readers = requireRole(...PHOTO_READERS)

const attachedTo = z
  .string()
  .max(80)
  .refine(
    isPhotoSubject,
    'Say what the photo is evidence of: the inspection, an indicator, a recruiter or a finding',
  )

const coordinate = (max: number) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().min(-max).max(max).optional())

const uploadQuery = z
  .object({
    record: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'The record key is missing or damaged'),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'The photo key is missing or damaged'),
    attached_to: attachedTo.default('inspection'),
    // When the photo was taken, as the phone read it from the photo: within the registry's years.
    taken_at: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.iso
        .datetime({ offset: true, message: 'When the photo was taken is not a date and time' })
        .refine((v) => v >= '2000-01-01' && v <= '2100-12-31', 'When the photo was taken is out of range')
        .optional(),
    ),
    latitude: coordinate(90),
    longitude: coordinate(180),
  })
  .refine((q) => (q.latitude === undefined) === (q.longitude === undefined), {
    message: 'Give both the latitude and the longitude of the photo, or neither',
    path: ['longitude'],
  })

const refuse = (
  c: Context<AppEnv>,
  status: 403 | 404 | 422,
  error: string,
  fields?: Record<string, string>,
) => c.json({ error, ...(fields ? { fields } : {}) }, status)

/** The first bytes of a body, and the rest of it after them, never more than a piece at a time. */
async function firstBytes(body: ReadableStream<Uint8Array> | null) {
  const reader = body?.getReader()
  const head: Uint8Array[] = []
  let length = 0
  while (reader && length < SNIFF_BYTES) {
    const { done, value } = await reader.read()
    if (done) break
    head.push(value)
    length += value.byteLength
  }
  const joined = Buffer.concat(head)
  async function* all() {
    if (joined.byteLength) yield new Uint8Array(joined)
    while (reader) {
      const { done, value } = await reader.read()
      if (done) return
      yield value
    }
  }
  return { head: joined, all, cancel: () => reader?.cancel() }
}

export const photoRoutes = new Hono<AppEnv>()
  .post(PHOTO_UPLOAD_PATH, writers, async (c) => {
    c.header('Cache-Control', 'no-store')
    const parsed = uploadQuery.safeParse(c.req.query())
    if (!parsed.success)
      return refuse(
        c,
        422,
        'The photo could not be stored: its details are damaged.',
        fieldErrors(parsed.error),
      )
    const query = parsed.data
    const db = c.get('db')
    const inspection = await db
      .selectFrom('inspections')
      .select(['id', 'status', 'recorded_by'])
      .where('idempotency_key', '=', query.record)
      .executeTakeFirst()
    if (!inspection)
      return refuse(c, 404, 'The record of this photo has not reached the registry yet: it is sent first.')
    const user = c.get('user')!
    if (inspection.status === 'draft' && inspection.recorded_by !== user.id)
      return refuse(c, 403, 'This record is a draft of somebody else: only they can add photos to it.')
    // A resend of a stored photo: nothing is read or written again.
    const stored = await findPhoto(db, inspection.id, query.sha256)
    if (stored) return c.json({ photo: stored.id, already: true })

    const body = await firstBytes(c.req.raw.body)
    const type = photoTypeOf(body.head)
    if (!type) {
      await body.cancel()
      return refuse(
        c,
        422,
        'This file is not a photo: only JPEG, PNG and WebP pictures are kept. Photograph a document instead.',
      )
    }
    const actor = actorOf(c)
    try {
      const result = await db.transaction().execute((trx) =>
        storePhoto(
          trx,
          { ...actor, id: actor.id! },
          {
            inspectionId: inspection.id,
            sha256: query.sha256,
            attachedTo: query.attached_to,
            takenAt: query.taken_at ? new Date(query.taken_at) : null,
            position:
              query.latitude !== undefined && query.longitude !== undefined
                ? { latitude: query.latitude, longitude: query.longitude }
                : null,
          },
          type,
          body.all(),
        ),
      )
      if ('already' in result) return c.json({ photo: result.already, already: true })
      return c.json({ photo: result.stored, already: false }, 201)
    } catch (error) {
      if (error instanceof PhotoRefused) return refuse(c, 422, error.message)
      throw error
    }
  })
  .get(
    '/inspections/photos/:id',
    readers,
    paramOr404(z.object({ id: z.uuid() }), 'There is no photo at this address.'),
    async (c) => {
      const db = c.get('db')
      const photo = await photoById(db, c.req.valid('param').id)
      if (!photo) return c.text('There is no photo at this address.', 404)
      if (photo.status === 'draft' && photo.recorded_by !== c.get('user')!.id)
        return c.text('This photo belongs to a draft: only the person who started it can open it.', 403)
      await writeAudit(db, actorOf(c), {
        action: 'inspection.photo_opened',
        entity: 'inspection',
        entityId: photo.inspection_id,
        after: { photo: photo.id },
      })
      const pieces = postgresPieces.read(db, photo.id)[Symbol.asyncIterator]()
      const stream = new ReadableStream<Uint8Array>(
        {
          async pull(controller) {
            const { done, value } = await pieces.next()
            if (done) controller.close()
            else controller.enqueue(value)
          },
        },
        { highWaterMark: 0 },
      )
      return new Response(stream, {
        headers: {
          'Content-Type': photo.content_type,
          'Content-Length': String(photo.byte_size),
          // Evidence about people: never kept by a shared browser or a proxy.
          'Cache-Control': 'private, no-store',
          'Content-Disposition': 'inline',
        },
      })
    },
  )
