import type { SupportedLanguage } from '../../internal/locale.js';

/**
 * Messages of `<milieu-feedback-form>`, one catalog per shipped language. `{name}`, `{n}`,
 * `{status}` and `{message}` are filled in; validation messages come from core.
 */
export const messages = {
  en: {
    about: 'About {name}',
    whoReads: 'Who will read this',
    readBy_staff: 'Staff only.',
    readBy_subject: '{name} and staff.',
    readBy_self: 'You and staff.',
    readBy_community: 'Everyone in the program.',
    reviewFirst: 'A staff member reads it first.',
    theParticipant: 'the person',
    anonymous: 'Do not show my name',
    named: '{name} will see that you wrote this.',
    namedProgram: 'Staff will see that you wrote this.',
    anonOmit: 'Your name is not saved with this feedback.',
    anonKeep: 'Your name is hidden. Only reviewing staff can see who wrote it.',
    aggregate:
      '{name} sees anonymous feedback only together with feedback from others ({n} people or more).',
    required: '(required)',
    none: 'None',
    noGoals: 'No goals are recorded yet.',
    noExpectations: 'No community expectations are recorded yet.',
    summary: 'Please check {n} answers:',
    summaryOne: 'Please check 1 answer:',
    safety:
      'Thank you for writing this. A staff member will read it soon, so they can check in with you. If you need someone now, please talk to a staff member.',
    offline:
      'You are offline. What you wrote is kept here and will be sent when you are back online.',
    submit: 'Send feedback',
    sending: 'Sending…',
    retrying: 'Not saved yet. Trying again…',
    saved: 'Saved. Thank you for your feedback.',
    restored: 'Your unsent draft is back.',
    failed: 'Your feedback could not be saved yet. What you wrote is kept here; please try again.',
    rejected: 'The server did not accept this feedback: {message}',
    rejectedNoMessage: 'The server did not accept this feedback (error {status}).',
    keptFix: 'What you wrote is kept here; you can change it and send it again.',
    badTemplate: 'This form cannot be shown: its template is not valid.',
    invalidEntry: 'This feedback cannot be sent yet: {message}',
  },
  es: {
    about: 'Sobre {name}',
    whoReads: 'Quién leerá esto',
    readBy_staff: 'Solo el personal.',
    readBy_subject: '{name} y el personal.',
    readBy_self: 'Tú y el personal.',
    readBy_community: 'Todas las personas del programa.',
    reviewFirst: 'Un miembro del personal lo lee primero.',
    theParticipant: 'la persona',
    anonymous: 'No mostrar mi nombre',
    named: '{name} verá que lo escribiste tú.',
    namedProgram: 'El personal verá que lo escribiste tú.',
    anonOmit: 'Tu nombre no se guarda con estos comentarios.',
    anonKeep: 'Tu nombre queda oculto. Solo el personal que revisa puede ver quién lo escribió.',
    aggregate:
      '{name} ve los comentarios anónimos solo junto con los de otras personas ({n} o más).',
    required: '(obligatorio)',
    none: 'Ninguna',
    noGoals: 'Todavía no hay metas registradas.',
    noExpectations: 'Todavía no hay acuerdos de la comunidad registrados.',
    summary: 'Revisa {n} respuestas, por favor:',
    summaryOne: 'Revisa 1 respuesta, por favor:',
    safety:
      'Gracias por escribir esto. Un miembro del personal lo leerá pronto para poder hablar contigo. Si necesitas a alguien ahora, habla con un miembro del personal.',
    offline:
      'No hay conexión. Lo que escribiste se guarda aquí y se enviará cuando vuelva la conexión.',
    submit: 'Enviar comentarios',
    sending: 'Enviando…',
    retrying: 'Aún no se ha guardado. Lo intentamos de nuevo…',
    saved: 'Guardado. Gracias por tus comentarios.',
    restored: 'Se recuperó tu borrador sin enviar.',
    failed:
      'Todavía no se pudieron guardar tus comentarios. Lo que escribiste se guarda aquí; inténtalo de nuevo.',
    rejected: 'El servidor no aceptó estos comentarios: {message}',
    rejectedNoMessage: 'El servidor no aceptó estos comentarios (error {status}).',
    keptFix: 'Lo que escribiste se guarda aquí; puedes cambiarlo y enviarlo de nuevo.',
    badTemplate: 'No se puede mostrar este formulario: su plantilla no es válida.',
    invalidEntry: 'Todavía no se pueden enviar estos comentarios: {message}',
  },
} satisfies Record<SupportedLanguage, Record<string, string>>;

/** One catalog of {@link messages}. */
export type FeedbackFormMessages = (typeof messages)['en'];

/** Fills `{key}` placeholders. */
export function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (all, key: string) =>
    key in params ? String(params[key]) : all,
  );
}
