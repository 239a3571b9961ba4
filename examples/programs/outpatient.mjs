// Weekly outpatient support group in Europe/Madrid (Spanish): Thursday evenings, psychoeducation
// every other week, a monthly family session and an elective Saturday walk; records from
// 2026-02-26 to 2026-03-28 and an Easter change announced ahead.
import { addDays, prng, zonedInstant } from '../lib/calendar.mjs';
import { participants, participantTransition } from '../lib/people.mjs';
import { buildRecords } from '../lib/records.mjs';
import { ladder, routine } from '../lib/routines.mjs';

export const window = { from: '2026-02-26', to: '2026-03-28' };
const ZONE = 'Europe/Madrid';
const series = { startDate: '2025-09-04', reviewDate: '2026-07-02' };
const R = (...a) => routine(series, ...a);

const staff = [
  { id: 'st-psi-1', preferredName: 'Lucía', lastName: 'M.', pronouns: 'ella', role: 'psychologist', startDate: '2019-09-02' },
  { id: 'st-te-1', preferredName: 'Javier', lastName: 'R.', pronouns: 'él', role: 'therapist', startDate: '2026-03-05' },
  { id: 'st-par-1', preferredName: 'Carmen', lastName: 'S.', pronouns: 'ella', role: 'peer-support-specialist', startDate: '2022-01-10' },
  { id: 'st-enf-1', preferredName: 'Andrés', lastName: 'V.', pronouns: 'él', role: 'nurse', startDate: '2021-05-03' },
];

const routines = [
  R('bienvenida', 'community-meeting', 'Ronda de bienvenida', '18:00-18:20', 'TH', {
    locationId: 'sala-1', facilitatorIds: ['st-par-1'], description: 'Cómo ha ido la semana, en una frase.',
    exceptions: [{ date: '2026-04-02', type: 'moved', reason: 'Jueves Santo es festivo: la sesión se adelanta al miércoles.', newDate: '2026-04-01', start: '18:00', end: '18:20' }],
  }),
  R('grupo', 'group-therapy', 'Grupo terapéutico semanal', '18:20-19:30', 'TH', {
    locationId: 'sala-1', facilitatorIds: ['st-psi-1'],
    exceptions: [{ date: '2026-04-02', type: 'moved', reason: 'Jueves Santo es festivo: la sesión se adelanta al miércoles.', newDate: '2026-04-01', start: '18:20', end: '19:30' }],
  }),
  R('pausa', 'free-time', 'Pausa y café', '19:30-19:40', 'TH', {
    locationId: 'sala-1', facilitatorIds: ['st-enf-1'],
    exceptions: [{ date: '2026-04-02', type: 'cancelled', reason: 'Jueves Santo: la sesión del miércoles termina a las 19:30.' }],
  }),
  R('psicoeducacion', 'psychoeducation', 'Psicoeducación: prevención de recaídas', '19:40-20:15', 'TH', {
    locationId: 'sala-1', facilitatorIds: ['st-psi-1', 'st-enf-1'], recurrence: { interval: 2 },
    description: 'Temas rotativos: señales de alarma, manejo del deseo, sueño, plan de crisis.',
  }),
  R('familias', 'psychoeducation', 'Sesión de familias', '19:00-20:30', 'TU', {
    locationId: 'sala-2', facilitatorIds: ['st-psi-1'], recurrence: { interval: 4, startDate: '2025-09-09' },
    audience: { type: 'participants', participantIds: ['p-01', 'p-03', 'p-05', 'p-06'] },
  }),
  R('paseo', 'outing', 'Paseo de los sábados por el Retiro', '10:00-12:00', 'SA', {
    facilitatorIds: ['st-par-1'], attendance: 'elective', capacity: { max: 10 }, description: 'Quedamos en la puerta de Alcalá.',
  }),
];

const NAMES = [
  ['Marta', 'L.', 'ella'], ['Diego', 'F.', 'él'], ['Rocío', 'B.', 'ella'], ['Pablo', 'G.'], ['Nerea', 'C.', 'ella'],
  ['Sergio', 'T.', 'él'], ['Elena', 'P.'], ['Iker', 'A.', 'él'], ['Alba', 'R.', 'ella'],
];

export function build() {
  const rand = prng(34);
  const asOf = window.to;
  const admissions = ['2026-01-08', '2026-01-08', '2026-01-15', '2026-01-22', '2026-01-29', '2026-02-05', '2026-02-12', '2026-02-26', '2026-03-12'];
  const stays = admissions.map((admission, i) => (i === 1 ? { admission, length: 77 } : { admission, length: 180 }));
  const people = participants(rand, NAMES, stays, asOf, 'es', (i) => ({
    levelOfCare: 'ambulatorio',
    groupIds: [],
    electiveRoutineIds: i % 3 === 2 ? [] : ['paseo'],
    primaryTherapistId: 'st-psi-1',
  }));
  const doc = {
    $schema: '../packages/core/schema.json',
    milieuVersion: 1,
    program: {
      id: 'grupo-jueves-retiro',
      name: 'Grupo de apoyo de los jueves — Centro de Salud Mental Retiro',
      setting: 'outpatient',
      timeZone: ZONE,
      locale: 'es-ES',
      stay: { model: 'long-term', boundDays: 365 },
      locations: [
        { id: 'sala-1', name: 'Sala de grupos 1', capacity: 14 },
        { id: 'sala-2', name: 'Sala de grupos 2', capacity: 20 },
      ],
      groups: [],
      policy: { peerAnonymityMinRaters: 3 },
    },
    people: { participants: people, staff },
    routines,
    expectations: {
      agreedAt: { date: '2025-09-04', routineId: 'bienvenida' },
      lastReviewed: '2026-03-05',
      items: expectations(),
    },
    records: undefined,
    transitions: [],
  };
  doc.transitions = people.map((p, i) =>
    participantTransition(rand, ZONE, p, asOf, {
      aftercareNotes: ['Cita de seguimiento con su psicóloga del centro de salud mental', 'Revisión con su médica de familia'],
      followUpNote: 'Llamada de seguimiento en las 72 horas siguientes al alta.',
      copingPlanNote: 'Plan de prevención de recaídas revisado con la persona.',
      farewell: i === 1,
      farewellNote: 'Despedida en la ronda de bienvenida.',
      peer: i === 1 ? 'p-04' : undefined,
      peerNote: 'Ambas personas aceptan seguir en contacto; consentimiento por escrito.',
      basis: 'other',
    }),
  );
  doc.transitions.push(
    {
      id: 'tr-staff-javier', type: 'staff-arrival', staffId: 'st-te-1', effectiveDate: '2026-03-05', announcedDate: '2026-02-19', createdOn: '2026-02-19',
      plan: [{ id: 'presentacion', kind: 'introduction', status: 'done', dueDate: '2026-03-05', at: zonedInstant(ZONE, '2026-03-05', '18:00'), note: 'Presentado en la ronda de bienvenida de su primer día.' }],
    },
    {
      id: 'tr-semana-santa', type: 'schedule-change', effectiveDate: '2026-04-01', announcedDate: '2026-03-12', createdOn: '2026-03-12',
      plan: [{ id: 'aviso', kind: 'other', status: 'done', dueDate: '2026-03-12', note: 'Avisado en el grupo tres semanas antes y por mensaje el 2026-03-26.' }],
    },
  );
  doc.records = buildRecords(doc, {
    rand,
    from: window.from,
    asOf,
    lang: 'es',
    staffAuthors: ['st-par-1', 'st-enf-1'],
    reviewers: ['st-psi-1'],
    observationRate: 0.2,
  });
  return doc;
}

function expectations() {
  const base = { agreedAt: '2025-09-04', lastReviewed: '2026-03-05' };
  const steps = (what) => ladder([
    `Un recordatorio amable de quien facilita sobre ${what}.`,
    'Una conversación breve a solas para entender qué pasó y acordar un plan.',
    'Una acción reparadora acordada con las personas afectadas.',
    'El equipo revisa el plan con la persona en su próxima cita.',
  ]);
  return [
    { id: 'confidencialidad', statement: 'Lo que se comparte en el grupo se queda en el grupo.', rationale: 'Solo hablamos de lo difícil cuando confiamos en que se queda en la sala.', category: 'privacy', mutual: true, ...base, ladder: steps('la confidencialidad'), earnBack: 'Una conversación reparadora cierra el paso.' },
    { id: 'respeto', statement: 'Escuchamos por turnos y hablamos desde la propia experiencia.', rationale: 'Así todas las personas tienen espacio y nadie se siente juzgado.', category: 'respect', mutual: true, ...base, ladder: steps('escuchar y hablar por turnos'), earnBack: 'Los pasos caducan a su fecha.' },
    { id: 'puntualidad', statement: 'Llegamos a la hora y avisamos con tiempo si faltamos.', rationale: 'El grupo empieza con todas las personas y nos preocupamos cuando alguien falta.', category: 'participation', mutual: true, ...base, ladder: steps('avisar de las ausencias'), earnBack: 'Dos sesiones seguidas cierran el paso.' },
    { id: 'sobriedad', statement: 'Venimos al grupo sobrios y hablamos con el equipo si una semana cuesta más.', rationale: 'El grupo funciona cuando todas las personas pueden participar con claridad; pedir ayuda es parte del tratamiento.', category: 'safety', mutual: true, ...base, ladder: steps('pedir ayuda a tiempo'), earnBack: 'Pedir ayuda a tiempo cuenta como avance.' },
  ];
}
