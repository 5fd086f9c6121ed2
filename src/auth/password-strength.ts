import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import * as common from '@zxcvbn-ts/language-common'
import * as english from '@zxcvbn-ts/language-en'
import { DISTRICTS } from '../vocabulary.js'

// Whether a new password is too easy to guess, by zxcvbn-ts (a maintained estimator with tens of
// thousands of common passwords, names and words, keyboard patterns, dates and l33t speak), and
// whether it holds the person's own name or email address, the first thing an attacker tries.

let checker: ZxcvbnFactory | null = null

// Words anyone guessing a password here tries first, which an English dictionary does not hold.
const LOCAL_WORDS = [
  ...DISTRICTS.map((d) => d.toLowerCase().replace(/['’]/g, '')),
  ...[
    'lesotho',
    'basotho',
    'mosotho',
    'sesotho',
    'maseru',
    'maloti',
    'loti',
    'lisente',
    'khotso',
    'pula',
    'nala',
  ],
  ...[
    'thaba',
    'bosiu',
    'moshoeshoe',
    'letsie',
    'senqu',
    'mohokare',
    'maluti',
    'registry',
    'recruiter',
    'labour',
  ],
  ...['ministry', 'inspector', 'licence', 'license', 'police', 'lmps'],
]

/** Built on first use: its dictionaries take a few megabytes, needed only when a password is set. */
function strength() {
  checker ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary, lesotho: LOCAL_WORDS },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
    // Beyond this, length alone protects; the estimate's cost grows with it.
    maxLength: 100,
  })
  return checker
}

/** zxcvbn's score (0–4) a password must reach: 3 is "safely unguessable" to an attacker with stolen hashes. */
export const MIN_SCORE = 3

/** Parts of who the person is that must not be in their password: the email's name, and their names. */
function ownWords(about: { email?: string | undefined; name?: string | undefined }): string[] {
  const local = about.email?.split('@')[0] ?? ''
  const words = [local, ...local.split(/[._+-]+/), ...(about.name ?? '').split(/[\s'’.-]+/)]
  return [...new Set(words.map((w) => w.toLowerCase()).filter((w) => w.length >= 3))]
}

/** Why a new password will not do, or null when it will. */
export function passwordProblem(
  password: string,
  about: { email?: string | undefined; name?: string | undefined },
): string | null {
  const lower = password.toLowerCase()
  // Short names ("Tau") hide inside ordinary words ("restaurant"): zxcvbn weighs those instead.
  if (ownWords(about).some((word) => word.length >= 4 && lower.includes(word)))
    return 'Do not use your own name or email address in your password'
  const result = strength().check(password, ownWords(about))
  if (result.score >= MIN_SCORE) return null
  const warning = result.feedback.warning
    ? ` (${result.feedback.warning.replace(/\.$/, '').toLowerCase()})`
    : ''
  return `This password is easy to guess${warning}. Use three or four random words that mean something only to you`
}
