import { attributeOf, elementsOf, type HtmlElement, parsePage, textOf } from './html-tree';

/** A form found in a page: where it goes, how, and the values it would send as it stands. */
export interface HtmlForm {
  readonly action: string;
  readonly method: 'GET' | 'POST';
  /**
   * Names and values its controls would submit as they stand: inputs that carry a `value`
   * attribute (hidden fields, pre-filled inputs; checkboxes and radios only when `checked`) and
   * textareas; disabled controls and buttons left out (a button only counts when pressed).
   */
  readonly fields: URLSearchParams;
}

const notSubmitted = new Set(['submit', 'button', 'image', 'reset', 'file']);

/** The form a control belongs to: its `form` attribute names it, else the form it sits in. */
function ownerOf(control: HtmlElement, forms: readonly HtmlElement[]): HtmlElement | undefined {
  const named = attributeOf(control, 'form');
  if (named !== undefined) return forms.find((form) => attributeOf(form, 'id') === named);
  for (let node = control.parentNode; node; node = 'parentNode' in node ? node.parentNode : null) {
    if ('tagName' in node && node.tagName === 'form') return node;
  }
  return undefined;
}

function submittedValue(control: HtmlElement): string | undefined {
  if (attributeOf(control, 'disabled') !== undefined) return undefined;
  if (control.tagName === 'textarea') return textOf(control);
  const type = (attributeOf(control, 'type') ?? 'text').toLowerCase();
  if (notSubmitted.has(type)) return undefined;
  if (type === 'checkbox' || type === 'radio') {
    return attributeOf(control, 'checked') === undefined
      ? undefined
      : (attributeOf(control, 'value') ?? 'on');
  }
  return attributeOf(control, 'value');
}

/**
 * Finds the form with the given `id` in a page the dev-idp (or oidc-provider) rendered, parsed
 * with a real HTML parser (parse5): attributes in any order and any quoting, entities, comments
 * and templates are read as a browser reads them. With several forms of that id, the first wins
 * (as `document.getElementById`).
 *
 * @example
 * findForm(page.body, 'database-login')?.action // '/interaction/abc/login'
 */
export function findForm(html: string, id: string): HtmlForm | undefined {
  const elements = [...elementsOf(parsePage(html))];
  const forms = elements.filter((element) => element.tagName === 'form');
  const form = forms.find((candidate) => attributeOf(candidate, 'id') === id);
  if (!form) return undefined;
  const fields = new URLSearchParams();
  for (const control of elements) {
    if (control.tagName !== 'input' && control.tagName !== 'textarea') continue;
    const name = attributeOf(control, 'name');
    const value = submittedValue(control);
    if (name && value !== undefined && ownerOf(control, forms) === form) fields.append(name, value);
  }
  const method = attributeOf(form, 'method')?.toUpperCase() === 'POST' ? 'POST' : 'GET';
  return { action: attributeOf(form, 'action') ?? '', method, fields };
}

const firstText = (elements: readonly HtmlElement[], test: (element: HtmlElement) => boolean) => {
  const found = elements.find(test);
  return found && textOf(found);
};

const isAlert = (element: HtmlElement) =>
  (attributeOf(element, 'role') ?? '').toLowerCase().split(/\s+/).includes('alert');

/**
 * What a page says, for error messages: its `h1`, then its alert or first paragraph.
 *
 * @example
 * describePage(page.body) // 'Sign in to Pet Store: Wrong email or password.'
 */
export function describePage(html: string): string {
  const elements = [...elementsOf(parsePage(html))];
  const heading = firstText(elements, (element) => element.tagName === 'h1');
  const detail =
    firstText(elements, isAlert) ?? firstText(elements, (element) => element.tagName === 'p');
  return [heading, detail].filter((part): part is string => Boolean(part)).join(': ');
}

/**
 * The text of the page's alert (the first element with `role="alert"`), if it shows one.
 *
 * @example
 * alertOf(page.body) // 'Wrong email or password.'
 */
export function alertOf(html: string): string | undefined {
  return firstText([...elementsOf(parsePage(html))], isAlert);
}
