import type { ComplaintCategory, PublicWarning, TrackedStatus } from '../complaints/rules.js'
import type { FocalService } from '../focal-points/services.js'
import type { PublicReason } from '../licensing/lifecycle.js'
import type { Currency } from '../money.js'
import { SECTOR_LABELS, type Sector } from '../vocabulary.js'

// The one message catalogue for everything the public sees: web pages, the USSD menu and the
// words the JSON API and CSV use for statuses. Staff pages are in English only.
//
// The Sesotho texts were written without a native speaker and must be reviewed by one before
// launch (README, "Languages"). The type makes every language carry every message.

export const LANGUAGES = ['en', 'st'] as const
export type Language = (typeof LANGUAGES)[number]

/** What the public is told about an agency (DESIGN.md, "Licences"). */
export type PublicStanding =
  | 'licensed'
  | 'pending'
  | 'suspended'
  | 'revoked'
  | 'surrendered'
  | 'expired'
  | 'not_licensed'

const en = {
  otherLanguageLink: 'Sesotho',
  otherLanguageLabel: 'Bala ka Sesotho',

  siteName: 'Recruiter Registry · Lesotho',
  skipLink: 'Skip to main content',
  errorPrefix: 'Error: ',
  footer: 'Ministry of Labour and Employment, Lesotho.',
  staffSignIn: 'Staff sign in',
  months: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  dateAtTime: (date: string, time: string) => `${date} at ${time}`,

  metaDescription:
    'The Lesotho government register of licensed labour recruiters: check a recruiter or a job offer before you accept a job, and report one. You never pay a recruiter for a job.',
  homeTitle: 'Is this recruiter licensed?',
  homeLead:
    'You never pay a recruiter for a job. Before you accept a job or hand over your documents, check that the recruiter is licensed.',
  ussdDial: (code: string) =>
    `No internet? Dial ${code} from any phone to check a recruiter or a job offer, or to report a recruiter.`,
  searchLabel: 'Name of the recruiter or licence number',
  searchHint: 'For example: Maluti Recruitment, or LRA-2026-00042',
  searchButton: 'Check',
  noFeeTitle: 'A recruiter may not charge you any fee.',
  noFeeText:
    'Licensed recruiters are paid by the employer, never by the worker. If someone asks you to pay for a job, a form or a place on a bus, do not pay.',
  reportTitle: 'How to report a recruiter',
  reportLink: 'How to report a recruiter',
  reportSteps: [
    'Go to the nearest office of the Ministry of Labour and Employment, in every district town, or to any police station.',
    'Say the name of the recruiter, where you met them, what they promised and what they asked you to pay.',
    'Bring any paper, message or receipt they gave you.',
  ],
  reportNamed: (name: string) => `The recruiter you asked about: “${name}”.`,
  reportPrivate: 'You do not have to give your name.',
  backToSearch: 'Check another recruiter',

  lookupTitle: (q: string) => `Results for “${q}”`,
  lookupTooLong: 'Type at most 100 letters.',
  resultCount: (n: number) => (n === 1 ? '1 recruiter found' : `${n} recruiters found`),
  similarTitle: 'Did you mean one of these? They are different recruiters.',
  similarText: (q: string) =>
    `Their names only look like “${q}”. If the recruiter you met does not use exactly one of these names, they are not licensed.`,
  moreResults: 'Only the best matches are shown. Type more of the name to find others.',
  notFoundTitle: (q: string) => `“${q}” is not in the registry.`,
  notFoundText: 'A recruiter who is not listed is not licensed. Do not pay.',
  notFoundReport: 'Report this recruiter',
  tradingAs: 'Also called',
  licenceNumber: 'Licence number',
  district: 'District',
  sectors: 'Recruits for',
  noLicenceNumber: 'None',

  standing: {
    licensed: 'Licensed',
    pending: 'Application pending, not yet licensed',
    suspended: 'Suspended',
    revoked: 'Revoked',
    surrendered: 'Not licensed (licence given up)',
    expired: 'Expired',
    not_licensed: 'Not licensed',
  } satisfies Record<PublicStanding, string>,
  licensedUntil: (date: string) => `Licensed until ${date}`,
  suspendedUntil: (date: string) => `Suspended until ${date}`,
  suspendedPending: 'Suspended pending investigation',
  publicReasonLabel: 'Reason',
  publicReasonPendingLabel: 'Being investigated for',
  publicReasons: {
    recruitment_fees: 'Charged workers recruitment fees',
    deception: 'Deceived workers about jobs, pay or conditions',
    documents_retained: 'Kept workers’ passports or identity documents',
    licence_conditions: 'Did not meet the conditions of its licence',
    false_information: 'Gave the licensing office false information',
    other_breach: 'Broke the rules for recruitment agencies',
  } satisfies Record<PublicReason, string>,
  conditionsLabel: 'Conditions of the licence',
  advice: {
    licensed: 'This recruiter may recruit. They may not charge you any fee.',
    pending: 'This recruiter may not recruit yet. Do not pay.',
    suspended: 'This recruiter may not recruit now. Do not pay.',
    revoked: 'This recruiter may not recruit. Do not pay. Report them.',
    surrendered: 'This recruiter may not recruit. Do not pay.',
    expired: 'This licence has ended. The recruiter may not recruit. Do not pay.',
    not_licensed: 'This recruiter may not recruit. Do not pay.',
  } satisfies Record<PublicStanding, string>,

  verifyTitle: (number: string) => `Licence ${number}`,
  verifyIssued: 'Issued on',
  verifyExpires: 'Valid until',
  // For a licence not in force: since when, never a validity date as if it were.
  verifySince: {
    suspended: 'Suspended since',
    revoked: 'Revoked on',
    surrendered: 'Given up by the agency on',
    expired: 'Expired on',
  },
  verifySuspendedUntil: 'Suspended until',
  verifyAgency: 'Recruiter',
  checkedOn: (when: string) => `Checked on ${when}.`,
  verifyUnknownTitle: 'This licence number is not in the registry',
  verifyUnknownText: (number: string) =>
    `No licence has the number ${number}. The certificate may be forged. Do not pay the person who showed it to you.`,

  tooManyTitle: 'Please wait a moment',
  tooManyText: 'Many checks came from your connection in a short time. Wait a minute, then try again.',
  formExpiredTitle: 'This form was open too long',
  formExpiredText:
    'Nothing was sent. Go back to the form: what you typed is still there. Copy it, reload the page, paste it in and send it again.',

  sectorNames: SECTOR_LABELS as Record<Sector, string>,

  warningsTitle: 'Warnings',
  offices: {
    title: 'Where to report in person',
    link: 'Offices where you can report in person, in every district',
    lead: 'Offices in each district where you can report a recruiter or trafficking, or ask for help. These are office lines, not people’s own phones.',
    choose: 'District',
    all: 'All districts',
    show: 'Show',
    inDistrict: (district: string) => `Offices in ${district}`,
    none: 'No office is recorded for this district yet. Go to any police station or labour office.',
    services: {
      police: 'Police anti-trafficking unit',
      labour: 'Labour office',
      social_welfare: 'Social welfare',
      shelter: 'NGO shelter',
    } satisfies Record<FocalService, string>,
  },
  convictedOn: (date: string) => `Convicted by a court of a recruitment offence on ${date}.`,
  warnings: {
    fee: 'Found to have charged workers a recruitment fee.',
    fraud: 'Found to have deceived workers: a false job offer, a changed contract or documents kept.',
    under_watch: 'Under watch by the licensing office: found at fault in the last two years.',
  } satisfies Record<PublicWarning, string>,

  complaint: {
    link: 'Report a recruiter',
    title: 'Report a recruiter',
    lead: 'Tell us about a recruiter who asked you for money, lied about a job or kept your documents. Reporting is free.',
    anonymous:
      'You do not have to give your name, phone or email. Reports without them are read too, but we cannot tell you what we found.',
    recruiterHeading: 'The recruiter',
    registered: 'The recruiter, if they are in the registry',
    registeredNone: 'Not in the registry, or I do not know',
    recruiterName: 'Name of the recruiter or the person',
    recruiterNameHint: 'As they told it to you. Needed if the recruiter is not chosen above.',
    recruiterPlace: 'Where you met them',
    recruiterPhone: 'Their phone number',
    whatHappened: 'What happened?',
    whatHappenedHint: 'Choose all that happened.',
    categories: {
      recruitment_fee: 'I was asked to pay a fee for the job',
      deception: 'The job offer was false, or not what was promised',
      contract_substitution: 'I was given a different contract from the one I agreed',
      documents_retained: 'They kept my passport or ID',
      unlicensed_recruitment: 'They recruit without a licence',
      wages_withheld: 'My wages were not paid',
      other: 'Something else',
    } satisfies Record<ComplaintCategory, string>,
    feeAmount: 'How much did you pay?',
    feeAmountHint: 'Only if you paid. For example 1500, 1,500 or M1,500.50',
    feeCurrency: 'Currency',
    currencies: { LSL: 'Maloti (LSL)', ZAR: 'Rand (ZAR)' } satisfies Record<Currency, string>,
    happenedOn: 'When did it happen?',
    happenedOnHint: 'The date, if you know it.',
    district: 'District where it happened',
    districtNone: 'I do not know',
    promisedHeading: 'What you were promised',
    promisedJob: 'The job',
    jobOfferCode: 'The job offer code on the advert',
    jobOfferCodeHint: 'Eight digits, if the advert has one. Type it even if the check said it is not known.',
    promisedEmployer: 'The employer',
    promisedCountry: 'The country',
    description: 'Tell us what happened',
    descriptionHint: 'In your own words. Names, dates, places and amounts help.',
    contactHeading: 'How we can reach you (optional)',
    contactPhone: 'Your phone number',
    contactEmail: 'Your email',
    mayContact: 'You may contact me about this report',
    contactLanguage: 'Language to contact me in',
    optional: '(optional)',
    submit: 'Send the report',
    problem: 'There is a problem',
    errors: {
      jobCode: 'Type the eight digits of the code as the advert shows them, or leave it empty.',
      recruiter: 'Choose the recruiter or type their name.',
      categories: 'Choose at least one thing that happened.',
      description: 'Tell us what happened.',
      tooLong: (max: number) => `Type at most ${max} letters.`,
      amount: 'Type the amount in numbers, for example 1500, 1,500 or M1,500.50.',
      currency: 'Choose the currency you paid in.',
      currencyMismatch:
        'The amount is written in one currency and another is chosen here: choose the one you paid in.',
      date: 'Type a date that has passed.',
      phone: 'Type a phone number, for example +266 5800 0000.',
      email: 'Type an email address, for example name@example.com.',
      consent: 'Give a phone number or email so that we can contact you.',
      choice: 'Choose one of the options.',
      badCharacters:
        'What you typed held hidden characters that cannot be kept. We took them out: check the text and send it again.',
    },
    sentTitle: 'Your report was sent',
    sentReference: 'Your reference',
    sentKeep:
      'Write it down or take a photo of it. With it you can check what happened to your report. It does not show your name.',
    trackLink: 'Check a report',
    trackTitle: 'Check a report',
    trackLabel: 'Reference',
    trackHint: 'For example C-7KQ3-X9PD',
    trackButton: 'Check',
    trackNotFound: 'No report has this reference. Check that you typed it as it was given to you.',
    trackEmpty: 'Type the reference you were given when you sent the report, for example C-7KQ3-X9PD.',
    trackStatusLabel: 'Status',
    trackStatus: {
      received:
        'Received: it is waiting to be read. An officer reads every report; check again in a few days.',
      under_review:
        'Under review: an officer is looking into it. If you left a phone number or email, they may contact you.',
      found_true: "Found to be true: the recruiter's record in the registry now shows it.",
      not_proven:
        'Not proven: thank you. The office could not confirm it. If you learn more, you can send a new report.',
      referred_to_police: 'Referred to the police: the police are looking into it.',
    } satisfies Record<TrackedStatus, string>,
    tooMany:
      'Many reports have come from your network in the last hour, so yours was not sent yet. It is below: try again later, or take it to a labour office.',
  },

  jobs: {
    link: 'Check a job offer',
    formTitle: 'Is this job real?',
    formLead:
      'An approved job offer has a code on its advert. Type it here to see whether the job is real, open, and offered by a licensed recruiter.',
    codeLabel: 'Job offer code',
    codeHint: 'Eight digits, for example 4821-5533',
    checkButton: 'Check',
    notACode: 'Type the eight digits of the code, for example 4821-5533.',
    mistypedTitle: 'This code has a typing mistake',
    mistypedText:
      'One digit is wrong, or two are swapped. Check the code against the advert and type it again.',
    unknownTitle: 'No approved job offer has this code',
    unknownCode: (code: string) => `You checked ${code}.`,
    unknownText: 'The advert may be fake. Do not pay anyone, and do not hand over your passport or ID.',
    notACodeTitle: 'This is not a job offer code',
    notACodeText:
      'A job offer code has eight digits, for example 4821-5533. Check the advert and type it again.',
    unknownReport: 'Report this advert',
    title: (code: string) => `Job offer ${code}`,
    standing: {
      open: 'Approved job offer',
      not_yet_open: 'Approved job offer, not open yet',
      closed: 'Not valid now: this offer has closed',
      withdrawn: 'Not valid: this offer was withdrawn',
      agency_not_licensed: 'Not valid now: the recruiter may not recruit',
    },
    standingText: {
      open: (until: string) => `The job is real and open until ${until}.`,
      not_yet_open: (from: string) => `It opens on ${from}. Nobody may recruit for it before then.`,
      closed: (until: string) => `It closed on ${until}. Do not pay anyone for this job.`,
      withdrawn: () => 'Do not pay anyone for this job.',
      agency_not_licensed: () => 'The recruiter’s licence is not in force. Do not pay anyone for this job.',
    },
    recruiter: 'Recruiter',
    employer: 'Employer',
    position: 'Job',
    place: 'Where',
    wage: 'Wage',
    perMonth: (amount: string) => `${amount} a month`,
    contract: 'Contract',
    contractText: (months: number, hours: number) => `${months} months, ${hours} hours a week`,
    accommodation: 'Accommodation',
    workersWanted: 'Workers wanted',
    closes: 'Last day',
    noFeeBig: 'You must not pay any fee to get this job.',
    noFeeText:
      'The recruitment and travel costs are paid by the employer or the agency, never by you. If anyone asks you for money for this job, do not pay, and report it.',
    reportLink: 'Report a problem with this job offer',
    checkAnother: 'Check another code',
    openOffers: (n: number) => (n === 1 ? '1 open job offer' : `${n} open job offers`),
    slipCheck: 'Is this job real? Check before you go: scan the square QR code with a phone, or visit',
    slipDial: (ussd: string) => `or dial ${ussd} and choose 3.`,
  },

  ussd: {
    menu: 'Never pay for a job.\n1 Check a recruiter\n2 Report a recruiter\n3 Check a job offer\n4 Check my report\n0 Sesotho',
    askName: 'Type the recruiter name or licence number:',
    askCode: 'Type the job offer code from the advert (8 digits):',
    codeUnknown: 'No approved job has this code. The advert may be fake. Do not pay anyone.',
    codeMistyped: 'This code has a typing mistake. Check it against the advert and type it again:',
    codeNotACode: 'A job offer code has 8 digits, for example 4821-5533. Type the code from the advert:',
    jobOpenUntil: (date: string) => `Approved job offer, open until ${date}`,
    jobNoFee: 'Pay no fee for this job.',
    reportRecruiter:
      'Report a recruiter. Type their name, licence number or the job offer code on the advert:',
    reportCategories: 'What happened? Type numbers, like 1 3',
    reportCategoryNames: {
      recruitment_fee: 'Asked a fee',
      deception: 'False job offer',
      contract_substitution: 'Contract changed',
      documents_retained: 'Kept my papers',
      unlicensed_recruitment: 'No licence',
      wages_withheld: 'Wages unpaid',
      other: 'Something else',
    } satisfies Record<ComplaintCategory, string>,
    reportDetails: 'Say in a few words what happened:',
    reportAmount: 'How much did they ask or take? Type the amount, or 0 if nothing:',
    reportDistrict: 'Which district?',
    reportOutsideLesotho: 'Outside Lesotho',
    reportContact: 'May the labour office call you on this number?\n1 Yes\n2 No',
    reportConfirm: '1 Send\n2 Cancel',
    reportNoAmount: 'no money',
    reportCallYes: 'may call',
    reportCallNo: 'do not call',
    reportRetry: 'Not understood.',
    reportSent: (reference: string) =>
      `Report sent. Your reference: ${reference}. Keep it: dial again and choose 4 to see what happens to it.`,
    reportCancelled: 'Nothing was sent.',
    trackAsk: 'Type your report reference, like C-7KQ3-X9PD:',
    trackNotFound: 'No report has this reference. Check it and type it again:',
    trackStatus: {
      received: 'Received: waiting to be read by an officer.',
      under_review: 'Being looked at by an officer.',
      found_true: 'Found true: now on the register under the recruiter.',
      not_proven: 'Not proven. Thank you: you may send a new report if you know more.',
      referred_to_police: 'Passed to the police, who are investigating.',
    } satisfies Record<TrackedStatus, string>,
    notFound:
      'Not in the registry. A recruiter who is not listed is not licensed. Do not pay. Dial again and choose 2 to report it.',
    resultsFooter: 'Recruiters may not charge you a fee.',
    notFoundSimilar: 'NOT in the registry: not licensed. Do not pay. Other recruiters with similar names:',
    moreMatches: 'More matched: dial again, type the licence number or more of the name.',
    moreMatchesShort: 'More matched.',
    unknownChoice: 'Choose 1, 2, 3, 4 or 0.',
    doNotPay: 'Do not pay',
    tooMany: 'Too many screens from this phone. Wait a minute, then dial again.',
    busy: 'The service is busy. Dial again in a minute.',
    // After a result's status; short, so three results can still fit on a screen.
    warning: 'WARNING',
    convicted: (date: string) => `convicted ${date}`,
    policeLine: (district: string, phone: string) => `Police ${district}: ${phone}`,
    warnings: {
      fee: 'charged fees',
      fraud: 'deceived workers',
      under_watch: 'under watch',
    } satisfies Record<PublicWarning, string>,
  },
}

export type Catalogue = typeof en

const st: Catalogue = {
  otherLanguageLink: 'English',
  otherLanguageLabel: 'Read in English',

  siteName: 'Buka ea Ngoliso ea Baemeli ba Mesebetsi · Lesotho',
  skipLink: 'Tlolela litabeng tsa mantlha',
  errorPrefix: 'Phoso: ',
  footer: 'Lekala la Mesebetsi le Khiro, Lesotho.',
  staffSignIn: 'Ho kena ha bahlanka ba Lekala',
  months: [
    'Pherekhong',
    'Hlakola',
    'Hlakubele',
    'Mmesa',
    'Motšeanong',
    'Phupjane',
    'Phupu',
    'Phato',
    'Loetse',
    'Mphalane',
    'Pulungoana',
    'Tšitoe',
  ],
  dateAtTime: (date: string, time: string) => `${date} ka ${time}`,

  metaDescription:
    'Buka ea ngoliso ea baemeli ba mesebetsi ba nang le laesense Lesotho: sheba moemeli kapa mosebetsi pele u o amohela, kapa u tlalehe moemeli. Se lefe letho bakeng sa mosebetsi.',
  homeTitle: 'Na moemeli enoa oa mesebetsi o na le laesense?',
  homeLead:
    'Se lefe letho bakeng sa mosebetsi. Pele u amohela mosebetsi kapa u fana ka litokomane tsa hao, sheba hore moemeli o na le laesense.',
  ussdDial: (code: string) =>
    `Ha u na inthanete? Letsetsa ${code} ka founo efe kapa efe ho sheba moemeli kapa mosebetsi, kapa ho tlaleha moemeli.`,
  searchLabel: 'Lebitso la moemeli kapa nomoro ea laesense',
  searchHint: 'Mohlala: Maluti Recruitment, kapa LRA-2026-00042',
  searchButton: 'Sheba',
  noFeeTitle: 'Moemeli ha a lumelloe ho u lefisa chelete efe kapa efe.',
  noFeeText:
    'Baemeli ba nang le laesense ba lefuoa ke mohiri, eseng ke basebetsi. Haeba motho a u kopa chelete bakeng sa mosebetsi, foromo kapa setulo ka beseng, se lefe.',
  reportTitle: 'Mokhoa oa ho tlaleha moemeli',
  reportLink: 'Mokhoa oa ho tlaleha moemeli',
  reportSteps: [
    'Eea ofising e haufi ea Lekala la Mesebetsi le Khiro, e teng toropong e kholo ea setereke se seng le se seng, kapa seteisheneng sefe kapa sefe sa sepolesa.',
    'Bolela lebitso la moemeli, moo le kopaneng teng, seo a u tšepisitseng sona le seo a u kopileng ho se lefa.',
    'Tlisa lipampiri, lirasiti le melaetsa tsohle tseo a u fileng tsona.',
  ],
  reportNamed: (name: string) => `Moemeli eo u botsitseng ka eena: “${name}”.`,
  reportPrivate: 'Ha ho hlokahale hore u fane ka lebitso la hao.',
  backToSearch: 'Sheba moemeli e mong',

  lookupTitle: (q: string) => `Liphetho tsa “${q}”`,
  lookupTooLong: 'Ngola litlhaku tse sa feteng 100.',
  resultCount: (n: number) => (n === 1 ? 'Ho fumanoe moemeli a le mong' : `Ho fumanoe baemeli ba ${n}`),
  similarTitle: 'Na u ne u bolela e mong oa bana? Ke baemeli ba bang.',
  similarText: (q: string) =>
    `Mabitso a bona a tšoana feela le “${q}”. Haeba moemeli eo u kopaneng le eena a sa sebelise le leng la mabitso ana hantle, ha a na laesense.`,
  moreResults: 'Ho bontšoa feela mabitso a tšoanang haholo. Ngola lebitso ka botlalo ho fumana a mang.',
  notFoundTitle: (q: string) => `“${q}” ha a eo bukeng ea ngoliso.`,
  notFoundText: 'Moemeli ea sa ngolisoang ha a na laesense. Se lefe.',
  notFoundReport: 'Tlaleha moemeli enoa',
  tradingAs: 'O boetse o bitsoa',
  licenceNumber: 'Nomoro ea laesense',
  district: 'Setereke',
  sectors: 'Mefuta ea mesebetsi',
  noLicenceNumber: 'Ha e eo',

  standing: {
    licensed: 'O na le laesense',
    pending: 'Kopo e ntse e shejoa, ha a e-so be le laesense',
    suspended: 'Laesense e emisitsoe',
    revoked: 'Laesense e hlakotsoe',
    surrendered: 'Ha a na laesense (o e khutlisitse)',
    expired: 'Laesense e felletsoe ke nako',
    not_licensed: 'Ha a na laesense',
  },
  licensedUntil: (date: string) => `O na le laesense ho fihlela ${date}`,
  suspendedUntil: (date: string) => `Laesense e emisitsoe ho fihlela ${date}`,
  suspendedPending: 'Laesense e emisitsoe ha ho ntse ho batlisisoa',
  publicReasonLabel: 'Lebaka',
  publicReasonPendingLabel: 'Ho ntse ho batlisisoa ka',
  publicReasons: {
    recruitment_fees: 'O lefisitse basebetsi chelete ea ho ba batlela mesebetsi',
    deception: 'O thetsitse basebetsi ka mesebetsi, moputso kapa maemo',
    documents_retained: 'O tšoere liphasepoto kapa litokomane tsa boitsebiso tsa basebetsi',
    licence_conditions: 'Ha a ka a phethahatsa lipehelo tsa laesense ea hae',
    false_information: 'O file ofisi ea lilaesense boitsebiso ba leshano',
    other_breach: 'O tlotse melao ea baemeli ba mesebetsi',
  } satisfies Record<PublicReason, string>,
  conditionsLabel: 'Lipehelo tsa laesense',
  advice: {
    licensed: 'Moemeli enoa a ka batlela batho mesebetsi. Ha a lumelloe ho u lefisa letho.',
    pending: 'Moemeli enoa ha a e-so lumelloe ho batlela batho mesebetsi. Se lefe.',
    suspended: 'Moemeli enoa ha a lumelloe ho batlela batho mesebetsi hona joale. Se lefe.',
    revoked: 'Moemeli enoa ha a lumelloe ho batlela batho mesebetsi. Se lefe. Mo tlalehe.',
    surrendered: 'Moemeli enoa ha a lumelloe ho batlela batho mesebetsi. Se lefe.',
    expired: 'Laesense ena e felile. Moemeli ha a lumelloe ho batlela batho mesebetsi. Se lefe.',
    not_licensed: 'Moemeli enoa ha a lumelloe ho batlela batho mesebetsi. Se lefe.',
  },

  verifyTitle: (number: string) => `Laesense ${number}`,
  verifyIssued: 'E fanoe ka',
  verifyExpires: 'E sebetsa ho fihlela',
  verifySince: {
    suspended: 'E emisitsoe ho tloha ka',
    revoked: 'E hlakotsoe ka',
    surrendered: 'E khutlisitsoe ke moemeli ka',
    expired: 'E felile ka',
  },
  verifySuspendedUntil: 'E emisitsoe ho fihlela',
  verifyAgency: 'Moemeli',
  checkedOn: (when: string) => `E shebiloe ka ${when}.`,
  verifyUnknownTitle: 'Nomoro ena ea laesense ha e eo bukeng ea ngoliso',
  verifyUnknownText: (number: string) =>
    `Ha ho laesense e nang le nomoro ${number}. Setifikeiti se ka 'na sa ba sa bohata. U se ke ua lefa motho ea u bontšitseng sona.`,

  tooManyTitle: 'Ka kopo ema hanyane',
  tooManyText:
    'Ho entsoe lipatlisiso tse ngata ka khokahano ea hao ka nako e khutšoane. Ema motsotso, ebe u leka hape.',
  formExpiredTitle: 'Foromo ena e butsoe nako e telele haholo',
  formExpiredText:
    'Ha ho letho le rometsoeng. Khutlela foromong: seo u se ngotseng se ntse se le teng. Se kopitse, u bule leqephe bocha, u se kenye hape ebe u se romela.',

  sectorNames: {
    agriculture: 'Temo',
    manufacturing: 'Lifeme (masela le liaparo)',
    mining: 'Merafo',
    construction: 'Kaho',
    domestic_work: 'Mosebetsi oa lapeng',
    hospitality: 'Lihotele le bohahlauli',
    security_services: 'Tšireletso (balebeli)',
    other: 'Tse ling',
  },

  warningsTitle: 'Litemoso',
  offices: {
    title: 'Moo u ka tlalehang teng ka bouena',
    link: 'Liofisi moo u ka tlalehang teng ka bouena, setereke se seng le se seng',
    lead: 'Liofisi tsa setereke se seng le se seng moo u ka tlalehang moemeli kapa ho rekisoa ha batho, kapa ua kopa thuso. Ke linomoro tsa liofisi, eseng tsa batho.',
    choose: 'Setereke',
    all: 'Litereke tsohle',
    show: 'Bontša',
    inDistrict: (district: string) => `Liofisi tsa ${district}`,
    none: 'Ha ho ofisi e ngotsoeng bakeng sa setereke sena. E-ea seteisheneng sefe kapa sefe sa mapolesa kapa ofising ea Labour.',
    services: {
      police: 'Mapolesa a khahlanong le ho rekisoa ha batho',
      labour: 'Ofisi ea Labour',
      social_welfare: 'Boiketlo ba Sechaba (Social Welfare)',
      shelter: 'Sebaka sa bolulo (NGO)',
    } satisfies Record<FocalService, string>,
  },
  convictedOn: (date: string) =>
    `Lekhotla le mo fumane a le molato oa tlolo ea molao ea ho batlela batho mesebetsi ka ${date}.`,
  warnings: {
    fee: 'Ho fumanoe hore o lefisitse basebetsi chelete ea ho ba fumanela mosebetsi.',
    fraud:
      'Ho fumanoe hore o thetsitse basebetsi: mosebetsi oa leshano, konteraka e fetotsoeng, kapa ho se ba khutlisetse litokomane tsa bona.',
    under_watch:
      'O ntse a lekoloa ka hloko ke ofisi ea lilaesense, hobane o fumanoe a fositse lilemong tse peli tse fetileng.',
  } satisfies Record<PublicWarning, string>,

  complaint: {
    link: 'Tlaleha moemeli',
    title: 'Tlaleha moemeli',
    lead: 'Re bolelle ka moemeli ea u kopileng chelete, ea u thetsitseng ka mosebetsi kapa ea tšoereng litokomane tsa hao. Ho tlaleha ke mahala.',
    anonymous:
      'Ha ho hlokahale hore u fane ka lebitso, nomoro ea mohala kapa email. Le litlaleho tse se nang tsona lia baloa, empa re ke ke ra u bolella seo re se fumaneng.',
    recruiterHeading: 'Moemeli',
    registered: 'Moemeli, haeba a le bukeng ea ngoliso',
    registeredNone: 'Ha a eo bukeng ea ngoliso, kapa ha ke tsebe',
    recruiterName: 'Lebitso la moemeli kapa la motho',
    recruiterNameHint: 'Joalo ka ha a u boleletse. Lea hlokahala haeba moemeli a sa khethoa ka holimo.',
    recruiterPlace: 'Moo le kopaneng teng',
    recruiterPhone: 'Nomoro ea hae ea mohala',
    whatHappened: 'Ho etsahetse eng?',
    whatHappenedHint: 'Khetha tsohle tse etsahetseng.',
    categories: {
      recruitment_fee: 'Ke kopiloe ho lefa chelete bakeng sa mosebetsi',
      deception: 'Mosebetsi o ne o le oa leshano, kapa o ne o se oo ke o tšepisitsoeng',
      contract_substitution: 'Ke filoe konteraka e fapaneng le eo ke e lumetseng',
      documents_retained: 'Ba tšoere phasepoto kapa ID ea ka',
      unlicensed_recruitment: 'Ba batlela batho mesebetsi ba se na laesense',
      wages_withheld: 'Moputso oa ka ha oa lefuoa',
      other: 'Ho hong',
    } satisfies Record<ComplaintCategory, string>,
    feeAmount: 'U lefile bokae?',
    feeAmountHint: 'Feela haeba u lefile. Mohlala 1500, 1,500 kapa M1,500.50',
    feeCurrency: 'Mofuta oa chelete',
    currencies: { LSL: 'Maloti a Lesotho (LSL)', ZAR: 'Liranta tsa Afrika Boroa (ZAR)' } satisfies Record<
      Currency,
      string
    >,
    happenedOn: 'Ho etsahetse neng?',
    happenedOnHint: 'Letsatsi, haeba u le tseba.',
    district: 'Setereke moo ho etsahetseng teng',
    districtNone: 'Ha ke tsebe',
    promisedHeading: 'Seo u se tšepisitsoeng',
    promisedJob: 'Mosebetsi',
    jobOfferCode: 'Khoutu ea mosebetsi e papatsong',
    jobOfferCodeHint:
      'Linomoro tse robeli, haeba papatso e na le eona. E ngole le haeba ho shebahala e sa tsejoe.',
    promisedEmployer: 'Mohiri',
    promisedCountry: 'Naha',
    description: 'Re bolelle se etsahetseng',
    descriptionHint: 'Ka mantsoe a hao. Mabitso, matsatsi, libaka le chelete lia thusa.',
    contactHeading: 'Kamoo re ka u fumanang (ha ho qobelloe)',
    contactPhone: 'Nomoro ea hao ea mohala',
    contactEmail: 'Email ea hao',
    mayContact: 'Le ka ikopanya le nna mabapi le tlaleho ena',
    contactLanguage: 'Puo eo le ka buang le nna ka eona',
    optional: '(haeba u rata)',
    submit: 'Romela tlaleho',
    problem: 'Ho na le bothata',
    errors: {
      jobCode: 'Ngola linomoro tse robeli tsa khoutu joalo ka ha li le papatsong, kapa u e tlohele.',
      recruiter: 'Khetha moemeli kapa u ngole lebitso la hae.',
      categories: "Khetha bonyane ntho e le 'ngoe e etsahetseng.",
      description: 'Re bolelle se etsahetseng.',
      tooLong: (max: number) => `Ngola litlhaku tse sa feteng ${max}.`,
      amount: 'Ngola chelete ka linomoro, mohlala 1500, 1,500 kapa M1,500.50.',
      currency: 'Khetha mofuta oa chelete eo u lefileng ka eona.',
      currencyMismatch:
        'Chelete e ngotsoe ka mofuta o mong, empa mona ho khethiloe o mong: khetha mofuta oo u lefileng ka oona.',
      date: 'Ngola letsatsi le seng le fetile.',
      phone: 'Ngola nomoro ea mohala, mohlala +266 5800 0000.',
      email: 'Ngola aterese ea email, mohlala lebitso@example.com.',
      consent: 'Fana ka nomoro ea mohala kapa email hore re tle re ikopanye le uena.',
      choice: "Khetha e 'ngoe ea likhetho.",
      badCharacters:
        "Seo u se ngotseng se ne se e-na le litlhaku tse patiloeng tse ke keng tsa bolokoa. Re li ntšitse: sheba mongolo 'me u o romele hape.",
    },
    sentTitle: 'Tlaleho ea hao e rometsoe',
    sentReference: 'Nomoro ea hao ea tlaleho',
    sentKeep:
      'E ngole kapa u nke setšoantšo sa eona. Ka eona u ka sheba se etsahetseng ka tlaleho ea hao. Ha e bontše lebitso la hao.',
    trackLink: 'Sheba tlaleho',
    trackTitle: 'Sheba tlaleho',
    trackLabel: 'Nomoro ea tlaleho',
    trackHint: 'Mohlala C-7KQ3-X9PD',
    trackButton: 'Sheba',
    trackNotFound: 'Ha ho tlaleho e nang le nomoro ena. Hlahloba hore u e ngotse joalo ka ha u e filoe.',
    trackEmpty: 'Ngola nomoro eo u e filoeng ha u ne u romela tlaleho, mohlala C-7KQ3-X9PD.',
    trackStatusLabel: 'Boemo',
    trackStatus: {
      received:
        "E amohetsoe: e emetse ho baloa. Ofisiri e bala tlaleho e 'ngoe le e 'ngoe; u ka sheba hape ka mor'a matsatsi a seng makae.",
      under_review:
        'E ntse e hlahlojoa ke ofisiri. Haeba u siile nomoro ea mohala kapa email, ba ka ikopanya le uena.',
      found_true: "E fumanoe e le 'nete: joale e ngotsoe bukeng ea ngoliso tlas'a moemeli eo.",
      not_proven:
        'Ha ea pakoa: rea leboha. Ofisi ha ea khona ho e netefatsa. Haeba u tseba ho hongata, u ka romela tlaleho e ncha.',
      referred_to_police: 'E fetiselitsoe sepoleseng: mapolesa a e batlisisa.',
    } satisfies Record<TrackedStatus, string>,
    tooMany:
      'Ho tlile litlaleho tse ngata ho tsoa marang-rang a hao horeng ena, kahoo ea hao ha e so romeloe. E ka tlase: leka hape hamorao, kapa u e ise ofising ea Lekala la Mesebetsi (Labour).',
  },

  jobs: {
    link: 'Sheba mosebetsi o tšepisitsoeng',
    formTitle: "Na mosebetsi ona ke oa 'nete?",
    formLead:
      "Mosebetsi o lumelletsoeng o na le khoutu papatsong ea oona. E ngole mona ho bona hore na mosebetsi ke oa 'nete, o ntse o bulehile, 'me o fanoa ke moemeli ea nang le laesense.",
    codeLabel: 'Khoutu ea mosebetsi',
    codeHint: 'Linomoro tse robeli, mohlala 4821-5533',
    checkButton: 'Sheba',
    notACode: 'Ngola linomoro tse robeli tsa khoutu, mohlala 4821-5533.',
    mistypedTitle: 'Khoutu ena e ngotsoe ka phoso',
    mistypedText:
      "Nomoro e le 'ngoe e fosahetse, kapa tse peli li fapantsoe. Bapisa khoutu le papatso ebe u e ngola hape.",
    unknownTitle: 'Ha ho mosebetsi o lumelletsoeng o nang le khoutu ena',
    unknownCode: (code: string) => `U shebile ${code}.`,
    notACodeTitle: 'Ena hase khoutu ea mosebetsi',
    notACodeText:
      'Khoutu ea mosebetsi e na le linomoro tse robeli, mohlala 4821-5533. Sheba papatso ebe u e ngola hape.',
    unknownText:
      "Papatso e ka ba ea leshano. U se ke ua lefa letho, 'me u se ke ua fana ka phasepoto kapa ID ea hao.",
    unknownReport: 'Tlaleha papatso ena',
    title: (code: string) => `Mosebetsi ${code}`,
    standing: {
      open: 'Mosebetsi o lumelletsoe',
      not_yet_open: 'Mosebetsi o lumelletsoe, empa ha o so bulehe',
      closed: 'Ha o sa sebetsa: nako ea mosebetsi ona e fetile',
      withdrawn: 'Ha o sebetse: mosebetsi ona o hutsitsoe',
      agency_not_licensed: 'Ha o sebetse hona joale: moemeli ha a lumelloe ho batlela batho mesebetsi',
    },
    standingText: {
      open: (until: string) => `Mosebetsi ke oa 'nete 'me o bulehile ho fihlela ${until}.`,
      not_yet_open: (from: string) =>
        `O tla buleha ka ${from}. Ha ho motho ea lumelloang ho o batlela batho pele ho moo.`,
      closed: (until: string) => `O koetsoe ka ${until}. U se ke ua lefa motho bakeng sa mosebetsi ona.`,
      withdrawn: () => 'U se ke ua lefa motho bakeng sa mosebetsi ona.',
      agency_not_licensed: () =>
        'Laesense ea moemeli ha e sebetse. U se ke ua lefa motho bakeng sa mosebetsi ona.',
    },
    recruiter: 'Moemeli',
    employer: 'Mohiri',
    position: 'Mosebetsi',
    place: 'Kae',
    wage: 'Moputso',
    perMonth: (amount: string) => `${amount} ka khoeli`,
    contract: 'Konteraka',
    contractText: (months: number, hours: number) => `Likhoeli tse ${months}, lihora tse ${hours} ka beke`,
    accommodation: 'Bolulo',
    workersWanted: 'Basebetsi ba batloang',
    closes: 'Letsatsi la ho qetela',
    noFeeBig: 'Ha ua lokela ho lefa chelete efe kapa efe ho fumana mosebetsi ona.',
    noFeeText:
      "Litšenyehelo tsa ho batla basebetsi le tsa leeto li lefuoa ke mohiri kapa moemeli, eseng uena. Haeba motho a u kopa chelete bakeng sa mosebetsi ona, se lefe, 'me u tlalehe.",
    reportLink: 'Tlaleha bothata ka mosebetsi ona',
    checkAnother: "Sheba khoutu e 'ngoe",
    openOffers: (n: number) =>
      n === 1 ? 'Mosebetsi o le mong o bulehileng' : `Mesebetsi e ${n} e bulehileng`,
    slipCheck: "Na mosebetsi ona ke oa 'nete? Sheba pele u tsamaea: skena khoutu ea QR ka fono, kapa etela",
    slipDial: (ussd: string) => `kapa letsetsa ${ussd} u khethe 3.`,
  },

  ussd: {
    menu: 'Se lefe letho bakeng sa mosebetsi.\n1 Sheba moemeli\n2 Tlaleha moemeli\n3 Sheba mosebetsi\n4 Sheba tlaleho\n0 English',
    askName: 'Ngola lebitso la moemeli kapa nomoro ea laesense:',
    askCode: 'Ngola khoutu ea mosebetsi e papatsong (linomoro tse 8):',
    codeUnknown: 'Ha ho mosebetsi o lumelletsoeng o nang le khoutu ena. Papatso e ka ba ea leshano. Se lefe.',
    codeMistyped: 'Khoutu e ngotsoe ka phoso. E bapise le papatso ebe u e ngola hape:',
    codeNotACode: 'Khoutu ea mosebetsi e na le linomoro tse 8, mohlala 4821-5533. Ngola khoutu e papatsong:',
    jobOpenUntil: (date: string) => `Mosebetsi o lumelletsoe, o bulehile ho fihlela ${date}`,
    jobNoFee: 'Se lefe chelete bakeng sa mosebetsi ona.',
    reportRecruiter:
      'Tlaleha moemeli. Ngola lebitso la hae, nomoro ea laesense kapa khoutu ea mosebetsi e papatsong:',
    reportCategories: 'Ho etsahetseng? Linomoro',
    reportCategoryNames: {
      recruitment_fee: 'O kopile chelete',
      deception: 'Mosebetsi oa leshano',
      contract_substitution: 'Konteraka e fetotsoe',
      documents_retained: 'O nkile litokomane',
      unlicensed_recruitment: 'Ha a na laesense',
      wages_withheld: 'Ha ke a lefuoa',
      other: 'Ho hong',
    } satisfies Record<ComplaintCategory, string>,
    reportDetails: 'Re bolelle ka mantsoe a seng makae se etsahetseng:',
    reportAmount: 'O kopile kapa o nkile bokae? Ngola chelete, kapa 0 haeba ho se letho:',
    reportDistrict: 'Setereke sefe?',
    reportOutsideLesotho: 'Kantle ho naha',
    reportContact: 'Na ofisi ea Labour e ka u letsetsa nomorong ena?\n1 E\n2 Che',
    reportConfirm: '1 Romela\n2 Hlakola',
    reportNoAmount: 'ha ho chelete',
    reportCallYes: 'ba ka letsetsa',
    reportCallNo: 'ba se ke ba letsetsa',
    reportRetry: 'Ha ho utloisisehe.',
    reportSent: (reference: string) =>
      `Tlaleho e rometsoe. Nomoro ea tlaleho ea hao: ${reference}. E boloke: letsetsa hape u khethe 4 ho bona se etsahalang.`,
    reportCancelled: 'Ha ho letho le rometsoeng.',
    trackAsk: 'Ngola nomoro ea tlaleho ea hao, mohlala C-7KQ3-X9PD:',
    trackNotFound: 'Ha ho tlaleho e nang le nomoro ena. E hlahlobe ebe u e ngola hape:',
    trackStatus: {
      received: 'E amohetsoe: e emetse ho baloa ke ofisiri.',
      under_review: 'E ntse e hlahlojoa ke ofisiri.',
      found_true: "E fumanoe e le 'nete: e ngotsoe bukeng ea ngoliso.",
      not_proven: 'Ha ea pakoa. Rea leboha: u ka romela tlaleho e ncha haeba u tseba ho hongata.',
      referred_to_police: 'E fetiselitsoe sepoleseng, se e batlisisang.',
    } satisfies Record<TrackedStatus, string>,
    notFound:
      'Ha a eo bukeng ea ngoliso. Moemeli ea sa ngolisoang ha a na laesense. Se lefe. Letsetsa hape u khethe 2 ho mo tlaleha.',
    resultsFooter: 'Baemeli ha ba lumelloe ho u lefisa.',
    notFoundSimilar:
      'HA A EO bukeng ea ngoliso: ha a na laesense. Se lefe. Baemeli ba bang ba mabitso a tšoanang:',
    moreMatches: 'Ho na le a mang: letsetsa hape, ngola nomoro ea laesense kapa lebitso ka botlalo.',
    moreMatchesShort: 'Ho na le a mang.',
    unknownChoice: 'Khetha 1, 2, 3, 4 kapa 0.',
    doNotPay: 'Se lefe',
    tooMany: 'Ho na le likopo tse ngata haholo ho tsoa founong ena. Ema motsotso ebe u letsetsa hape.',
    busy: 'Tšebeletso e phathahane. Letsetsa hape kamora motsotso.',
    warning: 'TEMOSO',
    convicted: (date: string) => `o fumanoe a le molato ${date}`,
    policeLine: (district: string, phone: string) => `Mapolesa ${district}: ${phone}`,
    warnings: {
      fee: 'o lefisitse chelete',
      fraud: 'o thetsitse basebetsi',
      under_watch: 'o ntse a lekoloa',
    } satisfies Record<PublicWarning, string>,
  },
}

const CATALOGUES: Record<Language, Catalogue> = { en, st }

export function messagesFor(lang: Language): Catalogue {
  return CATALOGUES[lang]
}

export function otherLanguage(lang: Language): Language {
  return lang === 'en' ? 'st' : 'en'
}
