import { type DefaultTreeAdapterTypes, parse } from 'parse5';

/** An element of a page parsed by parse5 (the WHATWG HTML parsing algorithm). */
export type HtmlElement = DefaultTreeAdapterTypes.Element;
type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.ParentNode;

const isElement = (node: Node): node is HtmlElement => 'tagName' in node;

/**
 * Parses a whole page as a browser would: entities decoded, comments and `<template>` contents
 * kept out of the document, misnested or repeated tags repaired by the HTML parsing rules.
 *
 * @example
 * const page = parsePage('<form id=a></form>');
 */
export function parsePage(markup: string): DefaultTreeAdapterTypes.Document {
  return parse(markup);
}

/**
 * Every element under `root`, in document order (`<template>` contents are not in the document,
 * so they are not visited, as a browser's `querySelectorAll` would not).
 *
 * @example
 * const forms = [...elementsOf(parsePage(markup))].filter((element) => element.tagName === 'form');
 */
export function* elementsOf(root: Node): Generator<HtmlElement> {
  if (!('childNodes' in root)) return;
  for (const child of root.childNodes) {
    if (!isElement(child)) continue;
    yield child;
    yield* elementsOf(child);
  }
}

/**
 * The value of an attribute (names are lowercased by the parser), or `undefined`.
 *
 * @example
 * attributeOf(form, 'action') // '/interaction/abc/login'
 */
export function attributeOf(element: HtmlElement, name: string): string | undefined {
  return element.attrs.find((attribute) => attribute.name === name)?.value;
}

/** Elements that do not break a line of text: their text joins their neighbours' without a space. */
const phrasing = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'dfn',
  'em',
  'i',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
]);

function collectText(node: Node, parts: string[]): void {
  if (node.nodeName === '#text' && 'value' in node) parts.push(node.value);
  if (!('childNodes' in node)) return;
  const separate = isElement(node) && !phrasing.has(node.tagName);
  if (separate) parts.push(' ');
  for (const child of node.childNodes) collectText(child, parts);
  if (separate) parts.push(' ');
}

/**
 * The text a person reads in an element: entities decoded, whitespace collapsed, block-level
 * children (list items, paragraphs) separated by a space.
 *
 * @example
 * textOf(alert) // 'Enter a display name. Enter an email address like name@example.com.'
 */
export function textOf(element: HtmlElement): string {
  const parts: string[] = [];
  for (const child of element.childNodes) collectText(child, parts);
  return parts.join('').replace(/\s+/g, ' ').trim();
}
