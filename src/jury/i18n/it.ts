import type { JuryMessages } from './en.ts';

export const it: JuryMessages = {
  title: 'Giuria',
  loading: 'Caricamento della tua pagina di giuria…',
  noKey:
    'Questa pagina richiede il tuo link privato di giuria (finisce con #key=…). Apri il link che ti ' +
    'ha inviato il team della campagna.',
  unknown: 'Questo link di giuria non è riconosciuto. Chiedi il tuo al team della campagna.',
  revoked: 'Questo link di giuria è stato revocato. Contatta il team della campagna se pensi che sia un ' + 'errore.',
  failed: 'Impossibile caricare la pagina della giuria ({reason}).',
  retry: 'Riprova',
  welcome: 'Benvenuto, {name}. Stai giudicando «{campaign}».',
  notOpen:
    'La valutazione non è aperta: la campagna è nella fase «{phase}». Puoi guardare le proposte; i ' +
    'voti si danno mentre la valutazione è aperta.',
  open:
    'La valutazione è aperta. Dai a ogni proposta un voto da 1 (debole) a 10 (eccellente) per ogni ' +
    'criterio; puoi cambiare i voti fino alla chiusura.',
  private: 'Solo tu vedi i tuoi voti; nessun giurato vede quelli degli altri.',
  brief: 'Il brief',
  rules: 'Regole',
  criteria: 'Criteri',
  weight: 'peso {weight}',
  entries: '{count, plural, =0 {Ancora nessuna proposta approvata.} one {# proposta} other {# proposte}}',
  entry: 'Proposta {n}: {author}',
  preview: 'Design di {author}, vista {view}',
  scoreOf: '{criterion}: voto da 1 a 10',
  save: 'Salva i voti',
  saving: 'Salvataggio…',
  saved: 'I tuoi voti sono salvati.',
  notScored: 'Non ancora votata.',
  incomplete: 'Prima dai un voto a ogni criterio ({missing}).',
  notSaved: 'Non salvato: {reason}',
  phaseUpcoming: 'in arrivo',
  phaseEntries: 'proposte',
  phaseVoting: 'votazione',
  phaseJudging: 'giuria',
  phaseResults: 'risultati',
};
