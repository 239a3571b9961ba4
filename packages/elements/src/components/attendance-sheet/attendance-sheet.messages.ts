import type { AttendanceStatus } from '@milieu/core';
import type { SupportedLanguage } from '../../internal/locale.js';

type Catalog = Record<string, string> & Record<`status_${AttendanceStatus}`, string>;

/**
 * Messages of `<milieu-attendance-sheet>`, one catalog per shipped language. `{n}`, `{total}`,
 * `{name}`, `{title}`, `{key}` and `{message}` are filled in.
 */
export const messages: Record<SupportedLanguage, Catalog> = {
  en: {
    title: 'Attendance',
    choose: 'Choose a session to take attendance',
    noSessions: 'No sessions take attendance today.',
    empty: 'No one is expected at this session.',
    loading: 'Loading the session…',
    loadError: 'The session could not be loaded.',
    notFound: 'This session is not in the schedule.',
    cancelled: 'This session is cancelled: there is no attendance to take.',
    notTaken: 'Attendance is not taken for this kind of activity.',
    retry: 'Try again',
    back: 'All sessions',
    markAll: 'Mark all present',
    progress: '{n} of {total} recorded',
    missing: 'Missing: {names}',
    complete: 'Attendance is complete.',
    overdue: 'Overdue: the session has ended without complete attendance.',
    overdueShort: 'Overdue',
    offline: 'You are offline. Changes are kept here and sent when you are back online.',
    note: 'Note for {name}',
    statusOf: 'Status of {name}',
    keys: 'Arrow keys move between people; number keys 1–6 set a status.',
    state_queued: 'Waiting to save',
    state_saving: 'Saving…',
    state_retrying: 'Retrying…',
    state_offline: 'Offline: will save later',
    state_saved: 'Saved',
    state_failed: 'Not saved: {message}',
    notRecorded: 'Not recorded',
    status_present: 'Present',
    status_late: 'Late',
    'status_left-early': 'Left early',
    status_excused: 'Excused',
    status_absent: 'Absent',
    status_refused: 'Refused',
  },
  es: {
    title: 'Asistencia',
    choose: 'Elige una sesión para pasar lista',
    noSessions: 'Hoy no hay sesiones en las que se pase lista.',
    empty: 'No se espera a nadie en esta sesión.',
    loading: 'Cargando la sesión…',
    loadError: 'No se pudo cargar la sesión.',
    notFound: 'Esta sesión no está en el horario.',
    cancelled: 'Esta sesión está cancelada: no hay asistencia que registrar.',
    notTaken: 'En este tipo de actividad no se pasa lista.',
    retry: 'Reintentar',
    back: 'Todas las sesiones',
    markAll: 'Marcar a todos presentes',
    progress: '{n} de {total} registrados',
    missing: 'Faltan: {names}',
    complete: 'La asistencia está completa.',
    overdue: 'Atrasada: la sesión terminó sin la asistencia completa.',
    overdueShort: 'Atrasada',
    offline: 'Estás sin conexión. Los cambios se guardan aquí y se envían al volver la conexión.',
    note: 'Nota sobre {name}',
    statusOf: 'Asistencia de {name}',
    keys: 'Las flechas pasan de una persona a otra; las teclas 1–6 fijan la asistencia.',
    state_queued: 'Pendiente de guardar',
    state_saving: 'Guardando…',
    state_retrying: 'Reintentando…',
    state_offline: 'Sin conexión: se guardará luego',
    state_saved: 'Guardado',
    state_failed: 'No guardado: {message}',
    notRecorded: 'Sin registrar',
    status_present: 'Presente',
    status_late: 'Tarde',
    'status_left-early': 'Salió antes',
    status_excused: 'Justificada',
    status_absent: 'Ausente',
    status_refused: 'Rechazó',
  },
};

/** Fills `{placeholders}` of a message. */
export function fill(text: string, values: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}
