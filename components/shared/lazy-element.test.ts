import { LitElement, html } from 'lit';
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { LazyElement } from './lazy-element';

let defined = 0;

/** A page showing one element whose module arrives when `load` settles, as a bundler's chunk would. */
const pageWithLazyElement = (load: (tag: string) => Promise<unknown>) => {
  defined++;
  const tag = `lazy-shown-${defined}`;
  const host = `lazy-host-${defined}`;
  let requests = 0;
  customElements.define(host, class extends LitElement {
    private readonly shown = new LazyElement(this, tag, () => { requests++; return load(tag); });
    protected override render() {
      return html`<section aria-label="Section">${this.shown.render(() => html`<p>${tag} is here</p>`, 'Loading…')}</section>`;
    }
  });
  const element = document.createElement(host) as LitElement;
  document.body.append(element);
  return { tag, element, requests: () => requests };
};

/** The element's module: defines it, as each element's define file does. */
const defineElement = (tag: string): void => {
  customElements.define(tag, class extends HTMLElement {});
};

describe('LazyElement', () => {
  it('says the section is loading until the element’s module arrives, then shows the element, asking for the module once', async () => {
    let arrive = (): void => undefined;
    const { tag, element, requests } = pageWithLazyElement((name) => new Promise<void>((resolve) => { arrive = () => { defineElement(name); resolve(); }; }));
    const section = page.getByRole('region', { name: 'Section' });
    await expect.element(section.getByRole('status')).toHaveTextContent('Loading…');
    element.requestUpdate();
    await element.updateComplete;
    arrive();
    await expect.element(section.getByText(`${tag} is here`)).toBeVisible();
    expect(section.getByRole('status').query()).toBeNull();
    expect(requests()).toBe(1);
    element.remove();
  });

  it('says why when the module cannot be loaded, and does not ask again at each render', async () => {
    const { element, requests } = pageWithLazyElement(async () => { throw new Error('Failed to fetch dynamically imported module'); });
    const section = page.getByRole('region', { name: 'Section' });
    await expect.element(section.getByRole('alert')).toHaveTextContent('Failed to fetch dynamically imported module');
    element.requestUpdate();
    await element.updateComplete;
    expect(requests()).toBe(1);
    expect(section.getByRole('status').query()).toBeNull();
    element.remove();
  });
});
