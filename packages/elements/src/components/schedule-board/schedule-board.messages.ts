import type { ActivityKind } from '@milieu/core';
import type { SupportedLanguage } from '../../internal/locale.js';
import type { ScheduleView } from './schedule-board.types.js';

/** The messages of `<milieu-schedule-board>` in one language. */
export interface BoardMessages {
  kinds: Record<ActivityKind, string>;
  views: Record<ScheduleView, string>;
  board: string;
  viewGroup: string;
  navGroup: string;
  previous: { day: string; week: string };
  next: { day: string; week: string };
  today: string;
  scheduleFor: (name: string) => string;
  /** Badge of an occurrence that ended without complete attendance (staff boards). */
  overdue: string;
  /** Header count of overdue occurrences. */
  overdueCount: (n: number) => string;
  unknownParticipant: string;
  loading: string;
  empty: string;
  nothing: string;
  nothingDay: string;
  error: string;
  errorStatus: (status: number) => string;
  retry: string;
  stale: string;
  invalid: string;
  moreIssues: (n: number) => string;
  zoneNote: (zone: string, device: string) => string;
  now: string;
  next2: string;
  later: string;
  changes: string;
  nothingNow: string;
  nothingNext: string;
  left: (duration: string) => string;
  progress: (title: string) => string;
  elective: string;
  cancelled: string;
  moved: string;
  changed: string;
  movedFrom: (when: string) => string;
  shifted: string;
  clockChange: string;
  with: (names: string) => string;
  to: string;
  continued: string;
  earlier: (n: number) => string;
  later2: (n: number) => string;
  free: string;
  inProgress: string;
}

/** Messages of `<milieu-schedule-board>`, one catalog per shipped language. */
export const messages: Record<SupportedLanguage, BoardMessages> = {
  en: {
    kinds: {
      'wake-up': 'Wake-up',
      medication: 'Medication',
      breakfast: 'Breakfast',
      lunch: 'Lunch',
      dinner: 'Dinner',
      snack: 'Snack',
      'community-meeting': 'Community meeting',
      'group-therapy': 'Group therapy',
      'individual-therapy': 'Individual therapy',
      'social-skills': 'Social skills',
      psychoeducation: 'Psychoeducation',
      'occupational-therapy': 'Occupational therapy',
      'recreation-therapy': 'Recreation therapy',
      'supervised-recreation': 'Recreation',
      'art-therapy': 'Art therapy',
      exercise: 'Exercise',
      education: 'School',
      'free-time': 'Free time',
      'visiting-hours': 'Visiting hours',
      outing: 'Outing',
      'quiet-time': 'Quiet time',
      'lights-out': 'Lights out',
      other: 'Activity',
    },
    views: { day: 'Day', week: 'Week', agenda: 'Agenda', now: 'Now', print: 'Print' },
    board: 'Schedule',
    viewGroup: 'View',
    navGroup: 'Dates',
    previous: { day: 'Previous day', week: 'Previous week' },
    next: { day: 'Next day', week: 'Next week' },
    today: 'Today',
    scheduleFor: (name) => `Schedule for ${name}`,
    overdue: 'Attendance overdue',
    overdueCount: (n) =>
      n === 1 ? '1 session overdue for attendance' : `${n} sessions overdue for attendance`,
    unknownParticipant: 'This person is not on the schedule.',
    loading: 'Loading the schedule…',
    empty: 'There is no schedule to show yet.',
    nothing: 'Nothing is scheduled for these days.',
    nothingDay: 'Nothing scheduled',
    error: 'The schedule could not be loaded.',
    errorStatus: (status) => `The server answered with error ${status}.`,
    retry: 'Try again',
    stale: 'Could not refresh. Showing the schedule loaded earlier.',
    invalid: 'This schedule has problems and cannot be shown:',
    moreIssues: (n) => `…and ${n} more.`,
    zoneNote: (zone, device) => `Times are in ${zone}. Your device uses ${device}.`,
    now: 'Now',
    next2: 'Next',
    later: 'Later today',
    changes: 'Changes today',
    nothingNow: 'Nothing is scheduled right now.',
    nothingNext: 'Nothing more today.',
    left: (duration) => `${duration} left`,
    progress: (title) => `Time passed in ${title}`,
    elective: 'Elective',
    cancelled: 'Cancelled',
    moved: 'Moved',
    changed: 'Changed',
    movedFrom: (when) => `Moved from ${when}`,
    shifted: 'Shifted by the clock change',
    clockChange: 'Clocks change',
    with: (names) => `with ${names}`,
    to: 'to',
    continued: 'continued',
    earlier: (n) => `${n} earlier`,
    later2: (n) => `${n} later`,
    free: 'Unscheduled',
    inProgress: 'Now',
  },
  es: {
    kinds: {
      'wake-up': 'Despertar',
      medication: 'Medicación',
      breakfast: 'Desayuno',
      lunch: 'Almuerzo',
      dinner: 'Cena',
      snack: 'Merienda',
      'community-meeting': 'Reunión comunitaria',
      'group-therapy': 'Terapia de grupo',
      'individual-therapy': 'Terapia individual',
      'social-skills': 'Habilidades sociales',
      psychoeducation: 'Psicoeducación',
      'occupational-therapy': 'Terapia ocupacional',
      'recreation-therapy': 'Terapia recreativa',
      'supervised-recreation': 'Recreación',
      'art-therapy': 'Arteterapia',
      exercise: 'Ejercicio',
      education: 'Escuela',
      'free-time': 'Tiempo libre',
      'visiting-hours': 'Horario de visitas',
      outing: 'Salida',
      'quiet-time': 'Tiempo de calma',
      'lights-out': 'Apagar las luces',
      other: 'Actividad',
    },
    views: { day: 'Día', week: 'Semana', agenda: 'Agenda', now: 'Ahora', print: 'Imprimir' },
    board: 'Horario',
    viewGroup: 'Vista',
    navGroup: 'Fechas',
    previous: { day: 'Día anterior', week: 'Semana anterior' },
    next: { day: 'Día siguiente', week: 'Semana siguiente' },
    today: 'Hoy',
    scheduleFor: (name) => `Horario de ${name}`,
    overdue: 'Asistencia atrasada',
    overdueCount: (n) =>
      n === 1 ? '1 sesión con asistencia atrasada' : `${n} sesiones con asistencia atrasada`,
    unknownParticipant: 'Esta persona no está en el horario.',
    loading: 'Cargando el horario…',
    empty: 'Todavía no hay un horario que mostrar.',
    nothing: 'No hay nada programado para estos días.',
    nothingDay: 'Nada programado',
    error: 'No se pudo cargar el horario.',
    errorStatus: (status) => `El servidor respondió con el error ${status}.`,
    retry: 'Reintentar',
    stale: 'No se pudo actualizar. Se muestra el horario cargado antes.',
    invalid: 'Este horario tiene problemas y no se puede mostrar:',
    moreIssues: (n) => `…y ${n} más.`,
    zoneNote: (zone, device) => `Las horas están en ${zone}. Tu dispositivo usa ${device}.`,
    now: 'Ahora',
    next2: 'Después',
    later: 'Más tarde hoy',
    changes: 'Cambios de hoy',
    nothingNow: 'No hay nada programado ahora mismo.',
    nothingNext: 'No hay nada más hoy.',
    left: (duration) => `quedan ${duration}`,
    progress: (title) => `Tiempo transcurrido de ${title}`,
    elective: 'Optativa',
    cancelled: 'Cancelada',
    moved: 'Trasladada',
    changed: 'Modificada',
    movedFrom: (when) => `Trasladada desde ${when}`,
    shifted: 'Hora movida por el cambio de horario',
    clockChange: 'Cambio de hora',
    with: (names) => `con ${names}`,
    to: 'a',
    continued: 'continúa',
    earlier: (n) => `${n} antes`,
    later2: (n) => `${n} después`,
    free: 'Sin actividades',
    inProgress: 'Ahora',
  },
};
