import { type Kysely, sql } from 'kysely'

// Photos taken at an inspection (a locked dormitory, a pay slip, a passport held by the
// employer), kept in PostgreSQL as pieces of `bytea` in their own tables: large objects do not
// work on the embedded database, and pieces let a photo be written and read a part at a time.
// A photo is known by its record and the SHA-256 of the bytes the device sent, so a resend is
// the same photo and the same picture on two records is two photos. No registry-version
// trigger: no kept page shows a photo, and an upload must not end every kept public page.
// Photos are never deleted from a record: there is no `on delete` from inspections.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table inspection_photos (
      id uuid primary key default gen_random_uuid(),
      inspection_id uuid not null references inspections,
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      -- What it shows evidence of: the whole visit, or one indicator, recruiter or finding.
      attached_to text not null default 'inspection' check (length(attached_to) <= 80),
      content_type text not null check (content_type in ('image/jpeg', 'image/png', 'image/webp')),
      -- As kept, after what could say more than the picture was removed.
      byte_size integer not null check (byte_size > 0),
      -- Read on the phone from the photo before it was made smaller.
      taken_at timestamptz,
      latitude double precision check (latitude between -90 and 90),
      longitude double precision check (longitude between -180 and 180),
      uploaded_by uuid not null references users,
      uploaded_at timestamptz not null default now(),
      unique (inspection_id, sha256),
      check ((latitude is null) = (longitude is null))
    )`.execute(db)
  await sql`
    create table inspection_photo_pieces (
      photo_id uuid not null references inspection_photos on delete cascade,
      position integer not null check (position >= 0),
      data bytea not null,
      primary key (photo_id, position)
    )`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table inspection_photo_pieces`.execute(db)
  await sql`drop table inspection_photos`.execute(db)
}
