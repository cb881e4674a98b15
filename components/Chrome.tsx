/** @jsxImportSource preact */
import type { ComponentChildren } from 'preact';

/** The product's mark and name, with the view's subtitle: the same in the popup and the report view. */
export function Brand({ name, sub }: { name: string; sub: string }) {
  return (
    <div class="brand">
      <span class="brand__logo" aria-hidden="true">核</span>
      <span class="brand__name">{name}</span>
      <span class="brand__sub">{sub}</span>
    </div>
  );
}

/** A state that stops the view: an icon, a title and what to do (children). */
export function ErrorState({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <div class="state state--error" role="alert">
      <div class="state__icon" aria-hidden="true">!</div>
      <h2>{title}</h2>
      {children}
    </div>
  );
}
