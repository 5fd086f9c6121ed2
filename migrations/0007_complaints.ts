import { type Kysely, sql } from 'kysely'

// Complaints from the public, their triage history, the reported unlicensed recruiters, and
// officers' clearances of public flags. Vocabularies are copied here on purpose: a migration
// never imports application code.

const inList = (values: string[]) => sql.join(values.map((v) => sql.lit(v)))
const CATEGORIES = [
  'recruitment_fee',
  'deception',
  'contract_substitution',
  'documents_retained',
  'unlicensed_recruitment',
  'wages_withheld',
  'other',
]

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('unlicensed_recruiters')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('place', 'text')
    .addColumn('phone', 'text')
    .addColumn('district', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()
  await sql`create index unlicensed_recruiters_name_trgm_idx on unlicensed_recruiters using gin (lower(name) gin_trgm_ops)`.execute(
    db,
  )

  await db.schema
    .createTable('complaints')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('reference', 'text', (col) => col.notNull().unique())
    // Made by the form when it is shown: a second submit of the same form is the same complaint.
    .addColumn('submission_key', 'text', (col) => col.notNull().unique())
    .addColumn('agency_id', 'uuid', (col) => col.references('agencies.id'))
    .addColumn('unlicensed_recruiter_id', 'uuid', (col) => col.references('unlicensed_recruiters.id'))
    .addColumn('recruiter_name', 'text')
    .addColumn('recruiter_place', 'text')
    .addColumn('recruiter_phone', 'text')
    .addColumn('categories', sql`text[]`, (col) =>
      col.notNull().check(sql`cardinality(categories) > 0 and categories <@ array[${inList(CATEGORIES)}]`),
    )
    .addColumn('fee_amount_minor', 'bigint', (col) => col.check(sql`fee_amount_minor >= 0`))
    .addColumn('fee_currency', 'text', (col) => col.check(sql`fee_currency in ('LSL', 'ZAR')`))
    .addColumn('happened_on', 'date')
    .addColumn('district', 'text')
    .addColumn('promised_job', 'text')
    .addColumn('promised_employer', 'text')
    .addColumn('promised_country', 'text')
    .addColumn('description', 'text', (col) => col.notNull())
    // Private: shown to licensing officers only behind an audited action, never published.
    .addColumn('contact_phone', 'text')
    .addColumn('contact_email', 'text')
    .addColumn('may_contact', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('contact_language', 'text', (col) => col.check(sql`contact_language in ('en', 'st')`))
    .addColumn('language', 'text', (col) => col.notNull().check(sql`language in ('en', 'st')`))
    .addColumn('status', 'text', (col) =>
      col
        .notNull()
        .defaultTo('received')
        .check(sql`status in ('received', 'under_review', 'decided', 'closed')`),
    )
    .addColumn('assigned_to', 'uuid', (col) => col.references('users.id'))
    .addColumn('outcome', 'text', (col) => col.check(sql`outcome in ('substantiated', 'unsubstantiated')`))
    .addColumn('proven_categories', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
    .addColumn('finding', 'text')
    .addColumn('demerit_points', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decided_by', 'uuid', (col) => col.references('users.id'))
    .addColumn('police_case_number', 'text')
    .addColumn('referred_at', 'timestamptz')
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('complaints_decided_when', sql`(outcome is null) = (decided_at is null)`)
    .addCheckConstraint(
      'complaints_proven_when_substantiated',
      sql`case when outcome is null then cardinality(proven_categories) = 0
        else (outcome = 'substantiated') = (cardinality(proven_categories) > 0) end`,
    )
    .execute()
  await sql`create index complaints_agency_idx on complaints (agency_id, outcome, decided_at)`.execute(db)
  await sql`create index complaints_queue_idx on complaints (status, created_at)`.execute(db)
  await sql`create index complaints_unlicensed_idx on complaints (unlicensed_recruiter_id)`.execute(db)

  await db.schema
    .createTable('complaint_events')
    .addColumn('id', 'bigserial', (col) => col.primaryKey())
    .addColumn('complaint_id', 'uuid', (col) => col.notNull().references('complaints.id'))
    .addColumn('event', 'text', (col) => col.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('detail', 'text')
    .addColumn('actor_id', 'uuid', (col) => col.references('users.id'))
    .addColumn('actor_label', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()
  await sql`create index complaint_events_complaint_idx on complaint_events (complaint_id, id)`.execute(db)

  await db.schema
    .createTable('flag_clearances')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('agency_id', 'uuid', (col) => col.notNull().references('agencies.id'))
    .addColumn('flag', 'text', (col) => col.notNull().check(sql`flag in ('fee', 'fraud')`))
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('cleared_by', 'uuid', (col) => col.references('users.id'))
    .addColumn('cleared_by_label', 'text', (col) => col.notNull())
    .addColumn('cleared_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()
  await sql`create index flag_clearances_agency_idx on flag_clearances (agency_id, flag, cleared_at)`.execute(
    db,
  )

  // Kept pages (migration 0006). A report from the public changes no kept page's facts until
  // an officer acts on it, and moving the version at every report would make reports queue
  // on its row: new complaints move it only through the officer's later update.
  for (const table of ['complaint_events', 'unlicensed_recruiters', 'flag_clearances']) {
    await sql`
      create constraint trigger registry_changed
      after insert or update or delete on ${sql.table(table)}
      deferrable initially deferred
      for each row execute function bump_registry_version()`.execute(db)
  }
  await sql`
    create constraint trigger registry_changed
    after update or delete on complaints
    deferrable initially deferred
    for each row execute function bump_registry_version()`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['complaints', 'complaint_events', 'unlicensed_recruiters', 'flag_clearances']) {
    await sql`drop trigger registry_changed on ${sql.table(table)}`.execute(db)
  }
  await db.schema.dropTable('flag_clearances').execute()
  await db.schema.dropTable('complaint_events').execute()
  await db.schema.dropTable('complaints').execute()
  await db.schema.dropTable('unlicensed_recruiters').execute()
}
