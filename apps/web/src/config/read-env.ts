/** One variable that is missing or wrong. */
export interface ConfigProblem {
  readonly variable: string;
  readonly message: string;
}

/** Checks a trimmed value; answers what is wrong with it, or undefined. */
export type ValueCheck = (value: string) => string | undefined;

/** Reads variables from one environment, collecting every problem, each naming its variable. */
export interface EnvReader {
  /** A required variable (missing or blank: a problem), checked when given a check. */
  readonly read: (variable: string, check?: ValueCheck) => string;
  /** An optional variable, `fallback` when missing or blank, checked when given a check. */
  readonly optional: (variable: string, fallback: string, check?: ValueCheck) => string;
  readonly problems: ConfigProblem[];
}

/**
 * A reader of build-time variables (`import.meta.env`) that trims values and collects problems
 * rather than stopping at the first.
 *
 * @example
 * const { read, problems } = envReader(import.meta.env);
 * const url = read('VITE_API_URL', httpUrl);
 * if (problems.length > 0) throw new WebConfigError(problems);
 */
export function envReader(env: Readonly<Record<string, unknown>>): EnvReader {
  const problems: ConfigProblem[] = [];
  const given = (variable: string) => {
    const value = env[variable];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const checked = (variable: string, value: string, check: ValueCheck | undefined) => {
    const message = check?.(value);
    if (message) problems.push({ variable, message });
    return value;
  };
  return {
    read(variable, check) {
      const value = given(variable);
      if (value === undefined) {
        problems.push({ variable, message: 'is not set' });
        return '';
      }
      return checked(variable, value, check);
    },
    optional(variable, fallback, check) {
      const value = given(variable);
      return value === undefined ? fallback : checked(variable, value, check);
    },
    problems,
  };
}

/**
 * The check of a URL variable: an absolute http or https URL.
 *
 * @example
 * httpUrl('ftp://example.com') // 'is not an http(s) URL'
 * httpUrl('http://127.0.0.1:3000') // undefined
 */
export function httpUrl(value: string): string | undefined {
  try {
    const { protocol } = new URL(value);
    if (protocol === 'https:' || protocol === 'http:') return undefined;
  } catch {
    // not a URL at all
  }
  return 'is not an http(s) URL';
}
