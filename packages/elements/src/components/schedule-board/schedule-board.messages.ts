import type { ActivityKind } from '@milieu/core';
import type { SupportedLanguage } from '../../internal/locale.js';
import type { ScheduleView } from './schedule-board.types.js';

/** Kinds of load failure, each with its own words and whether Retry can help. */
export type ErrorKind = 'not-found' | 'forbidden' | 'server' | 'offline' | 'other';

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
  /** What happened and what to do, per kind of failure (see `errorKind`). */
  errors: Record<ErrorKind, { title: string; action: string }>;
  retry: string;
  stale: string;
  /** The invalid-response panel: plain words (the JSON pointers go to the console). */
  invalid: { title: string; action: string };
  /** `+3` on a dense cluster's fold. */
  more: (n: number) => string;
  /** The fold's accessible name. */
  moreLabel: (n: number) => string;
  /** The kiosk's line under a list it shortened. */
  andMore: (n: number) => string;
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
    errors: {
      'not-found': {
        title: 'This schedule was not found.',
        action: 'Check the link, or ask the unit’s staff whether the schedule has been published.',
      },
      forbidden: {
        title: 'You do not have permission to see this schedule.',
        action: 'Sign in again, or ask the unit’s staff for access.',
      },
      server: {
        title: 'The schedule server had a problem.',
        action: 'Try again in a minute. If it keeps happening, tell the unit’s staff.',
      },
      offline: {
        title: 'You are offline.',
        action: 'Check your connection, then try again.',
      },
      other: {
        title: 'The schedule could not be loaded.',
        action: 'Try again. If it keeps happening, tell the unit’s staff.',
      },
    },
    retry: 'Try again',
    stale: 'Could not refresh. Showing the schedule loaded earlier.',
    invalid: {
      title: 'This schedule cannot be shown because some of its data is damaged.',
      action:
        'Tell the unit’s staff or the portal’s support; the details are in the browser console.',
    },
    more: (n) => `+${n}`,
    moreLabel: (n) => `${n} more at this time: show them in the agenda`,
    andMore: (n) => `and ${n} more`,
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
      'lights-out': 'Luces apagadas',
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
    errors: {
      'not-found': {
        title: 'No se encontró este horario.',
        action:
          'Revisa el enlace o pregunta al personal de la unidad si el horario está publicado.',
      },
      forbidden: {
        title: 'No tienes permiso para ver este horario.',
        action: 'Vuelve a iniciar sesión o pide acceso al personal de la unidad.',
      },
      server: {
        title: 'El servidor del horario tuvo un problema.',
        action:
          'Vuelve a intentarlo en un minuto. Si sigue pasando, avisa al personal de la unidad.',
      },
      offline: {
        title: 'No hay conexión.',
        action: 'Revisa tu conexión y vuelve a intentarlo.',
      },
      other: {
        title: 'No se pudo cargar el horario.',
        action: 'Vuelve a intentarlo. Si sigue pasando, avisa al personal de la unidad.',
      },
    },
    retry: 'Reintentar',
    stale: 'No se pudo actualizar. Se muestra el horario cargado antes.',
    invalid: {
      title: 'Este horario no se puede mostrar porque algunos de sus datos están dañados.',
      action:
        'Avisa al personal de la unidad o al soporte del portal; los detalles están en la consola del navegador.',
    },
    more: (n) => `+${n}`,
    moreLabel: (n) => `${n} más a esta hora: verlas en la agenda`,
    andMore: (n) => `y ${n} más`,
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
    moved: 'Movida',
    changed: 'Modificada',
    movedFrom: (when) => `Movida desde ${when}`,
    shifted: 'Movida por el cambio de hora',
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
