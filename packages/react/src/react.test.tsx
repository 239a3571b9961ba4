(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createRoot, type Root } from 'react-dom/client';
import { act } from 'react';
import { ExpectationCard } from './index.js';
import type { MilieuExpectationCard, RationaleToggleDetail } from '@milieu/elements';

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  document.body.replaceChildren();
});

function mount(node: React.ReactNode): HTMLElement {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(node));
  return host;
}

describe('@milieu/react', () => {
  it('passes rich props as properties and calls typed event callbacks', async () => {
    const seen: RationaleToggleDetail[] = [];
    const host = mount(
      <ExpectationCard
        expectation={{ id: 'exp-1', statement: 'Knock first.', rationale: 'Rooms are private.' }}
        locale="es"
        onRationaleToggle={(e) => seen.push(e.detail)}
      />,
    );
    const el = host.querySelector('milieu-expectation-card') as MilieuExpectationCard;
    await el.updateComplete;
    expect(el.expectation?.statement).toBe('Knock first.');
    expect(el.shadowRoot!.querySelector('button')!.textContent!.trim()).toBe('¿Por qué?');
    await userEvent.click(el.shadowRoot!.querySelector('button')!);
    expect(seen).toEqual([{ expectationId: 'exp-1', open: true }]);
  });
});
