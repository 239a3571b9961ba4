import type { SupportedLanguage } from '../../internal/locale.js';

/** Messages of `<milieu-expectation-card>`, one catalog per shipped language. */
export const messages = {
  en: {
    label: 'Community expectation',
    why: 'Why?',
    hide: 'Hide the reason',
    mutual: 'Staff agree to this too',
    noRationale: 'No reason has been written down yet. Ask about it at the next community meeting.',
  },
  es: {
    label: 'Acuerdo de la comunidad',
    why: '¿Por qué?',
    hide: 'Ocultar el motivo',
    mutual: 'El personal también se compromete',
    noRationale:
      'Todavía no se ha escrito el motivo. Pregunta por él en la próxima reunión comunitaria.',
  },
} satisfies Record<SupportedLanguage, Record<string, string>>;
