// A small element builder. Text always goes in through textContent, never as HTML, because the
// function text comes from the user's document.

type Attributes = Record<string, string>;

/** Creates an element with a class, attributes and children (strings become text nodes). */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  attributes: Attributes = {},
  children: (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  if (className !== undefined && className !== '') {
    created.className = className;
  }
  for (const [name, value] of Object.entries(attributes)) {
    created.setAttribute(name, value);
  }
  created.append(...children);
  return created;
}
