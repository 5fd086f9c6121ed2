import { createHash } from 'node:crypto'
import type { Actor } from '../audit/audit.js'
import { writeAudit } from '../audit/audit.js'
import type { Database } from '../db/database.js'
import { NotAPhoto, PHOTO_TYPES, type PhotoType, stripperFor } from './photo-bytes.js'

// Storing and reading an inspection's photos. A photo goes through in pieces: hashed as sent,
// stripped of metadata (photo-bytes.ts), written as rows of `inspection_photo_pieces`, all in the
// route's transaction, so a photo cut off half-way leaves nothing. Where a ministry outgrows
// PostgreSQL for photos, `PhotoPieces` is the one thing to replace (README: "Photos").

/** Where a photo's bytes are kept: today rows of `bytea`; an S3-compatible store could do. */
export interface PhotoPieces {
  /** Writes the bytes in order; `patches` correct the first bytes once the end is known. */
  write(
    db: Database,
    photoId: string,
    bytes: AsyncIterable<Uint8Array[]>,
    end: () => Patches,
  ): Promise<number>
  /** The bytes in order, a piece at a time. */
  read(db: Database, photoId: string): AsyncIterable<Uint8Array>
}
type Patches = { at: number; bytes: Uint8Array }[]

/** A quarter of a megabyte a row: a 300 KB photo is two rows, and no row is large to read. */
const PIECE_BYTES = 256 * 1024

export const postgresPieces: PhotoPieces = {
  async write(db, photoId, bytes, end) {
    let position = 0
    let total = 0
    let buffered: Uint8Array[] = []
    let bufferedBytes = 0
    // The first piece is written last: a WebP's length, in its first bytes, is known at the end.
    let first: Buffer | null = null
    const flush = async () => {
      if (bufferedBytes === 0) return
      const piece = Buffer.concat(buffered)
      buffered = []
      bufferedBytes = 0
      if (first === null) first = piece
      else
        await db
          .insertInto('inspection_photo_pieces')
          .values({ photo_id: photoId, position, data: piece })
          .execute()
      position++
    }
    for await (const kept of bytes)
      for (const part of kept) {
        buffered.push(part)
        bufferedBytes += part.byteLength
        total += part.byteLength
        if (bufferedBytes >= PIECE_BYTES) await flush()
      }
    await flush()
    if (first === null) return 0
    const head: Buffer = first
    for (const patch of end()) head.set(patch.bytes, patch.at)
    await db
      .insertInto('inspection_photo_pieces')
      .values({ photo_id: photoId, position: 0, data: head })
      .execute()
    return total
  },
  async *read(db, photoId) {
    for (let position = 0; ; position++) {
      const row = await db
        .selectFrom('inspection_photo_pieces')
        .select('data')
        .where('photo_id', '=', photoId)
        .where('position', '=', position)
        .executeTakeFirst()
      if (!row) return
      yield row.data
    }
  },
}

/** Why a photo was not stored, in words for the person who sent it. */
export class PhotoRefused extends Error {}

export interface PhotoFacts {
  inspectionId: string
  /** SHA-256 of the bytes as the device sent them, in hex: with the record, the photo's key. */
  sha256: string
  attachedTo: string
  takenAt: Date | null
  position: { latitude: number; longitude: number } | null
}

/** An already stored photo of this record with these bytes. */
export async function findPhoto(db: Database, inspectionId: string, sha256: string) {
  return db
    .selectFrom('inspection_photos')
    .select('id')
    .where('inspection_id', '=', inspectionId)
    .where('sha256', '=', sha256)
    .executeTakeFirst()
}

/**
 * Stores a photo once: `{ stored }` the first time, `{ already }` when these bytes are already on
 * this record (a resend, or two sends at once: the second waits for the first). Throws
 * PhotoRefused for bytes that are no photo, are cut short or are not the bytes the key names.
 * Run it in a transaction.
 */
export async function storePhoto(
  trx: Database,
  actor: Actor & { id: string },
  facts: PhotoFacts,
  type: PhotoType,
  body: AsyncIterable<Uint8Array>,
  pieces: PhotoPieces = postgresPieces,
): Promise<{ stored: string } | { already: string }> {
  const inserted = await trx
    .insertInto('inspection_photos')
    .values({
      inspection_id: facts.inspectionId,
      sha256: facts.sha256,
      attached_to: facts.attachedTo,
      content_type: PHOTO_TYPES[type],
      byte_size: 1,
      taken_at: facts.takenAt,
      latitude: facts.position?.latitude ?? null,
      longitude: facts.position?.longitude ?? null,
      uploaded_by: actor.id,
    })
    .onConflict((oc) => oc.columns(['inspection_id', 'sha256']).doNothing())
    .returning('id')
    .executeTakeFirst()
  if (!inserted) {
    const existing = await findPhoto(trx, facts.inspectionId, facts.sha256)
    return { already: existing!.id }
  }
  const hash = createHash('sha256')
  const stripper = stripperFor(type)
  async function* kept() {
    for await (const piece of body) {
      hash.update(piece)
      try {
        yield stripper.push(piece)
      } catch (error) {
        if (error instanceof NotAPhoto) throw new PhotoRefused(error.message)
        throw error
      }
    }
  }
  let patches: Patches = []
  const size = await pieces.write(
    trx,
    inserted.id,
    (async function* () {
      yield* kept()
      const ended = stripper.end()
      if ('invalid' in ended) throw new PhotoRefused(ended.invalid)
      patches = ended.patches
      yield ended.rest
    })(),
    () => patches,
  )
  if (hash.digest('hex') !== facts.sha256)
    throw new PhotoRefused(
      'The photo arrived different from the one taken (cut off or changed on the way). The device sends it again.',
    )
  await trx.updateTable('inspection_photos').set({ byte_size: size }).where('id', '=', inserted.id).execute()
  await writeAudit(trx, actor, {
    action: 'inspection.photo_added',
    entity: 'inspection',
    entityId: facts.inspectionId,
    after: {
      photo: inserted.id,
      attached_to: facts.attachedTo,
      bytes: size,
      content_type: PHOTO_TYPES[type],
    },
  })
  return { stored: inserted.id }
}

/** The photos of a record, for its page: never their bytes. */
export async function photosOf(db: Database, inspectionId: string) {
  return db
    .selectFrom('inspection_photos')
    .select([
      'id',
      'sha256',
      'attached_to',
      'content_type',
      'byte_size',
      'taken_at',
      'latitude',
      'longitude',
      'uploaded_at',
    ])
    .where('inspection_id', '=', inspectionId)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute()
}

/** One photo's facts and the record it belongs to, for opening it. */
export async function photoById(db: Database, id: string) {
  return db
    .selectFrom('inspection_photos')
    .innerJoin('inspections', 'inspections.id', 'inspection_photos.inspection_id')
    .select([
      'inspection_photos.id',
      'inspection_photos.inspection_id',
      'inspection_photos.content_type',
      'inspection_photos.byte_size',
      'inspections.status',
      'inspections.recorded_by',
    ])
    .where('inspection_photos.id', '=', id)
    .executeTakeFirst()
}
