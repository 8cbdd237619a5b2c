import type { JuryMessages } from './en.ts';

export const de: JuryMessages = {
  title: 'Jury',
  loading: 'Ihre Jury-Seite wird geladen …',
  noKey:
    'Diese Seite braucht Ihren persönlichen Jury-Link (er endet auf #key=…). Öffnen Sie den Link, ' +
    'den Ihnen das Kampagnenteam geschickt hat.',
  unknown: 'Dieser Jury-Link ist nicht bekannt. Bitten Sie das Kampagnenteam um Ihren Link.',
  revoked:
    'Dieser Jury-Link wurde widerrufen. Wenden Sie sich an das Kampagnenteam, wenn Sie das für einen ' +
    'Fehler halten.',
  failed: 'Die Jury-Seite konnte nicht geladen werden ({reason}).',
  retry: 'Erneut versuchen',
  welcome: 'Willkommen, {name}. Sie bewerten „{campaign}“.',
  notOpen:
    'Die Bewertung ist nicht geöffnet: Die Kampagne ist in der Phase „{phase}“. Sie können die ' +
    'Beiträge ansehen; bewertet wird, solange die Jury-Phase läuft.',
  open:
    'Die Bewertung ist geöffnet. Bewerten Sie jeden Beitrag in jedem Kriterium von 1 (schwach) bis ' +
    '10 (herausragend); bis zum Ende der Jury-Phase können Sie Ihre Bewertungen ändern.',
  private: 'Nur Sie sehen Ihre Bewertungen; kein Jurymitglied sieht die eines anderen.',
  brief: 'Die Aufgabe',
  rules: 'Regeln',
  criteria: 'Kriterien',
  weight: 'Gewicht {weight}',
  entries: '{count, plural, =0 {Noch keine freigegebenen Beiträge.} one {# Beitrag} other {# Beiträge}}',
  entry: 'Beitrag {n}: {author}',
  preview: 'Entwurf von {author}, Ansicht {view}',
  scoreOf: '{criterion}: Bewertung von 1 bis 10',
  save: 'Bewertung speichern',
  saving: 'Wird gespeichert …',
  saved: 'Ihre Bewertung ist gespeichert.',
  notScored: 'Noch nicht bewertet.',
  incomplete: 'Bewerten Sie zuerst jedes Kriterium ({missing}).',
  notSaved: 'Nicht gespeichert: {reason}',
  phaseUpcoming: 'demnächst',
  phaseEntries: 'Einreichung',
  phaseVoting: 'Abstimmung',
  phaseJudging: 'Jury',
  phaseResults: 'Ergebnisse',
};
