import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'
import type {
  AgeGroup,
  AgencyLink,
  ExploitationForm,
  Sex,
  SuspectKind,
  SuspectRole,
  Verdict,
} from '../cases/parties.js'
import type { CaseStage, Offence } from '../cases/stages.js'
import type { ComplaintCategory, ComplaintStatus, Outcome, PublicFlag } from '../complaints/rules.js'
import type { FocalService } from '../focal-points/services.js'
import type { Language } from '../i18n/messages.js'
import type {
  Indicator,
  IndicatorLevel,
  InspectionOutcome,
  InspectionStatus,
  InspectionType,
  LabourFinding,
  OtherAgency,
  ReferralDestination,
} from '../inspections/rules.js'
import type { CostsPaidBy, JobOfferStatus } from '../job-offers/lifecycle.js'
import type {
  AppealAgainst,
  AppealStatus,
  ApplicationKind,
  ApplicationStatus,
  LicenceStatus,
  NoticeAction,
  NoticeStatus,
  PublicReason,
} from '../licensing/lifecycle.js'
import type { Currency } from '../money.js'
import type { District, Role, Sector, WorksiteKind } from '../vocabulary.js'

// Table types in one place. Timestamps arrive as Date from both drivers; `date` columns
// and numeric columns arrive as strings; int8 and counts as numbers (see database.ts).

type CreatedAt = ColumnType<Date, Date | string | undefined, never>
type Timestamp = ColumnType<Date, Date | string, Date | string>
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
type Json = ColumnType<unknown, string | null, string | null>

export interface UsersTable {
  id: Generated<string>
  email: string
  name: string
  role: Role
  home_district: District
  password_hash: string
  must_change_password: Generated<boolean>
  active: Generated<boolean>
  last_login_at: Timestamp | null
  version: Generated<number>
  created_at: CreatedAt
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>
}

export interface SessionsTable {
  token_hash: string
  user_id: string
  created_at: CreatedAt
  last_seen_at: Timestamp
  expires_at: Timestamp
}

export interface SetupTokensTable {
  token_hash: string
  created_at: CreatedAt
  expires_at: Timestamp
  used_at: Timestamp | null
}

/** Sign-in failures counted per account and address, address, and account (src/auth/throttle.ts). */
export interface SignInThrottlesTable {
  scope: 'pair' | 'address' | 'account'
  key: string
  failures: number
  window_started_at: Timestamp
  blocked_until: Timestamp | null
  last_success_at: Timestamp | null
}
export interface AppSettingsTable {
  key: string
  value: string
}

export interface AuditLogTable {
  id: Generated<number>
  at: CreatedAt
  actor_id: string | null
  actor_label: string
  action: string
  entity: string
  entity_id: string | null
  before: Json
  after: Json
  client_address: string | null
}

export interface AgenciesTable {
  id: Generated<string>
  legal_name: string
  trading_names: ColumnType<string[], string[] | undefined, string[]>
  registration_number: string
  /** The registration number's letters and digits, upper case (generated; one per agency). */
  registration_key: Generated<string>
  district: District
  physical_address: string
  phone: string | null
  email: string | null
  sectors: ColumnType<Sector[], Sector[] | undefined, Sector[]>
  /** ISO 3166-1 alpha-2 codes. */
  destination_countries: ColumnType<string[], string[] | undefined, string[]>
  notes: string | null
  /** Kept by a trigger from the legal and trading names. */
  search_text: Generated<string>
  /** to_tsvector('simple', search_text), for word-prefix search. */
  search_words: Generated<string>
  version: Generated<number>
  created_at: CreatedAt
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>
}

/** Each word of each agency's names, beside the agency, for searches by words as typed (kept by a trigger). */
export interface AgencyWordsTable {
  word: string
  agency_id: string
}

/** Each distinct word of agency names, for typo correction (kept by a trigger). */
export interface AgencyNameWordsTable {
  word: string
}

export interface AgencyPeopleTable {
  id: Generated<string>
  agency_id: string
  role: 'principal' | 'director'
  name: string
  id_number: string
  id_number_key: string
  position: Generated<number>
}

/** 'YYYY-MM-DD' in both directions. */
type CalendarDate = string

export interface LicencesTable {
  id: Generated<string>
  agency_id: string
  licence_number: string
  status: LicenceStatus
  issued_on: CalendarDate
  expires_on: CalendarDate
  suspended_until: CalendarDate | null
  /** What the public is told of a suspension or revocation (PUBLIC_REASONS), never officers' words. */
  public_reason: ColumnType<PublicReason | null, PublicReason | null | undefined, PublicReason | null>
  /** An immediate suspension, for urgent cases, before any notice. */
  pending_investigation: Generated<boolean>
  version: Generated<number>
  created_at: CreatedAt
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>
}

export interface LicenceNoticesTable {
  id: Generated<string>
  agency_id: string
  licence_id: string
  action: NoticeAction
  grounds: string
  complaint_ids: ColumnType<string[], string[] | undefined, string[]>
  finding_ids: ColumnType<string[], string[] | undefined, string[]>
  public_reason: PublicReason
  suspended_until: CalendarDate | null
  respond_by: CalendarDate
  status: ColumnType<NoticeStatus, NoticeStatus | undefined, NoticeStatus>
  representations: string | null
  representations_on: CalendarDate | null
  no_representations: Generated<boolean>
  decision_reason: string | null
  given_by: string | null
  given_by_label: string
  decided_by: string | null
  decided_at: Date | null
  version: Generated<number>
  created_at: CreatedAt
}

export interface LicenceAppealsTable {
  id: Generated<string>
  agency_id: string
  against: AppealAgainst
  application_id: string | null
  licence_event_id: number | null
  decided_by_officer: string | null
  decided_on: CalendarDate
  lodged_on: CalendarDate
  grounds: string
  status: ColumnType<AppealStatus, AppealStatus | undefined, AppealStatus>
  decision_reason: string | null
  decided_by: string | null
  decided_at: Date | null
  recorded_by: string | null
  version: Generated<number>
  created_at: CreatedAt
}

export interface LicenceNumberCountersTable {
  year: number
  last_sequence: number
}

export interface LicenceApplicationsTable {
  id: Generated<string>
  agency_id: string
  kind: ApplicationKind
  status: Generated<ApplicationStatus>
  fit_and_proper_checked: Generated<boolean>
  registration_seen: Generated<boolean>
  office_visited: Generated<boolean>
  fee_free_declaration_signed: Generated<boolean>
  checklist_notes: string | null
  submitted_at: CreatedAt
  submitted_by: string | null
  decided_at: NullableTimestamp
  decided_by: string | null
  decision_reason: string | null
  version: Generated<number>
}

export interface LicenceEventsTable {
  id: Generated<number>
  agency_id: string
  licence_id: string | null
  application_id: string | null
  event: string
  from_status: string | null
  to_status: string | null
  reason: string | null
  public_reason: ColumnType<PublicReason | null, PublicReason | null | undefined, PublicReason | null>
  actor_id: string | null
  actor_label: string
  at: CreatedAt
}

export interface LicenceConditionsTable {
  id: Generated<string>
  licence_id: string
  condition: string
  due_on: CalendarDate
  met_on: CalendarDate | null
  /** The condition as the public reads it; without one, the condition is not shown to the public. */
  public_wording: ColumnType<string | null, string | null | undefined, string | null>
  created_by: string | null
  created_at: CreatedAt
  version: Generated<number>
}

export interface WorksitesTable {
  id: Generated<string>
  name: string
  kind: WorksiteKind
  sector: Sector
  operator: string | null
  district: District
  village: string
  latitude: number | null
  longitude: number | null
  approx_workers: number | null
  /** Its name as it sorts: lower case, accents read as plain letters (migration 0036). */
  name_order: ColumnType<string, never, never>
  /** Set when found to be another worksite's duplicate. */
  merged_into_id: ColumnType<string | null, string | null | undefined, string | null>
  merged_at: ColumnType<Date | null, never, Date | null>
  merged_by: ColumnType<string | null, never, string | null>
  merge_reason: ColumnType<string | null, never, string | null>
  /** Kept from its submitted inspections (src/inspections/worksite-facts.ts). */
  last_inspected_at: ColumnType<Date | null, never, Date | null>
  indicators_observed: ColumnType<number, never, number>
  indicators_suspected: ColumnType<number, never, number>
  version: Generated<number>
  created_at: CreatedAt
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>
}

/** Registered agencies seen supplying a worksite, kept from its submitted inspections. */
export interface WorksiteRecruitersTable {
  worksite_id: string
  agency_id: string
  last_seen_at: Date
  /** The worksite's, kept by triggers (migrations/0035_recruiter_link_district.ts). */
  district: ColumnType<District, never, never>
}

export interface UnlicensedRecruitersTable {
  id: Generated<string>
  name: string
  place: string | null
  phone: string | null
  district: District | null
  created_at: CreatedAt
}

export interface ComplaintsTable {
  id: Generated<string>
  reference: string
  submission_key: string
  agency_id: string | null
  unlicensed_recruiter_id: string | null
  recruiter_name: string | null
  recruiter_place: string | null
  recruiter_phone: string | null
  categories: ComplaintCategory[]
  fee_amount_minor: number | null
  fee_currency: Currency | null
  happened_on: ColumnType<string | null, string | null | undefined, string | null>
  district: District | null
  promised_job: string | null
  promised_employer: string | null
  promised_country: string | null
  /** The job offer code on the advert, as typed (eight digits); null when none was given. */
  job_offer_code: ColumnType<string | null, string | null | undefined, string | null>
  /** The offer that code names, when it names one. */
  job_offer_id: ColumnType<string | null, string | null | undefined, string | null>
  /** Where the report came from: the web form or a USSD session. */
  channel: ColumnType<'web' | 'ussd', 'web' | 'ussd' | undefined, 'web' | 'ussd'>
  outside_lesotho: ColumnType<boolean, boolean | undefined, boolean>
  description: string
  contact_phone: string | null
  contact_email: string | null
  may_contact: Generated<boolean>
  contact_language: Language | null
  language: Language
  status: Generated<ComplaintStatus>
  assigned_to: string | null
  outcome: Outcome | null
  proven_categories: Generated<ComplaintCategory[]>
  finding: string | null
  demerit_points: Generated<number>
  decided_at: NullableTimestamp
  decided_by: string | null
  police_case_number: string | null
  referred_at: NullableTimestamp
  version: Generated<number>
  created_at: CreatedAt
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>
}

export interface ComplaintEventsTable {
  id: Generated<string>
  complaint_id: string
  event: string
  from_status: string | null
  to_status: string | null
  detail: string | null
  actor_id: string | null
  actor_label: string
  created_at: CreatedAt
}

export interface FlagClearancesTable {
  id: Generated<string>
  agency_id: string
  flag: PublicFlag
  reason: string
  cleared_by: string | null
  cleared_by_label: string
  cleared_at: CreatedAt
}

export interface RegistryVersionTable {
  only_row: Generated<boolean>
  /** bigint: pg returns it as a string. */
  version: ColumnType<string, never, never>
  last_transaction: ColumnType<string | null, never, never>
}

/** What changes after insert: a count defaults to 0. */
type Count = ColumnType<number, number | undefined, number>

export interface InspectionsTable {
  id: Generated<string>
  idempotency_key: string
  worksite_id: string
  /** The worksite's, kept by triggers (migrations/0033_inspection_place.ts). */
  district: ColumnType<District, never, never>
  sector: ColumnType<Sector, never, never>
  status: ColumnType<InspectionStatus, InspectionStatus | undefined, InspectionStatus>
  visited_at: ColumnType<Date, Date | string, Date | string>
  type: InspectionType
  complaint_references: ColumnType<string[], string[] | undefined, string[]>
  lead_inspector: string
  police_officers: ColumnType<PoliceOfficer[], string | undefined, string>
  /** The photos the record was submitted with, sent after it (inspection_photos). */
  expected_photos: ColumnType<{ sha256: string; attached_to: string }[], string | undefined, string>
  other_agencies: ColumnType<OtherAgency[], OtherAgency[] | undefined, OtherAgency[]>
  other_agencies_detail: string | null
  workers_present: Count
  workers_interviewed: Count
  women: Count
  men: Count
  under_18: Count
  foreign_nationals: Count
  nationalities: ColumnType<string[], string[] | undefined, string[]>
  labour_findings: ColumnType<LabourFinding[], LabourFinding[] | undefined, LabourFinding[]>
  labour_findings_detail: string | null
  outcome: InspectionOutcome | null
  compliance_due_on: ColumnType<string | null, string | null | undefined, string | null>
  police_case_number: string | null
  notes: string | null
  /** Where the record was made (src/geo.ts); the accuracy only when a phone gave the position. */
  recorded_latitude: ColumnType<number | null, number | null | undefined, number | null>
  recorded_longitude: ColumnType<number | null, number | null | undefined, number | null>
  recorded_accuracy_m: ColumnType<number | null, number | null | undefined, number | null>
  recorded_by: string
  /** The version the latest confirmation by the other service is of (inspection_confirmations). */
  confirmed_version: ColumnType<number | null, never, number | null>
  /** What the record held when last saved (src/inspections/save-inspection.ts). */
  content_hash: ColumnType<string | null, string | null | undefined, string | null>
  submitted_at: ColumnType<Date | null, Date | null | undefined, Date | null>
  submitted_by: string | null
  version: Generated<number>
  created_at: CreatedAt
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>
}

export interface PoliceOfficer {
  name: string
  service_number: string
}

export interface InspectionIndicatorsTable {
  inspection_id: string
  indicator: Indicator
  level: Exclude<IndicatorLevel, 'not_observed'>
  evidence: string | null
}

export interface InspectionRecruitersTable {
  id: Generated<string>
  inspection_id: string
  position: number
  agency_id: string | null
  unlisted_name: string | null
  fee_amount_minor: number | null
  fee_currency: 'LSL' | 'ZAR' | null
  workers_paying: Count
  indicators: ColumnType<Indicator[], Indicator[] | undefined, Indicator[]>
}

export interface InspectionReferralsTable {
  inspection_id: string
  destination: ReferralDestination
  female_under_18: Count
  female_adult: Count
  male_under_18: Count
  male_adult: Count
  consent_recorded: ColumnType<boolean, boolean | undefined, boolean>
}

export interface InspectionPhotosTable {
  id: Generated<string>
  inspection_id: string
  sha256: string
  attached_to: ColumnType<string, string | undefined, never>
  content_type: 'image/jpeg' | 'image/png' | 'image/webp'
  byte_size: number
  taken_at: Date | null
  latitude: number | null
  longitude: number | null
  uploaded_by: string
  uploaded_at: Generated<Date>
}

export interface InspectionPhotoPiecesTable {
  photo_id: string
  position: number
  data: Uint8Array
}

export interface InspectionFollowUpsTable {
  id: Generated<string>
  inspection_id: string
  action: string
  due_on: ColumnType<string, string, string>
  done_at: Date | null
  done_by: string | null
}

/** A submitted inspection confirmed by an officer of the other service, per version. */
export interface InspectionConfirmationsTable {
  id: Generated<string>
  inspection_id: string
  inspection_version: number
  /** Who submitted or last amended the version confirmed, and their service. */
  record_user_id: string
  record_service: 'labour' | 'police'
  confirmed_by: string
  confirmed_service: 'labour' | 'police'
  /** On the confirmer's own account, or by their password on another person's device. */
  method: 'own_account' | 'password_on_device'
  on_device_of: string | null
  confirmed_at: CreatedAt
}

export interface InspectionAmendmentsTable {
  id: Generated<string>
  inspection_id: string
  reason: string
  before: ColumnType<unknown, string, string>
  after: ColumnType<unknown, string, string>
  amended_by: string | null
  amended_by_label: string
  amended_at: CreatedAt
}

export interface InspectionFindingsTable {
  id: Generated<string>
  inspection_id: string
  agency_id: string
  categories: ComplaintCategory[]
  indicators: ColumnType<Indicator[], Indicator[] | undefined, Indicator[]>
  fee_reported: ColumnType<boolean, boolean | undefined, boolean>
  status: ColumnType<
    'unreviewed' | 'substantiated' | 'dismissed',
    'unreviewed' | undefined,
    'substantiated' | 'dismissed'
  >
  proven_categories: ColumnType<ComplaintCategory[], ComplaintCategory[] | undefined, ComplaintCategory[]>
  demerit_points: Count
  reason: string | null
  decided_at: Date | null
  decided_by: string | null
  version: Generated<number>
  created_at: CreatedAt
}

export interface JobOffersTable {
  id: Generated<string>
  agency_id: string
  /** Eight digits with a check digit (src/job-offers/code.ts); given at approval. */
  code: string | null
  status: ColumnType<JobOfferStatus, JobOfferStatus | undefined, JobOfferStatus>
  employer_name: string
  /** ISO 3166-1 alpha-2. */
  employer_country: string
  employer_place: string
  position: string
  sector: Sector
  workers_wanted: number
  wage_minor: number
  wage_currency: Currency
  contract_months: number
  hours_per_week: number
  accommodation: string
  recruitment_costs_paid_by: CostsPaidBy
  travel_costs_paid_by: CostsPaidBy
  open_from: ColumnType<string, string, string>
  open_until: ColumnType<string, string, string>
  contract_reference: string
  submission_key: string
  recorded_by: string | null
  version: Generated<number>
  created_at: CreatedAt
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>
}

export interface JobOfferEventsTable {
  id: Generated<number>
  job_offer_id: string
  event: string
  from_status: string | null
  to_status: string | null
  reason: string | null
  actor_id: string | null
  actor_label: string
  at: CreatedAt
}

export interface CriminalCasesTable {
  id: Generated<string>
  station: string
  case_year: number
  case_number: number
  district: string
  investigating_officer: string
  offences: Offence[]
  reported_on: string
  opened_on: string
  complaint_id: string | null
  inspection_id: string | null
  stage: CaseStage
  stage_since: string
  court: string | null
  court_case_number: string | null
  charged_on: string | null
  closed_reason: string | null
  opened_by: string | null
  submission_key: string
  version: Generated<number>
  created_at: CreatedAt
}

export interface CriminalCaseEventsTable {
  id: Generated<number>
  case_id: string
  action: string
  from_stage: string | null
  to_stage: string
  on_date: string
  reason: string | null
  actor_id: string | null
  actor_label: string
  at: CreatedAt
}

export interface CaseSuspectsTable {
  id: Generated<string>
  case_id: string
  kind: SuspectKind
  agency_id: string | null
  agency_link: AgencyLink | null
  agency_person_id: string | null
  name: string
  role: SuspectRole
  sex: Sex | null
  age_group: AgeGroup | null
  nationality: string | null
  id_number: string | null
  id_number_key: string | null
  verdict: Verdict | null
  verdict_on: CalendarDate | null
  prison_months: number | null
  prison_suspended: boolean | null
  /** The fine in lisente (maloti × 100). */
  fine_minor: number | null
  overturned_on: CalendarDate | null
  overturned_reason: string | null
  added_by: string | null
  submission_key: string
  created_at: CreatedAt
}

export interface CaseVictimsTable {
  id: Generated<string>
  case_id: string
  sex: Sex
  age_group: AgeGroup
  nationality: string
  exploitation: ExploitationForm
  people: number
  referred_nrm: number
  added_by: string | null
  submission_key: string
  created_at: CreatedAt
}

export interface FocalPointsTable {
  id: Generated<string>
  district: District
  service: FocalService
  office: string
  phone: string
  address: string
  hours: string | null
  version: Generated<number>
  updated_by: string | null
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>
}

export interface DB {
  focal_points: FocalPointsTable
  case_suspects: CaseSuspectsTable
  case_victims: CaseVictimsTable
  criminal_cases: CriminalCasesTable
  criminal_case_events: CriminalCaseEventsTable
  job_offers: JobOffersTable
  job_offer_events: JobOfferEventsTable
  inspections: InspectionsTable
  inspection_indicators: InspectionIndicatorsTable
  inspection_recruiters: InspectionRecruitersTable
  inspection_referrals: InspectionReferralsTable
  inspection_photos: InspectionPhotosTable
  inspection_photo_pieces: InspectionPhotoPiecesTable
  inspection_follow_ups: InspectionFollowUpsTable
  inspection_amendments: InspectionAmendmentsTable
  inspection_confirmations: InspectionConfirmationsTable
  inspection_findings: InspectionFindingsTable
  agencies: AgenciesTable
  agency_name_words: AgencyNameWordsTable
  agency_words: AgencyWordsTable
  agency_people: AgencyPeopleTable
  licences: LicencesTable
  licence_number_counters: LicenceNumberCountersTable
  licence_applications: LicenceApplicationsTable
  licence_events: LicenceEventsTable
  licence_notices: LicenceNoticesTable
  licence_appeals: LicenceAppealsTable
  licence_conditions: LicenceConditionsTable
  worksites: WorksitesTable
  worksite_recruiters: WorksiteRecruitersTable
  users: UsersTable
  sessions: SessionsTable
  sign_in_throttles: SignInThrottlesTable
  setup_tokens: SetupTokensTable
  app_settings: AppSettingsTable
  audit_log: AuditLogTable
  registry_version: RegistryVersionTable
  unlicensed_recruiters: UnlicensedRecruitersTable
  complaints: ComplaintsTable
  complaint_events: ComplaintEventsTable
  flag_clearances: FlagClearancesTable
}

export type User = Selectable<UsersTable>
export type NewUser = Insertable<UsersTable>
export type UserUpdate = Updateable<UsersTable>
export type AuditEntry = Selectable<AuditLogTable>
