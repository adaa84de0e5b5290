/** A form found in a page: where it goes, how, and the values it would send as it stands. */
export interface HtmlForm {
  readonly action: string;
  readonly method: 'GET' | 'POST';
  /** Names and values of its inputs that carry a value (hidden fields, pre-filled inputs). */
  readonly fields: URLSearchParams;
}

const entities: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};
const decode = (text: string) => text.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => entities[e] ?? e);

function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    found.set((match[1] ?? '').toLowerCase(), decode(match[2] ?? match[3] ?? ''));
  }
  return found;
}

/**
 * Finds the form with the given `id` in a page the dev-idp (or oidc-provider) rendered. Not a
 * general HTML parser: enough for these pages, which are ours.
 *
 * @example
 * findForm(page.body, 'database-login')?.action // '/interaction/abc/login'
 */
export function findForm(html: string, id: string): HtmlForm | undefined {
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const attrs = attributes(match[1] ?? '');
    if (attrs.get('id') !== id) continue;
    const fields = new URLSearchParams();
    for (const input of (match[2] ?? '').matchAll(/<input\b([^>]*)>/gi)) {
      const inputAttrs = attributes(input[1] ?? '');
      const name = inputAttrs.get('name');
      const value = inputAttrs.get('value');
      if (name && value !== undefined) fields.set(name, value);
    }
    const method = attrs.get('method')?.toUpperCase() === 'POST' ? 'POST' : 'GET';
    return { action: attrs.get('action') ?? '', method, fields };
  }
  return undefined;
}

const text = (fragment: string) =>
  decode(fragment.replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();

/**
 * What a page says, for error messages: its `h1`, then its alert or first paragraph.
 *
 * @example
 * describePage(page.body) // 'Sign in to Pet Store: Wrong email or password.'
 */
export function describePage(html: string): string {
  const heading = /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(html)?.[1];
  const alert = /<[^>]+role="alert"[^>]*>([\s\S]*?)<\/(?:p|div)>/i.exec(html)?.[1];
  const paragraph = /<p\b[^>]*>([\s\S]*?)<\/p>/i.exec(html)?.[1];
  return [heading, alert ?? paragraph].flatMap((part) => (part ? [text(part)] : [])).join(': ');
}

/**
 * The text of the page's alert (`role="alert"`), if it shows one.
 *
 * @example
 * alertOf(page.body) // 'Wrong email or password.'
 */
export function alertOf(html: string): string | undefined {
  const alert = /<[^>]+role="alert"[^>]*>([\s\S]*?)<\/(?:p|div)>/i.exec(html)?.[1];
  return alert === undefined ? undefined : text(alert);
}
