/** The jury page's strings (English, the fallback); the other tables have the same keys. */
export const en = {
  title: 'Jury',
  loading: 'Loading your jury page…',
  noKey: 'This page needs your private jury link (it ends in #key=…). Open the link the campaign team ' + 'sent you.',
  unknown: 'This jury link is not known. Ask the campaign team for yours.',
  revoked: 'This jury link was revoked. Ask the campaign team if you think this is a mistake.',
  failed: 'The jury page could not be loaded ({reason}).',
  retry: 'Try again',
  welcome: 'Welcome, {name}. You are judging “{campaign}”.',
  notOpen:
    'Judging is not open: the campaign is in its {phase} phase. You can look at the entries; scores ' +
    'are taken while judging is open.',
  open:
    'Judging is open. Score each entry on every criterion from 1 (weak) to 10 (outstanding); you can ' +
    'change your scores until judging closes.',
  private: 'Only you see your scores; no juror sees another’s.',
  brief: 'The brief',
  rules: 'Rules',
  criteria: 'Criteria',
  weight: 'weight {weight}',
  entries: '{count, plural, =0 {No approved entries yet.} one {# entry} other {# entries}}',
  entry: 'Entry {n}: {author}',
  preview: '{author}’s design, {view} view',
  scoreOf: '{criterion}: score from 1 to 10',
  save: 'Save scores',
  saving: 'Saving…',
  saved: 'Your scores are saved.',
  notScored: 'Not scored yet.',
  incomplete: 'Give a score for every criterion first ({missing}).',
  notSaved: 'Not saved: {reason}',
  phaseUpcoming: 'upcoming',
  phaseEntries: 'entries',
  phaseVoting: 'voting',
  phaseJudging: 'judging',
  phaseResults: 'results',
} as const;

export type JuryKey = keyof typeof en;
export type JuryMessages = Record<JuryKey, string>;
