import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import {
  setCustomElementsManifest,
  type Decorator,
  type Preview,
} from '@storybook/web-components-vite';
import manifest from '@milieu/elements/custom-elements.json';
import { THEMES, type ThemeName } from '@milieu/elements';
import './preview.css';

setCustomElementsManifest(manifest);

/**
 * Applies the toolbar globals to a wrapper around the story: theme tokens (set through the
 * CSSOM, as a strict-CSP host would), text size, `dir` and `lang`. Components without a
 * `locale` attribute follow the nearest `lang`.
 */
const withMilieuGlobals: Decorator = (story, context) => {
  const theme = (context.globals.theme ?? 'default') as ThemeName;
  const apply = (el?: Element): void => {
    if (!(el instanceof HTMLElement)) return;
    for (const [name, value] of Object.entries(THEMES[theme] ?? THEMES.default)) {
      el.style.setProperty(`--milieu-${name}`, value);
    }
    el.style.setProperty('font-size', context.globals.textSize ?? '100%');
  };
  return html`<div
    class="milieu-story"
    data-theme=${theme}
    lang=${context.globals.locale ?? 'en'}
    dir=${context.globals.dir ?? 'ltr'}
    ${ref(apply)}
  >
    ${story()}
  </div>`;
};

const preview: Preview = {
  decorators: [withMilieuGlobals],
  globalTypes: {
    locale: {
      description: 'Language of the widgets',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'es', title: 'Español' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Design-token theme',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: Object.keys(THEMES).map((value) => ({ value, title: value })),
        dynamicTitle: true,
      },
    },
    textSize: {
      description: 'Text size (browser zoom of text only)',
      toolbar: {
        title: 'Text size',
        icon: 'zoom',
        items: ['100%', '125%', '150%', '200%'].map((value) => ({ value, title: value })),
        dynamicTitle: true,
      },
    },
    dir: {
      description: 'Writing direction',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en', theme: 'default', textSize: '100%', dir: 'ltr' },
  parameters: {
    controls: { expanded: true },
    a11y: {
      // Any axe violation fails the story's test run.
      test: 'error',
      options: {
        runOnly: {
          type: 'tag',
          values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'],
        },
      },
    },
  },
  tags: ['autodocs'],
};
export default preview;
