/**
 * Built-in feedback templates, one per mode, in English and Spanish. Each names a strength first
 * and asks for specific suggestions. Hosts may pass their own template instead.
 *
 * @module
 */
import type { FeedbackTemplate, LocalizedText } from './template.js';
import type { FeedbackMode } from './template-utils.js';

const strengthsHelp: LocalizedText = {
  en: 'Name something specific, for example what they did and when.',
  es: 'Nombra algo concreto, por ejemplo qué hizo y cuándo.',
};
const specificHelp: LocalizedText = {
  en: 'Say what to try, and when or how. For example: "Use the breathing skill before group."',
  es: 'Di qué intentar, y cuándo o cómo. Por ejemplo: «Usar la respiración antes del grupo».',
};

/** `staff`: a therapist or other staff member about a participant. */
export const STAFF_TEMPLATE: FeedbackTemplate = {
  id: 'milieu.staff.v1',
  mode: 'staff',
  title: { en: 'Staff feedback', es: 'Comentarios del personal' },
  visibility: 'subject',
  review: 'approved',
  anonymity: 'never',
  sections: [
    {
      id: 'strengths',
      title: { en: 'Strengths', es: 'Fortalezas' },
      items: [
        {
          type: 'text',
          id: 'strengths',
          role: 'strengths',
          required: true,
          minLength: 10,
          label: { en: 'What strength did you notice?', es: '¿Qué fortaleza notaste?' },
          help: strengthsHelp,
        },
        {
          type: 'goal-link',
          id: 'goal',
          about: true,
          label: { en: 'Which goal does it relate to?', es: '¿Con qué meta se relaciona?' },
        },
      ],
    },
    {
      id: 'next',
      title: { en: 'Next steps', es: 'Próximos pasos' },
      items: [
        {
          type: 'scale',
          id: 'progress',
          // Optional: the goal above may be "None" (or the subject may have no goals yet).
          label: { en: 'Progress toward the goal', es: 'Avance hacia la meta' },
          labels: [
            { en: 'Not yet', es: 'Todavía no' },
            { en: 'Starting', es: 'Empezando' },
            { en: 'Some progress', es: 'Algo de avance' },
            { en: 'Good progress', es: 'Buen avance' },
            { en: 'Strong progress', es: 'Gran avance' },
          ],
        },
        {
          type: 'text',
          id: 'suggestions',
          role: 'suggestions',
          specific: true,
          label: { en: 'One specific next step', es: 'Un próximo paso concreto' },
          help: specificHelp,
        },
      ],
    },
  ],
};

/** `peer`: one participant about another, with an anonymity choice; staff read it first. */
export const PEER_TEMPLATE: FeedbackTemplate = {
  id: 'milieu.peer.v1',
  mode: 'peer',
  title: { en: 'Feedback for a peer', es: 'Comentarios para un compañero o compañera' },
  visibility: 'subject',
  review: 'pending',
  anonymity: 'choice',
  sections: [
    {
      id: 'feedback',
      title: { en: 'Your feedback', es: 'Tus comentarios' },
      items: [
        {
          type: 'text',
          id: 'strengths',
          role: 'strengths',
          required: true,
          minLength: 10,
          label: { en: 'What is something they do well?', es: '¿Qué hace bien esta persona?' },
          help: {
            en: 'For example, how they helped you or the group.',
            es: 'Por ejemplo, cómo te ayudó a ti o al grupo.',
          },
        },
        {
          type: 'expectation-link',
          id: 'expectation',
          about: true,
          label: {
            en: 'Does it relate to a community expectation?',
            es: '¿Se relaciona con algún acuerdo de la comunidad?',
          },
        },
        {
          type: 'text',
          id: 'suggestions',
          role: 'suggestions',
          specific: true,
          label: {
            en: 'One specific, kind suggestion (optional)',
            es: 'Una sugerencia concreta y amable (opcional)',
          },
          help: {
            en: 'Say what you would like them to try, not what is wrong with them.',
            es: 'Di qué te gustaría que intentara, no qué tiene de malo.',
          },
        },
      ],
    },
  ],
};

const skill = (value: string, en: string, es: string): { value: string; label: LocalizedText } => ({
  value,
  label: { en, es },
});

/** `self`: a daily reflection — what went well, goals worked on, coping skills, a mood check-in. */
export const SELF_TEMPLATE: FeedbackTemplate = {
  id: 'milieu.self.v1',
  mode: 'self',
  title: { en: 'Daily reflection', es: 'Reflexión del día' },
  visibility: 'subject',
  review: 'approved',
  anonymity: 'never',
  sections: [
    {
      id: 'today',
      title: { en: 'Today', es: 'Hoy' },
      items: [
        {
          type: 'text',
          id: 'strengths',
          role: 'strengths',
          required: true,
          minLength: 3,
          label: { en: 'What went well today?', es: '¿Qué salió bien hoy?' },
          help: {
            en: 'Something you did, however small.',
            es: 'Algo que hiciste, aunque sea pequeño.',
          },
        },
        {
          type: 'goal-link',
          id: 'goals',
          multiple: true,
          label: { en: 'Which goals did you work on?', es: '¿En qué metas trabajaste?' },
        },
        {
          type: 'choice',
          id: 'copingSkills',
          multiple: true,
          label: {
            en: 'Which coping skills did you practise?',
            es: '¿Qué estrategias de afrontamiento practicaste?',
          },
          options: [
            skill('breathing', 'Breathing exercise', 'Ejercicio de respiración'),
            skill('grounding', 'Grounding (5-4-3-2-1)', 'Anclaje (5-4-3-2-1)'),
            skill('movement', 'A walk or movement', 'Caminar o moverme'),
            skill('talking', 'Talking to someone', 'Hablar con alguien'),
            skill('journaling', 'Journaling', 'Escribir un diario'),
            skill('music', 'Music', 'Música'),
            skill('other', 'Something else', 'Otra cosa'),
          ],
        },
      ],
    },
    {
      id: 'checkin',
      title: { en: 'Check-in', es: 'Cómo estoy' },
      items: [
        {
          type: 'scale',
          id: 'mood',
          required: true,
          label: { en: 'How is your mood right now?', es: '¿Cómo está tu ánimo ahora?' },
          labels: [
            { en: 'Very low', es: 'Muy bajo' },
            { en: 'Low', es: 'Bajo' },
            { en: 'Okay', es: 'Regular' },
            { en: 'Good', es: 'Bueno' },
            { en: 'Very good', es: 'Muy bueno' },
          ],
        },
        {
          type: 'text',
          id: 'suggestions',
          role: 'suggestions',
          specific: true,
          label: {
            en: 'What would you like to try tomorrow? (optional)',
            es: '¿Qué te gustaría intentar mañana? (opcional)',
          },
          help: specificHelp,
        },
      ],
    },
  ],
};

const agreement: LocalizedText[] = [
  { en: 'Not at all', es: 'Nada' },
  { en: 'A little', es: 'Un poco' },
  { en: 'Somewhat', es: 'Algo' },
  { en: 'Mostly', es: 'Casi siempre' },
  { en: 'Completely', es: 'Totalmente' },
];

/** `program`: a participant's feedback about the milieu — feels safe, feels heard, suggestions. */
export const PROGRAM_TEMPLATE: FeedbackTemplate = {
  id: 'milieu.program.v1',
  mode: 'program',
  title: { en: 'Feedback about the program', es: 'Comentarios sobre el programa' },
  visibility: 'staff',
  review: 'approved',
  anonymity: 'choice',
  sections: [
    {
      id: 'program',
      title: { en: 'How it is going here', es: 'Cómo va todo aquí' },
      items: [
        {
          type: 'text',
          id: 'strengths',
          role: 'strengths',
          required: true,
          minLength: 3,
          label: { en: 'What is working well here?', es: '¿Qué está funcionando bien aquí?' },
        },
        {
          type: 'scale',
          id: 'feelsSafe',
          required: true,
          label: { en: 'I feel safe here.', es: 'Aquí me siento a salvo.' },
          labels: agreement,
        },
        {
          type: 'scale',
          id: 'feelsHeard',
          required: true,
          label: {
            en: 'Staff and peers listen to me.',
            es: 'El personal y los compañeros me escuchan.',
          },
          labels: agreement,
        },
        {
          type: 'expectation-link',
          id: 'expectation',
          about: true,
          label: {
            en: 'Is it about a community expectation? (optional)',
            es: '¿Es sobre algún acuerdo de la comunidad? (opcional)',
          },
        },
        {
          type: 'text',
          id: 'suggestions',
          role: 'suggestions',
          specific: true,
          label: {
            en: 'One specific change that would help (optional)',
            es: 'Un cambio concreto que ayudaría (opcional)',
          },
          help: specificHelp,
        },
      ],
    },
  ],
};

/** The built-in template of each mode. */
export const BUILT_IN_TEMPLATES: Readonly<Record<FeedbackMode, FeedbackTemplate>> = {
  staff: STAFF_TEMPLATE,
  peer: PEER_TEMPLATE,
  self: SELF_TEMPLATE,
  program: PROGRAM_TEMPLATE,
};
