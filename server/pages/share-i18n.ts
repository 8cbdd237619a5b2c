/**
 * The share page's strings (`/d/:id`, its vote and share parts) in the five
 * languages the studio speaks, through the studio's message format. The
 * language is `?lang=` when given, else the first of `Accept-Language`
 * with a table, as on the results page.
 */
import { formats, parse, render, type Params } from '../../src/i18n/format.ts';
import { matchLocale } from '../../src/i18n/locale.ts';
import { escapeHtml, SafeHtml } from './html.ts';

const en = {
  title: "{author}'s design — {site}",
  heading: "{author}'s {template}",
  votes: '{count, plural, one {# vote} other {# votes}}',
  votesHidden: 'votes shown with the results',
  description: 'A {template} designed by {author} ({votes}). Vote for it.',
  alt: 'The {template} as designed by {author}',
  by: 'By {author}',
  submitted: 'Submitted {date}',
  entered: 'Entered in {campaign}.',
  place: 'Place {place} in {campaign}.',
  gallery: 'See all designs in the gallery',
  own: 'Design your own',
  notFoundTitle: 'Not found',
  notFound: 'This design is not here',
  notFoundWhy: 'It may not be approved yet, or it was taken down.',
  seeGallery: 'See the gallery',
  voteFor: 'Vote for {author}’s design',
  voted: 'Voted ✓',
  youVoted: 'You voted for {author}’s design.',
  notOpenYet: 'Voting has not opened yet.',
  closed: 'Voting has closed.',
  counted: 'Thank you: your vote counted.',
  alreadyVoted: 'You had already voted for this design: that vote did not count again.',
  ipCap: 'Too many votes for this design came from your network today: that vote did not count.',
  closedNow: 'Votes are not taken now: see the campaign’s dates.',
  failed: 'Your vote could not be taken. Please try again.',
  share: 'Share this design',
  shareButton: 'Share…',
  copy: 'Copy link',
  copied: 'Link copied.',
  copyFailed: 'The link could not be copied: use one of the links below.',
  email: 'Email',
  timelapse: 'Watch it painted',
  videoDownload: 'Download the time-lapse',
  videoCancel: 'Cancel',
  videoMaking: 'Making the time-lapse video',
  videoDone: 'The time-lapse video is downloaded.',
  videoCancelled: 'The video was cancelled.',
  videoUnsupported: 'This browser cannot make videos: download the finished picture instead.',
  videoFailed: 'The video could not be made. Please try again.',
  videoStill: 'Download the picture',
};
export type ShareKey = keyof typeof en;
type Table = Record<ShareKey, string>;

const de: Table = {
  title: 'Design von {author} — {site}',
  heading: '{template} von {author}',
  votes: '{count, plural, one {# Stimme} other {# Stimmen}}',
  votesHidden: 'Stimmen werden mit den Ergebnissen gezeigt',
  description: 'Ein {template}, gestaltet von {author} ({votes}). Stimm dafür ab.',
  alt: 'Der {template}, gestaltet von {author}',
  by: 'Von {author}',
  submitted: 'Eingereicht am {date}',
  entered: 'Beitrag zu {campaign}.',
  place: 'Platz {place} in {campaign}.',
  gallery: 'Alle Designs in der Galerie',
  own: 'Gestalte dein eigenes',
  notFoundTitle: 'Nicht gefunden',
  notFound: 'Dieses Design ist nicht hier',
  notFoundWhy: 'Vielleicht ist es noch nicht freigegeben, oder es wurde entfernt.',
  seeGallery: 'Zur Galerie',
  voteFor: 'Für das Design von {author} stimmen',
  voted: 'Abgestimmt ✓',
  youVoted: 'Du hast für das Design von {author} gestimmt.',
  notOpenYet: 'Die Abstimmung hat noch nicht begonnen.',
  closed: 'Die Abstimmung ist beendet.',
  counted: 'Danke: Deine Stimme zählt.',
  alreadyVoted: 'Du hattest schon für dieses Design gestimmt: Diese Stimme zählt nicht noch einmal.',
  ipCap: 'Aus deinem Netz kamen heute zu viele Stimmen für dieses Design: Diese Stimme zählt nicht.',
  closedNow: 'Gerade werden keine Stimmen angenommen: Sieh dir die Termine der Kampagne an.',
  failed: 'Deine Stimme konnte nicht angenommen werden. Bitte versuche es noch einmal.',
  share: 'Dieses Design teilen',
  shareButton: 'Teilen…',
  copy: 'Link kopieren',
  copied: 'Link kopiert.',
  copyFailed: 'Der Link konnte nicht kopiert werden: Nutze einen der Links unten.',
  email: 'E-Mail',
  timelapse: 'So ist es entstanden',
  videoDownload: 'Zeitraffer herunterladen',
  videoCancel: 'Abbrechen',
  videoMaking: 'Das Zeitraffer-Video wird erstellt',
  videoDone: 'Das Zeitraffer-Video ist heruntergeladen.',
  videoCancelled: 'Das Video wurde abgebrochen.',
  videoUnsupported: 'Dieser Browser kann keine Videos erstellen: lade stattdessen das fertige Bild herunter.',
  videoFailed: 'Das Video konnte nicht erstellt werden. Bitte versuch es noch einmal.',
  videoStill: 'Bild herunterladen',
};
const es: Table = {
  title: 'Diseño de {author} — {site}',
  heading: '{template} de {author}',
  votes: '{count, plural, one {# voto} other {# votos}}',
  votesHidden: 'los votos se muestran con los resultados',
  description: 'Un {template} diseñado por {author} ({votes}). Vota por él.',
  alt: 'El {template} diseñado por {author}',
  by: 'De {author}',
  submitted: 'Enviado el {date}',
  entered: 'Participa en {campaign}.',
  place: 'Puesto {place} en {campaign}.',
  gallery: 'Ver todos los diseños en la galería',
  own: 'Diseña el tuyo',
  notFoundTitle: 'No encontrado',
  notFound: 'Este diseño no está aquí',
  notFoundWhy: 'Puede que aún no esté aprobado, o que se haya retirado.',
  seeGallery: 'Ver la galería',
  voteFor: 'Votar por el diseño de {author}',
  voted: 'Votado ✓',
  youVoted: 'Votaste por el diseño de {author}.',
  notOpenYet: 'La votación aún no ha empezado.',
  closed: 'La votación ha terminado.',
  counted: 'Gracias: tu voto cuenta.',
  alreadyVoted: 'Ya habías votado por este diseño: ese voto no cuenta otra vez.',
  ipCap: 'Hoy llegaron demasiados votos por este diseño desde tu red: ese voto no cuenta.',
  closedNow: 'Ahora no se aceptan votos: mira las fechas de la campaña.',
  failed: 'No se pudo registrar tu voto. Inténtalo de nuevo.',
  share: 'Comparte este diseño',
  shareButton: 'Compartir…',
  copy: 'Copiar enlace',
  copied: 'Enlace copiado.',
  copyFailed: 'No se pudo copiar el enlace: usa uno de los enlaces de abajo.',
  email: 'Correo',
  timelapse: 'Mira cómo se pintó',
  videoDownload: 'Descargar el timelapse',
  videoCancel: 'Cancelar',
  videoMaking: 'Creando el vídeo del timelapse',
  videoDone: 'El vídeo del timelapse se ha descargado.',
  videoCancelled: 'Se canceló el vídeo.',
  videoUnsupported: 'Este navegador no puede crear vídeos: descarga la imagen terminada en su lugar.',
  videoFailed: 'No se pudo crear el vídeo. Inténtalo de nuevo.',
  videoStill: 'Descargar la imagen',
};
const it: Table = {
  title: 'Design di {author} — {site}',
  heading: '{template} di {author}',
  votes: '{count, plural, one {# voto} other {# voti}}',
  votesHidden: 'i voti si vedono con i risultati',
  description: 'Un {template} disegnato da {author} ({votes}). Votalo.',
  alt: 'Il {template} disegnato da {author}',
  by: 'Di {author}',
  submitted: 'Inviato il {date}',
  entered: 'In gara in {campaign}.',
  place: '{place}º posto in {campaign}.',
  gallery: 'Tutti i design nella galleria',
  own: 'Crea il tuo',
  notFoundTitle: 'Non trovato',
  notFound: 'Questo design non è qui',
  notFoundWhy: 'Forse non è ancora approvato, o è stato rimosso.',
  seeGallery: 'Vai alla galleria',
  voteFor: 'Vota il design di {author}',
  voted: 'Votato ✓',
  youVoted: 'Hai votato il design di {author}.',
  notOpenYet: 'La votazione non è ancora aperta.',
  closed: 'La votazione è chiusa.',
  counted: 'Grazie: il tuo voto conta.',
  alreadyVoted: 'Avevi già votato questo design: questo voto non conta di nuovo.',
  ipCap: 'Oggi sono arrivati troppi voti per questo design dalla tua rete: questo voto non conta.',
  closedNow: 'Ora non si accettano voti: guarda le date della campagna.',
  failed: 'Non è stato possibile registrare il tuo voto. Riprova.',
  share: 'Condividi questo design',
  shareButton: 'Condividi…',
  copy: 'Copia link',
  copied: 'Link copiato.',
  copyFailed: 'Non è stato possibile copiare il link: usa uno dei link qui sotto.',
  email: 'E-mail',
  timelapse: 'Guarda come è stato dipinto',
  videoDownload: 'Scarica il time-lapse',
  videoCancel: 'Annulla',
  videoMaking: 'Creazione del video time-lapse',
  videoDone: 'Il video time-lapse è stato scaricato.',
  videoCancelled: 'Il video è stato annullato.',
  videoUnsupported: 'Questo browser non può creare video: scarica invece l’immagine finita.',
  videoFailed: 'Impossibile creare il video. Riprova.',
  videoStill: 'Scarica l’immagine',
};
const nl: Table = {
  title: 'Ontwerp van {author} — {site}',
  heading: '{template} van {author}',
  votes: '{count, plural, one {# stem} other {# stemmen}}',
  votesHidden: 'stemmen te zien bij de uitslag',
  description: 'Een {template}, ontworpen door {author} ({votes}). Stem erop.',
  alt: 'De {template}, ontworpen door {author}',
  by: 'Door {author}',
  submitted: 'Ingestuurd op {date}',
  entered: 'Doet mee aan {campaign}.',
  place: 'Plaats {place} in {campaign}.',
  gallery: 'Alle ontwerpen in de galerij',
  own: 'Ontwerp je eigen',
  notFoundTitle: 'Niet gevonden',
  notFound: 'Dit ontwerp is hier niet',
  notFoundWhy: 'Misschien is het nog niet goedgekeurd, of is het verwijderd.',
  seeGallery: 'Naar de galerij',
  voteFor: 'Stem op het ontwerp van {author}',
  voted: 'Gestemd ✓',
  youVoted: 'Je hebt op het ontwerp van {author} gestemd.',
  notOpenYet: 'Het stemmen is nog niet begonnen.',
  closed: 'Het stemmen is gesloten.',
  counted: 'Bedankt: je stem telt.',
  alreadyVoted: 'Je had al op dit ontwerp gestemd: deze stem telt niet nog eens.',
  ipCap: 'Vandaag kwamen er te veel stemmen voor dit ontwerp uit jouw netwerk: deze stem telt niet.',
  closedNow: 'Er worden nu geen stemmen aangenomen: bekijk de data van de campagne.',
  failed: 'Je stem kon niet worden aangenomen. Probeer het opnieuw.',
  share: 'Deel dit ontwerp',
  shareButton: 'Delen…',
  copy: 'Link kopiëren',
  copied: 'Link gekopieerd.',
  copyFailed: 'De link kon niet worden gekopieerd: gebruik een van de links hieronder.',
  email: 'E-mail',
  timelapse: 'Zie hoe het geschilderd is',
  videoDownload: 'Download de timelapse',
  videoCancel: 'Annuleren',
  videoMaking: 'De timelapse-video wordt gemaakt',
  videoDone: 'De timelapse-video is gedownload.',
  videoCancelled: 'De video is geannuleerd.',
  videoUnsupported: 'Deze browser kan geen video’s maken: download in plaats daarvan de afbeelding.',
  videoFailed: 'De video kon niet worden gemaakt. Probeer het opnieuw.',
  videoStill: 'Download de afbeelding',
};

export const SHARE_TABLES: Record<string, Table> = { en, de, es, it, nl };

export interface ShareText {
  (key: ShareKey, params?: Params): string;
  lang: string;
  /** The message with `slot` (its one placeholder) filled by markup, the rest escaped. */
  marked(key: ShareKey, slot: string, markup: SafeHtml, params?: Params): SafeHtml;
  date(iso: string): string;
}

const MARK = '\u0000';

export function shareText(requested: string[]): ShareText {
  const match = matchLocale(requested);
  const id = match.id in SHARE_TABLES ? match.id : 'en';
  const table = SHARE_TABLES[id];
  const f = formats(id === 'en' ? 'en' : match.locale);
  const t = (key: ShareKey, params: Params = {}) => render(parse(table[key]), params, f);
  const marked = (key: ShareKey, slot: string, markup: SafeHtml, params: Params = {}) =>
    new SafeHtml(
      t(key, { ...params, [slot]: MARK })
        .split(MARK)
        .map((part) => escapeHtml(part))
        .join(markup.text),
    );
  const date = (iso: string) => f.date(new Date(iso), { dateStyle: 'medium', timeZone: 'UTC' });
  return Object.assign(t, { lang: id, marked, date });
}
