/** One thing wrong with the environment: the variable, and what is wrong with its value. */
export interface ConfigurationProblem {
  readonly variable: string;
  readonly message: string;
}

/**
 * Raised at cold start when a function's environment is wrong, by the API's handlers and the
 * authorizer alike. `code` is stable; the message is
 * `Invalid <component> configuration: VARIABLE: what is wrong; OTHER: ...`, naming each bad
 * variable (never its value's secrets: the messages say what is wrong, not what was there).
 */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
  readonly code = 'INVALID_CONFIGURATION';
  constructor(
    /** Whose configuration, in words: `API`, `authorizer`. */
    readonly component: string,
    readonly problems: readonly ConfigurationProblem[],
    options?: ErrorOptions,
  ) {
    super(
      `Invalid ${component} configuration: ${problems
        .map(({ variable, message }) => `${variable}: ${message}`)
        .join('; ')}`,
      options,
    );
  }

  /** The variables named, in order. */
  get variables(): readonly string[] {
    return this.problems.map((problem) => problem.variable);
  }
}

/** What a schema library reports per issue (zod's `issues`): where, and what is wrong. */
export interface SchemaIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/**
 * The problems of a failed environment parse: the variable is the issue's first path segment
 * (the environment is flat).
 *
 * @example
 * const result = schema.safeParse(process.env);
 * if (!result.success) throw new ConfigurationError('API', configurationProblems(result.error.issues));
 */
export function configurationProblems(
  issues: readonly SchemaIssue[],
): readonly ConfigurationProblem[] {
  return issues.map((issue) => ({ variable: String(issue.path[0] ?? ''), message: issue.message }));
}
