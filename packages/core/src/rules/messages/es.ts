/**
 * Spanish messages of the built-in rules (same ids and placeholders as `en.ts`). Vocabulary:
 * "participante" (nunca "paciente"), "observación" (nunca "infracción").
 *
 * @module
 */
import type { MessageCatalog } from './en.js';

/** Spanish catalog of the built-in rules. */
export const es: MessageCatalog = {
  'meals-daily': {
    missing: 'No hay «{meal}» programado en {count} día(s): {dates}.',
    fixMissing:
      'Programa «{meal}» todos los días (revisa la recurrencia, las fechas excluidas y las ocurrencias canceladas).',
  },
  'consistent-times': {
    drift:
      '«{title}» ({kind}) empieza a las {time} el {dates}, a más de {tolerance} min de su hora habitual ({usual}).',
    fixDrift:
      'Empieza «{kind}» hacia las {usual} todos los días, o amplía la tolerancia si la diferencia es intencionada.',
  },
  'protected-mealtimes': {
    overlap: '«{title}» coincide con «{meal}» para los mismos participantes el {dates}.',
    fixOverlap: 'Saca «{title}» del horario de comidas para que las comidas estén protegidas.',
  },
  'free-time-daily': {
    missing: 'Menos de {minutes} min de tiempo libre en {count} día(s): {dates}.',
    fixMissing: 'Incluye tiempo libre todos los días de la rutina.',
  },
  'no-empty-stretch': {
    gap: 'No hay nada programado de {from} a {to} ({hours} h, más de {max} h) el {dates}.',
    fixGap:
      'Ofrece una actividad, un grupo o una salida en ese tramo, también por la tarde y los fines de semana.',
  },
  'required-elements': {
    missing:
      'No hay {kinds} en la(s) semana(s) que empieza(n) el {weeks}; los programas {setting} lo necesitan cada semana.',
    fixMissing: 'Programa {kinds} al menos una vez por semana.',
  },
  'no-double-booking': {
    participant: '{names}: se espera su presencia en «{a}» y «{b}» a la vez el {dates}.',
    location: '{location} está reservada para «{a}» y «{b}» a la vez el {dates}.',
    fixParticipant:
      'Mueve una de las dos, o cambia el público o las inscripciones para que nadie esté en dos sitios.',
    fixLocation: 'Mueve una de las dos a otra sala u hora.',
  },
  'facilitator-required': {
    missing: '«{title}» no tiene facilitador en {count} ocurrencia(s): {dates}.',
    fixMissing: 'Asigna al menos un facilitador a «{title}».',
    missingMany: '{count} rutinas no tienen facilitador: {titles}.',
    fixMissingMany: 'Asigna al menos un facilitador a cada una de estas rutinas.',
  },
  'facilitator-conflict': {
    notYetEmployed: '{name} facilita «{title}» el {dates}, antes de su fecha de inicio ({limit}).',
    noLongerEmployed: '{name} facilita «{title}» el {dates}, después de su último día ({limit}).',
    doubleBooked: '{name} facilita «{a}» y «{b}» a la vez el {dates}.',
    fixEmployment:
      'Pasa «{title}» a un compañero contratado en esas fechas (una excepción «changed» o un nuevo facilitador).',
    fixDoubleBooked: 'Asigna otro facilitador a una de las dos sesiones, o muévela.',
  },
  capacity: {
    overCapacity:
      '«{title}» espera hasta {most} participantes pero admite como máximo {limit} ({dates}).',
    roomFull:
      '«{title}» espera hasta {most} participantes en {location}, con capacidad para {limit} ({dates}).',
    underMinimum:
      '«{title}» solo tiene {fewest} participante(s), menos que su mínimo de {limit} ({dates}).',
    fixOverCapacity: 'Divide el grupo, sube capacity.max o limita las inscripciones.',
    fixRoomFull: 'Usa una sala más grande o divide el grupo.',
    fixUnderMinimum: 'Invita a más participantes, une la sesión con otra o baja capacity.min.',
  },
  'recurrence-bounded': {
    unbounded: '«{title}» se repite para siempre: no tiene until, count ni fecha de revisión.',
    reviewOverdue: '«{title}» debía revisarse el {reviewDate}.',
    fixUnbounded: 'Añade recurrence.reviewDate (o until/count) para que la rutina se revise.',
    fixReviewOverdue: 'Revisa la rutina con la comunidad y fija la próxima fecha de revisión.',
    unboundedMany:
      '{count} rutinas se repiten para siempre sin until, count ni fecha de revisión: {titles}.',
    reviewOverdueMany: '{count} rutinas debían revisarse el {reviewDate}: {titles}.',
    fixUnboundedMany:
      'Da al horario una fecha de revisión (recurrence.reviewDate en cada rutina) o termina las series con until/count.',
    fixReviewOverdueMany:
      'Revisa el horario con la comunidad y fija la próxima fecha de revisión de estas rutinas.',
  },
  'expectation-explained': {
    missing: 'El acuerdo «{statement}» no explica su motivo.',
    tooShort:
      'El motivo de «{statement}» es demasiado breve para explicarlo ({words} palabra(s); al menos {minWords}).',
    fixRationale: 'Explica con palabras sencillas por qué existe el acuerdo.',
  },
  'expectation-positive': {
    negative: '«{statement}» solo dice lo que no hay que hacer ({words}).',
    fixNegative:
      'Reformúlalo como lo que sí hay que hacer, p. ej. «Llama y espera antes de entrar en una habitación».',
  },
  'co-created': {
    notAgreed: 'Los acuerdos no registran dónde ni cuándo los aprobó la comunidad.',
    noMeeting:
      'Los acuerdos aprobados el {date} no indican la asamblea comunitaria en que se aprobaron.',
    stale:
      'Los acuerdos se aprobaron o revisaron por última vez el {date}, hace {days} días (más de {maxDays}).',
    fixNotAgreed:
      'Aprueba los acuerdos en una asamblea comunitaria y registra expectations.agreedAt.',
    fixNoMeeting: 'Indica en expectations.agreedAt.routineId la rutina de la asamblea comunitaria.',
    fixStale: 'Revisa los acuerdos con la comunidad y registra expectations.lastReviewed.',
  },
  'graduated-responses': {
    noLadder: '«{statement}» no tiene una escala de respuestas graduadas.',
    notEscalating:
      'El paso {step} de «{statement}» ({kind}) es más suave que un paso anterior ({previous}).',
    noExpiry: 'El paso {step} de «{statement}» no caduca ni se revisa nunca.',
    noEarnBack: '«{statement}» no describe cómo recuperar lo perdido.',
    fixNoLadder:
      'Añade pasos graduados: recordatorio → conversación individual → acción reparadora → revisión en equipo.',
    fixNotEscalating: 'Ordena los pasos del más suave al más exigente.',
    fixNoExpiry: 'Añade expiresAfterDays o reviewAfterDays al paso.',
    fixNoEarnBack: 'Describe cómo recuperar lo perdido (earnBack).',
  },
  'consistent-response': {
    mismatch:
      '{name} aplicó el paso {applied} por «{statement}» el {date}; la escala indica el paso {expected} para la observación número {count} del periodo revisado.',
    staffDiverges:
      'Los pasos aplicados por {name} difieren de la escala en {off} de {total} observaciones.',
    fixMismatch:
      'Aplica el paso que corresponde según la escala, o comenta la excepción con el equipo.',
    fixStaffDiverges: 'Repasad la escala en equipo para que todos respondan igual.',
  },
  'therapist-not-enforcer': {
    therapistIssued:
      '{name}, terapeuta principal de {participant}, aplicó una respuesta el {date}.',
    fixTherapistIssued:
      'Que otro miembro del equipo aplique las respuestas, para preservar la relación terapéutica.',
  },
  'basic-needs-unconditional': {
    conditional: 'El paso {step} de «{statement}» condiciona una necesidad básica ({needs}).',
    fixConditional:
      'Quita de la escala las comidas, el sueño, la higiene, la intimidad y el acceso a defensores o abogados.',
  },
  'personal-choice': {
    noElectives:
      'La semana que empieza el {weeks} ofrece {found} actividad(es) optativa(s) (se esperan al menos {minElectives}).',
    fixNoElectives:
      'Ofrece actividades optativas a las que los participantes puedan elegir apuntarse.',
  },
  'feedback-sources': {
    never:
      '{name} no recibió feedback de tipo «{source}» en el periodo de estancia {from} – {to}, ni antes (se espera cada {maxDays} días).',
    stale:
      '{name} no recibió feedback de tipo «{source}» en el periodo de estancia {from} – {to}; el último fue el {last} (se espera cada {maxDays} días).',
    fixSource:
      'Pide feedback de tipo «{source}» sobre los objetivos o las habilidades de afrontamiento de {name}.',
  },
  'feedback-balanced': {
    noStrength: 'El feedback no menciona ninguna fortaleza («{strengths}»).',
    vagueSuggestion: 'La sugerencia «{suggestions}» no es concreta.',
    fixStrength: 'Empieza por una fortaleza concreta que la persona haya mostrado.',
    fixSuggestion: 'Di qué probar, cuándo y cómo (al menos cuatro palabras).',
  },
  'peer-anonymity': {
    tooFewRaters:
      'El feedback anónimo de compañeros sobre {name} es visible ({visibility}) con solo {raters} evaluador(es); se necesitan al menos {minRaters}.',
    unverifiable:
      'El feedback anónimo de compañeros sobre {name} es visible ({visibility}) sin authorId, así que no se pueden contar sus evaluadores.',
    fixAggregate:
      'Muestra el feedback anónimo solo agregado de al menos {minRaters} evaluadores, o déjalo visible solo para el equipo hasta entonces.',
  },
  'safety-language-review': {
    unreviewed:
      'Un feedback con lenguaje de riesgo ({phrases}) es visible ({visibility}) sin revisión del equipo (estado {status}).',
    notFlagged:
      'Un feedback pendiente contiene lenguaje de riesgo ({phrases}) pero no está marcado para revisión.',
    fixUnreviewed:
      'Pon la revisión en pending o withheld hasta que alguien del equipo lo haya leído.',
    fixNotFlagged: 'Añade la marca safety-language para que alguien del equipo lo lea primero.',
  },
  'display-privacy': {
    fullName:
      'El nombre preferido «{name}» incluye el apellido; las pantallas mostrarían el nombre completo.',
    longName:
      'El nombre preferido «{name}» tiene más de {maxNameWords} palabras; puede ser un nombre completo.',
    namesParticipant: '«{text}» nombra a un participante ({names}) en una pantalla compartida.',
    sensitiveTerm: '«{text}» muestra términos sensibles en una pantalla compartida ({terms}).',
    fixName: 'Deja el nombre de pila preferido en preferredName y el apellido en lastName.',
    fixText:
      'Usa una redacción neutra; deja los datos clínicos fuera de los textos que se muestran.',
  },
  'attendance-recorded': {
    missing:
      'La asistencia de "{title}" sigue incompleta más de {hours} h después de que terminaran {count} sesión(es): {dates} (faltan {records} registro(s)).',
    fixMissing:
      'Registra la asistencia de cada integrante esperado (la hoja de asistencia marca quién falta).',
  },
  'transition-plan-early': {
    noAnticipatedDischarge: '{name} (ingreso el {admitted}) no tiene fecha prevista de alta.',
    noPlan:
      '{name} (ingreso el {admitted}) no tiene plan de transición; debía existir antes del {due}.',
    late: 'El plan de transición de {name} se empezó el {created}, después del {due}.',
    fixAnticipated:
      'Fija anticipatedDischargeDate: la planificación del alta empieza con el ingreso.',
    fixPlan: 'Crea una transición de alta o de cambio de nivel con tareas de plan.',
  },
  'aftercare-booked': {
    notBooked: '{name} recibe el alta el {date} sin cita de seguimiento reservada.',
    outsideWindow:
      'La cita de seguimiento de {name} el {at} no cae dentro de los {withinDays} días posteriores al alta del {date}.',
    noFollowUp:
      '{name} no tiene ningún contacto reservado en las {hours} h posteriores al alta del {date}.',
    noTransition: '{name} recibe el alta el {date} sin transición ni plan de alta.',
    fixBook:
      'Reserva una cita de seguimiento dentro de los {withinDays} días posteriores al alta (tarea con «at»).',
    fixFollowUp:
      'Reserva una llamada o visita de seguimiento en las {hours} h posteriores al alta.',
    fixTransition: 'Añade una transición de alta con una cita de seguimiento.',
  },
  'peer-contact-consented': {
    noConsent: 'El contacto entre pares de {name} no tiene consentimiento registrado.',
    subjectMissing: 'El consentimiento del contacto entre pares de {name} no incluye a {name}.',
    oneSided:
      'El consentimiento del contacto entre pares de {name} solo registra a una de las partes.',
    basis:
      'El consentimiento del contacto entre pares de {name} no se basa en 42 CFR Part 2, obligatorio en un programa {setting}.',
    afterContact:
      'El consentimiento del contacto entre pares de {name} se registró el {recordedOn}, después del contacto del {at}.',
    fixConsent:
      'Registra el consentimiento de ambas partes (consent.parties) antes de cualquier contacto.',
    fixBasis: 'Registra el consentimiento según 42 CFR Part 2 (consent.basis).',
  },
  'staff-departure-notice': {
    notAnnounced:
      'El último día de {name} ({date}) no se ha anunciado; debía anunciarse antes del {due} ({notice} días de antelación).',
    lateNotice:
      'El último día de {name} ({date}) se anunció el {announced}, con solo {days} días de antelación (se esperan {notice}).',
    noSuccessor: 'No hay sucesor para {name}, que se va el {date}.',
    notIntroduced: '{successor}, que sucede a {name}, no se presenta antes del {date}.',
    noTransition:
      '{name} se va el {date} pero no hay transición de salida (antelación: {notice} días).',
    fixAnnounce:
      'Anuncia la salida a los participantes con quienes trabaja y registra announcedDate.',
    fixSuccessor: 'Indica un sucesor (successorStaffId).',
    fixIntroduce: 'Planifica la presentación del sucesor antes del último día.',
  },
  'staff-arrival-introduced': {
    notIntroduced:
      '{name} (empieza el {start}) no se presenta antes de su primer turno, el {first}.',
    fixIntroduce:
      'Planifica una presentación (en la asamblea comunitaria o con un perfil) antes del primer turno.',
  },
  'stay-within-bounds': {
    overBound:
      'La estancia de {name} dura ya {days} días, más que el límite del programa ({bound}), sin revisión.',
    plannedBeyond:
      'El alta prevista de {name} ({anticipated}) supera el límite del programa ({bound} días, alcanzado el {reached}) sin revisión.',
    fixReview:
      'Revisa la estancia y registra la decisión como transición (cambio de nivel, alta o traslado).',
  },
};
