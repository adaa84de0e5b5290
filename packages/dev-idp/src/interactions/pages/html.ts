/** Markup that is already safe to send: built by {@link html} or {@link raw}. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for HTML content and double- or single-quoted attribute values.
 *
 * @example
 * escapeHtml('<b>"x"</b>') // '&lt;b&gt;&quot;x&quot;&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => entities[char] ?? char);
}

type Interpolation = SafeHtml | string | number | false | undefined | readonly Interpolation[];

function render(value: Interpolation): string {
  if (value === false || value === undefined) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/**
 * Template tag that escapes every interpolated value unless it is {@link SafeHtml};
 * `false` and `undefined` render nothing, arrays are joined.
 *
 * @example
 * html`<p>${'<script>'}</p>`.value // '<p>&lt;script&gt;</p>'
 */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  return new SafeHtml(
    strings.reduce((out, chunk, index) => out + chunk + render(values[index]), ''),
  );
}

/**
 * Marks markup that was produced elsewhere (e.g. a form oidc-provider built) as safe.
 *
 * @example
 * raw('<form id="op.logoutForm"></form>')
 */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
