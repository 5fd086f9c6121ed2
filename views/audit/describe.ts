import type { AuditSubject } from '../../src/audit/queries.js'
import { OUTCOME_LABELS } from '../complaints/labels.js'
import { sentenceOf } from '../components/code-words.js'

// What an audit entry says happened, in the registry's words: "Licence LRA-2026-00006 suspended".
// The record's name is looked up when the log is read (src/audit/queries.ts), so the words
// stay right for entries written before this wording existed.

/** A sentence in three parts, so the record's name can be a link. */
export interface AuditWords {
  before: string
  subject: AuditSubject | null
  after: string
}

interface Entry {
  action: string
  entity: string
  entity_id: string | null
  after: unknown
}

// '{}' marks where the record's name goes.
const SENTENCES: Record<string, string> = {
  'licence.issued': 'Licence {} issued',
  'licence.renewed': 'Licence {} renewed',
  'licence.suspend': 'Licence {} suspended',
  'licence.reinstate': 'Licence {} reinstated',
  'licence.revoke': 'Licence {} revoked',
  'licence.surrender': 'Licence {} surrendered',
  'licence.condition_added': 'Condition added to licence {}',
  'licence.condition_met': 'Condition on licence {} met',
  'application.submitted': 'Licence application recorded for {}',
  'application.approved': 'Licence application approved for {}',
  'application.refused': 'Licence application refused for {}',
  'application.withdrawn': 'Licence application withdrawn for {}',
  'application.checklist_updated': 'Checklist updated on the licence application for {}',
  'agency.registered': 'Agency {} registered',
  'agency.updated': 'Details of agency {} changed',
  'agency.phoenix_match_acknowledged':
    'Agency {} registered though its people or number match a revoked or refused agency',
  'agency.duplicate_warning_acknowledged': 'Agency {} registered though a similar agency is in the registry',
  'agency.bar_overridden': 'Bar on a revoked agency’s people overridden by an administrator for agency {}',
  'inspection_finding.substantiated': 'Inspection finding against {} substantiated',
  'inspection_finding.dismissed': 'Inspection finding against {} dismissed',
  'inspection.submitted': 'Inspection recorded: {}',
  'inspection.draft_saved': 'Inspection draft saved: {}',
  'inspection.amended': 'Inspection amended: {}',
  'inspection.follow_up_done': 'Follow-up marked done on the inspection {}',
  'inspection.photo_added': 'Photo added to the inspection {}',
  'inspection.photo_opened': 'Photo opened from the inspection {}',
  'inspection.confirmed': 'Inspection confirmed by the other service on the team: {}',
  'worksite.merged': 'Worksite {} merged into another as a duplicate',
  'worksite.added': 'Worksite {} added',
  'worksite.updated': 'Details of worksite {} changed',
  'complaint.assigned': 'Complaint {} assigned',
  'complaint.note': 'Note added to complaint {}',
  'complaint.linked': 'Complaint {} linked to an agency',
  'complaint.recorded_unlicensed': 'Recruiter in complaint {} recorded as unlicensed',
  'complaint.referred_to_police': 'Complaint {} referred to the police',
  'complaint.closed': 'Complaint {} closed',
  'complaint.substantiated': `Complaint {} decided: ${OUTCOME_LABELS.substantiated}`,
  'complaint.unsubstantiated': `Complaint {} decided: ${OUTCOME_LABELS.unsubstantiated}`,
  'complaint.contact_shown': "Complainant's contact details shown on complaint {}",
  'unlicensed_recruiter.recorded': 'Unlicensed recruiter {} recorded',
  'user.created_by_setup': 'First administrator {} created at setup',
  'user.created': 'Account created for {}',
  'user.role_changed': 'Role changed for {}',
  'user.deactivated': 'Account of {} deactivated',
  'user.reactivated': 'Account of {} reactivated',
  'user.password_reset': 'Password of {} reset by an administrator',
  'user.password_changed': '{} changed their password',
  'user.signed_in': '{} signed in',
  'user.signed_out': '{} signed out',
  'sign_in.paused': 'Sign-in paused after repeated failures for {}',
  'export.downloaded': 'Records downloaded: {}',
  'demo.seeded': 'Demo data loaded into the registry',
  'job_offer.recorded': 'Job offer {} recorded',
  'job_offer.approve': 'Job offer {} approved',
  'job_offer.refuse': 'Job offer {} refused',
  'job_offer.withdraw': 'Job offer {} withdrawn',
  'licence.notice_given': 'Notice of intended action given on licence {}',
  'licence.notice_representations': 'Representations recorded on the notice on licence {}',
  'licence.notice_proceeded': 'Notice on licence {} proceeded with',
  'licence.notice_withdrawn': 'Notice on licence {} withdrawn',
  'appeal.lodged': 'Appeal recorded for {}',
  'appeal.upheld': 'Appeal of {} dismissed: the decision stands',
  'licence.restored': 'Licence {} restored on appeal',
  'appeal.overturned': 'Appeal of {} allowed: the decision undone',
  'criminal_case.opened': 'Criminal case {} opened',
  'focal_point.added': 'Focal point {} added',
  'focal_point.changed': 'Focal point {} changed',
  'focal_point.removed': 'Focal point {} removed',
  'criminal_case.send_to_dpp': 'Criminal case {} sent to the Director of Public Prosecutions',
  'criminal_case.charge': 'Charge recorded in criminal case {}',
  'criminal_case.record_verdict': 'Verdict recorded in criminal case {}',
  'criminal_case.close': 'Criminal case {} closed',
  'criminal_case.close_without_charge': 'Criminal case {} closed without charge',
  'criminal_case.suspect_added': 'Suspect added to criminal case {}',
  'criminal_case.victims_added': 'Potential victims added to criminal case {}',
  'criminal_case.suspect_verdict': 'Ruling on a suspect recorded in criminal case {}',
  'criminal_case.conviction_overturned': 'Conviction overturned on appeal in criminal case {}',
}

const downloadName = (what: string | null) =>
  what === 'tip-data' ? 'figures for the TIP report' : sentenceOf(what ?? 'records')

const FLAG_WORDS: Record<string, string> = { fee: 'Fee', fraud: 'Fraud' }

const field = (after: unknown, key: string): string | null => {
  if (typeof after !== 'object' || after === null) return null
  const value = (after as Record<string, unknown>)[key]
  return typeof value === 'string' ? value : null
}

/** The entry as a sentence with the record's name in it (a link where the record has a page). */
export function describeAuditEntry(entry: Entry, subject: AuditSubject | null): AuditWords {
  let sentence = SENTENCES[entry.action]
  let named = subject
  if (entry.action === 'licence.notice_given') {
    const action = field(entry.after, 'action')
    sentence = `Notice of intended ${action === 'revoke' ? 'revocation' : action === 'suspend' ? 'suspension' : 'action'} given on licence {}`
  }
  if (entry.action === 'agency.flag_cleared') {
    const flag = field(entry.after, 'flag') ?? ''
    sentence = `${FLAG_WORDS[flag] ?? sentenceOf(flag)} warning cleared on agency {}`
  }
  // Entries that are not about one record name what they are about from the entry itself.
  if (entry.action === 'export.downloaded')
    named = { label: downloadName(field(entry.after, 'what')), href: null }
  if (entry.action === 'sign_in.paused' && !named)
    named = { label: field(entry.after, 'email') ?? 'an email no account has', href: null }
  if (!sentence) sentence = `${sentenceOf(entry.action)}: {}`
  // A record no longer there (or never named) is still said to be a record, never left blank.
  if (!named && sentence.includes('{}')) named = { label: '(no longer in the registry)', href: null }
  const [before = '', after = ''] = sentence.split('{}')
  return { before, subject: sentence.includes('{}') ? named : null, after }
}

/** The entry as plain text, for places that cannot hold a link. */
export function auditSentence(words: AuditWords): string {
  return `${words.before}${words.subject?.label ?? ''}${words.after}`.replaceAll(/\s+/g, ' ').trim()
}
