import type { Migration } from 'kysely'
import * as m0001 from './0001_foundation.js'
import * as m0002 from './0002_agencies_and_worksites.js'
import * as m0003 from './0003_licensing.js'
import * as m0004 from './0004_agency_word_search.js'
import * as m0005 from './0005_agency_name_words.js'
import * as m0006 from './0006_registry_version.js'
import * as m0007 from './0007_complaints.js'
import * as m0008 from './0008_session_epoch.js'
import * as m0009 from './0009_worksite_search.js'
import * as m0010 from './0010_inspections.js'
import * as m0011 from './0011_worksite_risk_facts.js'
import * as m0012 from './0012_complaints_by_date.js'
import * as m0013 from './0013_sign_in_throttles.js'
import * as m0014 from './0014_inspection_content_hash.js'
import * as m0015 from './0015_agency_registration_key.js'
import * as m0016 from './0016_drop_session_epoch.js'
import * as m0017 from './0017_job_offers.js'
import * as m0018 from './0018_licence_notices.js'
import * as m0019 from './0019_licence_appeals.js'
import * as m0020 from './0020_complaint_channel.js'
import * as m0021 from './0021_inspection_photos.js'
import * as m0022 from './0022_complaint_outside_lesotho.js'
import * as m0023 from './0023_inspection_expected_photos.js'
import * as m0024 from './0024_inspection_position.js'
import * as m0025 from './0025_inspection_confirmations.js'
import * as m0026 from './0026_worksite_merges.js'
import * as m0027 from './0027_criminal_cases.js'
import * as m0028 from './0028_case_parties.js'
import * as m0029 from './0029_focal_points.js'
import * as m0030 from './0030_agency_name_prefixes.js'
import * as m0031 from './0031_inspection_figures_index.js'
import * as m0032 from './0032_recruiter_risk_indexes.js'
import * as m0033 from './0033_inspection_place.js'
import * as m0034 from './0034_dashboard_indexes.js'
import * as m0035 from './0035_recruiter_link_district.js'
import * as m0036 from './0036_worksite_name_order.js'

// Listed statically: FileMigrationProvider cannot load .ts files under vitest.
// Names sort in the order they must run.
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_agencies_and_worksites': m0002,
  '0003_licensing': m0003,
  '0004_agency_word_search': m0004,
  '0005_agency_name_words': m0005,
  '0006_registry_version': m0006,
  '0007_complaints': m0007,
  '0008_session_epoch': m0008,
  '0009_worksite_search': m0009,
  '0010_inspections': m0010,
  '0011_worksite_risk_facts': m0011,
  '0012_complaints_by_date': m0012,
  '0013_sign_in_throttles': m0013,
  '0014_inspection_content_hash': m0014,
  '0015_agency_registration_key': m0015,
  '0016_drop_session_epoch': m0016,
  '0017_job_offers': m0017,
  '0018_licence_notices': m0018,
  '0019_licence_appeals': m0019,
  '0020_complaint_channel': m0020,
  '0021_inspection_photos': m0021,
  '0022_complaint_outside_lesotho': m0022,
  '0023_inspection_expected_photos': m0023,
  '0024_inspection_position': m0024,
  '0025_inspection_confirmations': m0025,
  '0026_worksite_merges': m0026,
  '0027_criminal_cases': m0027,
  '0028_case_parties': m0028,
  '0029_focal_points': m0029,
  '0030_agency_name_prefixes': m0030,
  '0031_inspection_figures_index': m0031,
  '0032_recruiter_risk_indexes': m0032,
  '0033_inspection_place': m0033,
  '0034_dashboard_indexes': m0034,
  '0035_recruiter_link_district': m0035,
  '0036_worksite_name_order': m0036,
}
