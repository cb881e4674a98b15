/**
 * Rendering a Preact view into jsdom for a test: `show(vnode)` mounts it in a fresh <div> (unmounting whatever the
 * test showed before), `$` / `$$` query inside it, and the view is unmounted after each test.
 */
import { afterEach } from 'vitest';
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';

let root: HTMLElement | null = null;

function unmount(): void {
  if (root) render(null, root);
  root?.remove();
  root = null;
}

afterEach(unmount);

export function show(vnode: ComponentChild): HTMLElement {
  unmount();
  root = document.createElement('div');
  document.body.appendChild(root);
  act(() => render(vnode, root!));
  return root;
}

export const $ = (sel: string) => root!.querySelector(sel) as HTMLElement | null;
export const $$ = (sel: string) => [...root!.querySelectorAll(sel)] as HTMLElement[];
