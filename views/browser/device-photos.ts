// Photos taken for a record, kept on the device in IndexedDB (localStorage cannot hold them)
// until the registry has them: a reload, a lost signal or a dead battery loses none. Each is
// made smaller before it is kept (longest side 1600 px, JPEG), after what the camera wrote
// into it (when, where) is read, since drawing it on a canvas drops that.

import { type PhotoFacts, photoFactsOf } from './photo-facts.js'

export interface DevicePhoto {
  /** `${recordKey}:${sha256}`: the same picture on two records is two photos. */
  id: string
  recordKey: string
  userId: string
  /** SHA-256 of the bytes kept (and sent), in hex. */
  sha256: string
  /** What it is evidence of: "inspection", "indicator:debt_bondage", "recruiter:2", ... */
  attachedTo: string
  facts: PhotoFacts
  blob: Blob
  state: 'waiting' | 'sent' | 'refused'
  /** The registry's words when it refused it. */
  reason: string | null
  addedAt: string
}

const LONGEST_SIDE = 1600
const QUALITY = 0.82

let opened: Promise<IDBDatabase> | null = null

function database(): Promise<IDBDatabase> {
  opened ??= new Promise((resolve, reject) => {
    const request = indexedDB.open('rr-device-photos', 1)
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore('photos', { keyPath: 'id' })
      store.createIndex('record', 'recordKey')
      store.createIndex('user', 'userId')
    }
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
  return opened
}

async function run<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await database()
  return new Promise((resolve, reject) => {
    const tx = db.transaction('photos', mode)
    const request = act(tx.objectStore('photos'))
    // Resolved when the transaction is on disk, not merely queued.
    tx.oncomplete = () => resolve(request.result)
    tx.onerror = () => reject(tx.error)
    tx.onabort = () => reject(tx.error)
  })
}

export const putPhoto = (photo: DevicePhoto) => run('readwrite', (s) => s.put(photo))
export const deletePhoto = (id: string) => run('readwrite', (s) => s.delete(id))

export async function photosOfRecord(recordKey: string): Promise<DevicePhoto[]> {
  const all = await run('readonly', (s) => s.index('record').getAll(recordKey) as IDBRequest<DevicePhoto[]>)
  return all.sort((a, b) => a.addedAt.localeCompare(b.addedAt))
}

export async function photosOfUser(userId: string): Promise<DevicePhoto[]> {
  return run('readonly', (s) => s.index('user').getAll(userId) as IDBRequest<DevicePhoto[]>)
}

/** A photo as it is kept and sent: smaller, as JPEG, with the facts its camera wrote. */
export async function preparePhoto(
  file: File,
): Promise<{ blob: Blob; sha256: string; facts: PhotoFacts } | { problem: string }> {
  if (!crypto.subtle) return { problem: 'Photos need the registry’s secure (https) address.' }
  // The Exif block is at the start of the file: no need to read a whole 8 MB photo for it.
  const facts = photoFactsOf(await file.slice(0, 256 * 1024).arrayBuffer())
  let bitmap: ImageBitmap
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' })
  } catch {
    return { problem: `“${file.name}” is not a picture this phone can open.` }
  }
  const scale = Math.min(1, LONGEST_SIDE / Math.max(bitmap.width, bitmap.height))
  const canvas = document.createElement('canvas')
  canvas.width = Math.max(1, Math.round(bitmap.width * scale))
  canvas.height = Math.max(1, Math.round(bitmap.height * scale))
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height)
  bitmap.close()
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', QUALITY))
  if (!blob) return { problem: `“${file.name}” could not be made smaller on this phone.` }
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer())
  const sha256 = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
  return { blob, sha256, facts }
}

/** The query a photo is sent with: its record, its key and what the phone read from it. */
export function uploadAddress(photo: DevicePhoto): string {
  const query = new URLSearchParams({
    record: photo.recordKey,
    sha256: photo.sha256,
    attached_to: photo.attachedTo,
  })
  if (photo.facts.takenAt) query.set('taken_at', photo.facts.takenAt)
  if (photo.facts.latitude !== null && photo.facts.longitude !== null) {
    query.set('latitude', String(photo.facts.latitude))
    query.set('longitude', String(photo.facts.longitude))
  }
  return `/inspections/photos?${query}`
}
