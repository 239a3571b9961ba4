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
    anonKeep: 'Only staff who review feedback can see your name; {name} never can.',
    anonKeepProgram: 'Only staff who review feedback can see your name.',
    aggregate:
      '{name} sees anonymous feedback only together with feedback from others ({n} people or more).',
    required: '(required)',
    none: 'None',
    noGoals: 'No goals are recorded yet.',
    noExpectations: 'No community expectations are recorded yet.',
    summary: 'Please check {n} answers:',
    summaryOne: 'Please check 1 answer:',
    safety:
      'Thank you for writing this. A staff member will read it soon, so they can check in with you.',
    safetyNow: 'If you need someone now, please talk to a staff member.',
    safetyStaff:
      'This mentions safety language: the entry goes to staff review before anyone else can read it.',
    crisis: 'If you need help right now, talk to a staff member or contact {name}:',
    call: 'call {phone}',
    visit: 'website',
    offline:
      'You are offline. What you wrote is kept here and will be sent when you are back online.',
    submit: 'Send feedback',
    sending: 'Sending…',
    waiting: 'Will send when back online',
    loading: 'Loading the form…',
    retry: 'Try again',
    ctx_offline: 'The form could not be loaded: there is no connection. Check it and try again.',
    ctx_forbidden: 'You do not have permission to write this feedback here.',
    'ctx_not-found': 'This form could not be found. Please tell staff.',
    ctx_request:
      'This form cannot be shown: the server did not accept its request. Please tell staff.',
    ctx_server: 'The form could not be loaded because of a problem on the server. Try again later.',
    ctx_invalid: 'This form cannot be shown: the server sent information it could not read.',
    ctx_document: 'This form cannot be shown: the program document is not valid.',
    notAllowed: 'You cannot write this kind of feedback here.',
    retrying: 'Not saved yet. Trying again…',
    saved: 'Saved. Thank you for your feedback.',
    savedReview: 'Saved. Thank you for your feedback. A staff member reads it first.',
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
    anonKeep:
      'Solo el personal que revisa los comentarios puede ver tu nombre; {name} nunca puede verlo.',
    anonKeepProgram: 'Solo el personal que revisa los comentarios puede ver tu nombre.',
    aggregate:
      '{name} ve los comentarios anónimos solo junto con los de otras personas ({n} o más).',
    required: '(obligatorio)',
    none: 'Ninguna opción',
    noGoals: 'Todavía no hay metas registradas.',
    noExpectations: 'Todavía no hay acuerdos de la comunidad registrados.',
    summary: 'Revisa {n} respuestas, por favor:',
    summaryOne: 'Revisa 1 respuesta, por favor:',
    safety:
      'Gracias por escribir esto. Un miembro del personal lo leerá pronto para poder hablar contigo.',
    safetyNow: 'Si necesitas a alguien ahora, habla con un miembro del personal.',
    safetyStaff:
      'Esto contiene lenguaje de riesgo: la entrada pasa a revisión del personal antes de que nadie más pueda leerla.',
    crisis:
      'Si necesitas ayuda ahora mismo, habla con un miembro del personal o contacta con {name}:',
    call: 'llama al {phone}',
    visit: 'sitio web',
    offline:
      'No hay conexión. Lo que escribiste se guarda aquí y se enviará cuando vuelva la conexión.',
    submit: 'Enviar comentarios',
    sending: 'Enviando…',
    waiting: 'Se enviará al volver la conexión',
    loading: 'Cargando el formulario…',
    retry: 'Intentar de nuevo',
    ctx_offline: 'No se pudo cargar el formulario: no hay conexión. Revísala e inténtalo de nuevo.',
    ctx_forbidden: 'No tienes permiso para escribir estos comentarios aquí.',
    'ctx_not-found': 'No se encontró este formulario. Avisa al personal, por favor.',
    ctx_request:
      'No se puede mostrar este formulario: el servidor no aceptó su solicitud. Avisa al personal, por favor.',
    ctx_server:
      'No se pudo cargar el formulario por un problema del servidor. Inténtalo más tarde.',
    ctx_invalid:
      'No se puede mostrar este formulario: el servidor envió información que no se pudo leer.',
    ctx_document: 'No se puede mostrar este formulario: el documento del programa no es válido.',
    notAllowed: 'No puedes escribir este tipo de comentarios aquí.',
    retrying: 'Aún no se ha guardado. Lo intentamos de nuevo…',
    saved: 'Guardado. Gracias por tus comentarios.',
    savedReview: 'Guardado. Gracias por tus comentarios. Un miembro del personal lo lee primero.',
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

/**
 * Fills `{key}` placeholders with template parts (for example a name in `<bdi>`), as an array
 * Lit renders in order.
 */
export function fillParts<T>(text: string, params: Record<string, T>): (string | T)[] {
  return text
    .split(/\{(\w+)\}/g)
    .map((piece, i) => (i % 2 && piece in params ? (params[piece] as T) : piece));
}

/** The text with its first letter in upper case (a fallback name that starts a sentence). */
export const capitalize = (text: string): string =>
  text.charAt(0).toLocaleUpperCase() + text.slice(1);
