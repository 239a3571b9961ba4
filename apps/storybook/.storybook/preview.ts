import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { action } from 'storybook/actions';
import {
  setCustomElementsManifest,
  type Decorator,
  type Preview,
} from '@storybook/web-components-vite';
import manifest from '@milieu/elements/custom-elements.json';
import { THEMES, type ThemeName } from '@milieu/elements';
import { argTypesFromManifest, eventNames, type CemManifest } from './manifest.js';
import {
  emulateMedia,
  forcedColorTokens,
  MEDIA_PREVIEWS,
  simulateMedia,
  type MediaPreview,
} from './media.js';
import { mswLoader } from 'msw-storybook-addon/csf3';
import './preview.css';

const cem = manifest as unknown as CemManifest;
setCustomElementsManifest(manifest);

/** Set by `beforeEach`: the test runner emulates the media feature for real (see media.ts). */
let mediaEmulated = false;
const logged = new WeakSet<Element>();

/**
 * Applies the toolbar globals to a wrapper around the story: theme tokens (set through the
 * CSSOM, as a strict-CSP host would), text size, `dir`, `lang` and the media preview. Components
 * without a `locale` attribute follow the nearest `lang`. Logs the component's events (from the
 * manifest) in the Actions panel.
 */
const withMilieuGlobals: Decorator = (story, context) => {
  const theme = (context.globals['theme'] ?? 'default') as ThemeName;
  const media = (context.globals['media'] ?? 'none') as MediaPreview;
  const tokens: Record<string, string> = { ...(THEMES[theme] ?? THEMES.default) };
  if (media === 'forced-colors' && !mediaEmulated) {
    Object.assign(tokens, forcedColorTokens(Object.keys(tokens)));
  }
  const events = eventNames(cem, context.component);
  const apply = (el?: Element): void => {
    if (!(el instanceof HTMLElement)) return;
    for (const [name, value] of Object.entries(tokens)) {
      el.style.setProperty(`--milieu-${name}`, value);
    }
    el.style.setProperty('font-size', String(context.globals['textSize'] ?? '100%'));
    if (!logged.has(el)) {
      logged.add(el);
      for (const name of events) el.addEventListener(name, (e) => action(name)(detailOf(e)));
    }
    if (!mediaEmulated) requestAnimationFrame(() => void simulateMedia(el, media));
  };
  return html`<div
    class="milieu-story"
    data-theme=${theme}
    data-media=${media}
    data-media-emulated=${mediaEmulated ? 'true' : 'false'}
    lang=${String(context.globals['locale'] ?? 'en')}
    dir=${context.globals['dir'] === 'rtl' ? 'rtl' : 'ltr'}
    ${ref(apply)}
  >
    ${story()}
  </div>`;
};

const detailOf = (e: Event): unknown => (e instanceof CustomEvent ? e.detail : e.type);

const toolbar = <Icon extends string>(
  title: string,
  icon: Icon,
  items: { value: string; title: string }[],
) => ({
  toolbar: { title, icon, items, dynamicTitle: true },
});

const preview: Preview = {
  decorators: [withMilieuGlobals],
  // Network through the shared @milieu/msw handlers each story lists in `parameters.msw`.
  loaders: [mswLoader()],
  async beforeEach({ globals }) {
    // Every story sets the page's emulated media (also back to none), so none leaks onwards.
    mediaEmulated = await emulateMedia((globals['media'] ?? 'none') as MediaPreview);
  },
  globalTypes: {
    locale: {
      description: 'Language of the widgets (the wrapper’s lang)',
      ...toolbar('Locale', 'globe', [
        { value: 'en', title: 'English' },
        { value: 'es', title: 'Español' },
      ]),
    },
    theme: {
      description: 'Design-token theme',
      ...toolbar(
        'Theme',
        'paintbrush',
        Object.keys(THEMES).map((value) => ({ value, title: value })),
      ),
    },
    textSize: {
      description: 'Text size (browser zoom of text only)',
      ...toolbar(
        'Text size',
        'zoom',
        ['100%', '125%', '150%', '200%'].map((value) => ({ value, title: value })),
      ),
    },
    dir: {
      description: 'Writing direction',
      ...toolbar('Direction', 'transfer', [
        { value: 'ltr', title: 'Left to right' },
        { value: 'rtl', title: 'Right to left' },
      ]),
    },
    clock: {
      description: 'Frozen clock (each story’s `now`) or the real time',
      ...toolbar('Clock', 'time', [
        { value: 'frozen', title: 'Frozen clock' },
        { value: 'live', title: 'Live clock' },
      ]),
    },
    media: {
      description: 'Media-feature preview (see Accessibility › Media previews)',
      ...toolbar(
        'Media',
        'contrast',
        MEDIA_PREVIEWS.map((value) => ({ value, title: value === 'none' ? 'screen' : value })),
      ),
    },
  },
  initialGlobals: {
    locale: 'en',
    theme: 'default',
    textSize: '100%',
    dir: 'ltr',
    clock: 'frozen',
    media: 'none',
  },
  parameters: {
    controls: { expanded: true },
    docs: {
      extractArgTypes: (tagName: unknown) => argTypesFromManifest(cem, tagName),
    },
    options: {
      storySort: {
        order: ['Introduction', 'Accessibility', 'Design system', 'Components'],
      },
    },
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
