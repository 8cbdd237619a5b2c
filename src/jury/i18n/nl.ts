import type { JuryMessages } from './en.ts';

export const nl: JuryMessages = {
  title: 'Jury',
  loading: 'Je jurypagina wordt geladen…',
  noKey:
    'Deze pagina heeft je persoonlijke jurylink nodig (die eindigt op #key=…). Open de link die het ' +
    'campagneteam je stuurde.',
  unknown: 'Deze jurylink is niet bekend. Vraag het campagneteam om de jouwe.',
  revoked:
    'Deze jurylink is ingetrokken. Neem contact op met het campagneteam als je denkt dat dit een ' + 'vergissing is.',
  failed: 'De jurypagina kon niet worden geladen ({reason}).',
  retry: 'Opnieuw proberen',
  welcome: 'Welkom, {name}. Je beoordeelt “{campaign}”.',
  notOpen:
    'Beoordelen is niet open: de campagne is in de fase “{phase}”. Je kunt de inzendingen bekijken; ' +
    'scores worden aangenomen zolang de jury beoordeelt.',
  open:
    'Beoordelen is open. Geef elke inzending per criterium een score van 1 (zwak) tot 10 ' +
    '(uitstekend); je kunt je scores wijzigen tot het beoordelen sluit.',
  private: 'Alleen jij ziet je scores; geen jurylid ziet die van een ander.',
  brief: 'De opdracht',
  rules: 'Regels',
  criteria: 'Criteria',
  weight: 'gewicht {weight}',
  entries: '{count, plural, =0 {Nog geen goedgekeurde inzendingen.} one {# inzending} other {# inzendingen}}',
  entry: 'Inzending {n}: {author}',
  preview: 'Ontwerp van {author}, aanzicht {view}',
  scoreOf: '{criterion}: score van 1 tot 10',
  save: 'Scores opslaan',
  saving: 'Opslaan…',
  saved: 'Je scores zijn opgeslagen.',
  notScored: 'Nog geen score.',
  incomplete: 'Geef eerst elk criterium een score ({missing}).',
  notSaved: 'Niet opgeslagen: {reason}',
  phaseUpcoming: 'binnenkort',
  phaseEntries: 'inzenden',
  phaseVoting: 'stemmen',
  phaseJudging: 'jury',
  phaseResults: 'uitslag',
};
