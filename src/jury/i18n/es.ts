import type { JuryMessages } from './en.ts';

export const es: JuryMessages = {
  title: 'Jurado',
  loading: 'Cargando tu página de jurado…',
  noKey:
    'Esta página necesita tu enlace privado de jurado (termina en #key=…). Abre el enlace que te ' +
    'envió el equipo de la campaña.',
  unknown: 'Este enlace de jurado no se reconoce. Pide el tuyo al equipo de la campaña.',
  revoked: 'Este enlace de jurado se ha revocado. Habla con el equipo de la campaña si crees que es un ' + 'error.',
  failed: 'No se pudo cargar la página del jurado ({reason}).',
  retry: 'Reintentar',
  welcome: 'Hola, {name}. Estás evaluando «{campaign}».',
  notOpen:
    'La evaluación no está abierta: la campaña está en la fase «{phase}». Puedes ver las propuestas; ' +
    'las puntuaciones se aceptan mientras la evaluación está abierta.',
  open:
    'La evaluación está abierta. Puntúa cada propuesta en cada criterio de 1 (flojo) a 10 ' +
    '(excelente); puedes cambiar tus puntuaciones hasta que cierre la evaluación.',
  private: 'Solo tú ves tus puntuaciones; ningún miembro del jurado ve las de otro.',
  brief: 'El encargo',
  rules: 'Reglas',
  criteria: 'Criterios',
  weight: 'peso {weight}',
  entries: '{count, plural, =0 {Aún no hay propuestas aprobadas.} one {# propuesta} other {# propuestas}}',
  entry: 'Propuesta {n}: {author}',
  preview: 'Diseño de {author}, vista {view}',
  scoreOf: '{criterion}: puntuación de 1 a 10',
  save: 'Guardar puntuación',
  saving: 'Guardando…',
  saved: 'Tu puntuación está guardada.',
  notScored: 'Sin puntuar todavía.',
  incomplete: 'Primero puntúa cada criterio ({missing}).',
  notSaved: 'No se guardó: {reason}',
  phaseUpcoming: 'próxima',
  phaseEntries: 'presentación',
  phaseVoting: 'votación',
  phaseJudging: 'jurado',
  phaseResults: 'resultados',
};
