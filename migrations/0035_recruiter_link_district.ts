import { type Kysely, sql } from 'kysely'

// Each link between a worksite and a recruiter keeps the worksite's district, so that the due list
// reads a district's links from an index instead of all 156,000 joined to the district's
// worksites, a scan every district paid, the smallest too. On the bench database, ranking Leribe
// (19,000 worksites) took about a quarter less PostgreSQL time (250 -> 190 ms on a slow machine).
// Triggers keep it true, as for inspections (migration 0033): a link takes its worksite's district
// when stored or moved, and a worksite whose district is corrected passes it on.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table worksite_recruiters add column district text`.execute(db)
  await sql`
    create function recruiter_link_takes_district() returns trigger language plpgsql as $$
    begin
      select w.district into new.district from worksites w where w.id = new.worksite_id;
      return new;
    end
    $$`.execute(db)
  await sql`
    create trigger recruiter_link_district
    before insert or update of worksite_id on worksite_recruiters
    for each row execute function recruiter_link_takes_district()`.execute(db)
  await sql`
    create function worksite_passes_district_to_links() returns trigger language plpgsql as $$
    begin
      update worksite_recruiters set district = new.district where worksite_id = new.id;
      return null;
    end
    $$`.execute(db)
  await sql`
    create trigger worksite_district_to_links
    after update of district on worksites
    for each row when (old.district is distinct from new.district)
    execute function worksite_passes_district_to_links()`.execute(db)
  // The copy changes no registry fact (see migration 0033).
  await sql`alter table worksite_recruiters disable trigger registry_changed`.execute(db)
  await sql`
    update worksite_recruiters wr set district = w.district
    from worksites w where w.id = wr.worksite_id`.execute(db)
  await sql`alter table worksite_recruiters enable trigger registry_changed`.execute(db)
  await sql`update registry_version set version = version + 1`.execute(db)
  await sql`alter table worksite_recruiters alter column district set not null`.execute(db)
  await sql`create index worksite_recruiters_district_idx on worksite_recruiters (district, worksite_id, agency_id)`.execute(
    db,
  )
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger worksite_district_to_links on worksites`.execute(db)
  await sql`drop function worksite_passes_district_to_links()`.execute(db)
  await sql`drop trigger recruiter_link_district on worksite_recruiters`.execute(db)
  await sql`drop function recruiter_link_takes_district()`.execute(db)
  await sql`alter table worksite_recruiters drop column district`.execute(db)
}
