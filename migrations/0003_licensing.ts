import { type Kysely, sql } from 'kysely'

// Licensing: the people behind agencies, licences with their numbers, applications and their
// decisions, the event history of each licence, and additional licence conditions.

const inList = (values: string[]) => sql.join(values.map((v) => sql.lit(v)))

export async function up(db: Kysely<any>): Promise<void> {
  // Typo-tolerant search over the legal and trading names, kept by the database itself.
  await db.schema
    .alterTable('agencies')
    .addColumn('search_text', 'text', (col) => col.notNull().defaultTo(''))
    .execute()
  await sql`
    create function agencies_search_text() returns trigger language plpgsql as $$
    begin
      new.search_text := lower(new.legal_name || ' ' || array_to_string(new.trading_names, ' '));
      return new;
    end
    $$`.execute(db)
  await sql`
    create trigger agencies_search_text before insert or update of legal_name, trading_names on agencies
    for each row execute function agencies_search_text()`.execute(db)
  await sql`update agencies set legal_name = legal_name`.execute(db)
  await sql`create index agencies_search_trgm_idx on agencies using gin (search_text gin_trgm_ops)`.execute(
    db,
  )
  await sql`create index agencies_legal_name_lower_idx on agencies (lower(legal_name))`.execute(db)
  await sql`create index agencies_registration_number_upper_idx on agencies (upper(registration_number))`.execute(
    db,
  )

  await db.schema
    .createTable('agency_people')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('agency_id', 'uuid', (col) => col.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('role', 'text', (col) => col.notNull().check(sql`role in ('principal', 'director')`))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('id_number', 'text', (col) => col.notNull())
    // Upper case, letters and digits only: "ab 123-45" and "AB12345" are one person.
    .addColumn('id_number_key', 'text', (col) => col.notNull())
    .addColumn('position', 'integer', (col) => col.notNull().defaultTo(0))
    .execute()
  await db.schema.createIndex('agency_people_agency_idx').on('agency_people').column('agency_id').execute()
  await db.schema
    .createIndex('agency_people_id_number_key_idx')
    .on('agency_people')
    .column('id_number_key')
    .execute()

  await db.schema
    .createTable('licences')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    // At most one licence for life per agency.
    .addColumn('agency_id', 'uuid', (col) => col.notNull().unique().references('agencies.id'))
    .addColumn('licence_number', 'text', (col) => col.notNull().unique())
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in (${inList(['active', 'suspended', 'revoked', 'surrendered'])})`),
    )
    .addColumn('issued_on', 'date', (col) => col.notNull())
    .addColumn('expires_on', 'date', (col) => col.notNull())
    .addColumn('suspended_until', 'date')
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()
  await sql`create index licences_active_expiry_idx on licences (expires_on) where status = 'active'`.execute(
    db,
  )

  // Numbers are never reused: each year's counter only goes up.
  await db.schema
    .createTable('licence_number_counters')
    .addColumn('year', 'integer', (col) => col.primaryKey())
    .addColumn('last_sequence', 'integer', (col) => col.notNull())
    .execute()

  await db.schema
    .createTable('licence_applications')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('agency_id', 'uuid', (col) => col.notNull().references('agencies.id'))
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('new', 'renewal')`))
    .addColumn('status', 'text', (col) =>
      col
        .notNull()
        .defaultTo('submitted')
        .check(sql`status in (${inList(['submitted', 'approved', 'refused', 'withdrawn'])})`),
    )
    .addColumn('fit_and_proper_checked', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('registration_seen', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('office_visited', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('fee_free_declaration_signed', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('checklist_notes', 'text')
    .addColumn('submitted_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('submitted_by', 'uuid', (col) => col.references('users.id'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decided_by', 'uuid', (col) => col.references('users.id'))
    .addColumn('decision_reason', 'text')
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .execute()
  // One application awaiting decision per agency: a double submit cannot make two.
  await sql`create unique index licence_applications_one_pending_idx on licence_applications (agency_id) where status = 'submitted'`.execute(
    db,
  )
  await sql`create index licence_applications_queue_idx on licence_applications (submitted_at) where status = 'submitted'`.execute(
    db,
  )
  await db.schema
    .createIndex('licence_applications_agency_idx')
    .on('licence_applications')
    .column('agency_id')
    .execute()

  await db.schema
    .createTable('licence_events')
    .addColumn('id', 'bigserial', (col) => col.primaryKey())
    .addColumn('agency_id', 'uuid', (col) => col.notNull().references('agencies.id'))
    .addColumn('licence_id', 'uuid', (col) => col.references('licences.id'))
    .addColumn('application_id', 'uuid', (col) => col.references('licence_applications.id'))
    .addColumn('event', 'text', (col) => col.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('reason', 'text')
    .addColumn('actor_id', 'uuid')
    .addColumn('actor_label', 'text', (col) => col.notNull())
    .addColumn('at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema
    .createIndex('licence_events_agency_idx')
    .on('licence_events')
    .columns(['agency_id', 'id'])
    .execute()

  await db.schema
    .createTable('licence_conditions')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('licence_id', 'uuid', (col) => col.notNull().references('licences.id'))
    .addColumn('condition', 'text', (col) => col.notNull())
    .addColumn('due_on', 'date', (col) => col.notNull())
    .addColumn('met_on', 'date')
    .addColumn('created_by', 'uuid', (col) => col.references('users.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .execute()
  await db.schema
    .createIndex('licence_conditions_licence_idx')
    .on('licence_conditions')
    .column('licence_id')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'licence_conditions',
    'licence_events',
    'licence_applications',
    'licence_number_counters',
    'licences',
    'agency_people',
  ]) {
    await db.schema.dropTable(table).execute()
  }
  await sql`drop trigger if exists agencies_search_text on agencies`.execute(db)
  await sql`drop function if exists agencies_search_text()`.execute(db)
  await db.schema.alterTable('agencies').dropColumn('search_text').execute()
}
