import { relative } from 'node:path';
import { exportLine } from '../config/export-line';
import type { LocalConfig } from '../config/local-config';
import { repoRoot, templatePath } from '../config/repo-paths';
import type { Stack } from '../stack/start-stack';

/**
 * What `pnpm start` prints once everything is up: where things are, who can sign in, the calls
 * to make and, on other ports than the defaults, the `export` line of a second terminal.
 *
 * @example
 * console.log(banner(stack, config));
 */
export function banner(stack: Stack, config: LocalConfig): string {
  const { m2m } = stack.idp.config;
  const data = config.dataDir
    ? `data in ${relative(repoRoot, config.dataDir) || '.'}/`
    : 'in memory (--memory)';
  const users = stack.idp.demoUsers.map(
    (user) => `    ${user.email.padEnd(26)} ${user.password.padEnd(14)} ${user.name}`,
  );
  const exported = exportLine(config.ports, config.recordsDir);
  const template =
    config.templatePath === templatePath && Object.keys(config.parameterOverrides).length === 0
      ? []
      : [
          `  Template            ${relative(repoRoot, config.templatePath) || config.templatePath}${Object.entries(
            config.parameterOverrides,
          )
            .map(([name, value]) => ` ${name}=${value}`)
            .join('')}`,
        ];
  const debuggers =
    stack.inspectors.length === 0
      ? []
      : [
          '',
          `  Debuggers (--inspect): chrome://inspect (Configure: add each port), or node inspect 127.0.0.1:${stack.inspectors[0]?.port}`,
          ...stack.inspectors.map((at) => `    ${at.functionId.padEnd(26)} ${at.host}:${at.port}`),
        ];
  return [
    '',
    'Pet Store, secured: the local stack is up.',
    '',
    `  API, tokens         ${stack.apiUrl}    (Authorization: Bearer, Lambda authorizer)`,
    `  API, IAM            ${stack.iamApiUrl}    (SigV4-signed, AWS_IAM; region ${stack.region})`,
    `  API, partners       ${stack.partnerApiUrl}    (machine clients: Bearer token and x-api-key; read-only)`,
    `  Identity provider   ${stack.issuer}`,
    `  STS                 ${stack.stsUrl}    (AssumeRoleWithWebIdentity, GetCallerIdentity)`,
    `  SPA                 ${stack.webUrl}    (calls the ${stack.webApiMode === 'iam' ? 'IAM' : 'token'} API)`,
    `  DynamoDB            ${stack.dynamoEndpoint}  table ${stack.tableName}, ${data}${stack.seeded ? ', seeded' : ''}`,
    ...template,
    ...debuggers,
    '',
    '  Database connection (admins: add and remove pets):',
    ...users,
    '  Social connection (buyers): "Continue with Amazon (demo)", any display name and email.',
    `  Machine client: ${m2m.clientId} / ${m2m.clientSecret} (${m2m.permissions.join(' ')})`,
    '',
    '  Tokens for curl:       pnpm -s access-token admin | buyer | m2m',
    stack.apiKeysFile
      ? `  The partner API key:   pnpm -s api-key    (kept in ${relative(repoRoot, stack.apiKeysFile)})`
      : `  The partner API key:   ${stack.partnerApiKey}    (in memory only: --memory)`,
    `  A partner's call:      curl -H "Authorization: Bearer $(pnpm -s access-token m2m)" -H "x-api-key: ${stack.apiKeysFile ? '$(pnpm -s api-key)' : stack.partnerApiKey}" ${stack.partnerApiUrl}/pets`,
    '  AWS credentials:       eval "$(pnpm -s aws-credentials admin | buyer)"',
    stack.webApiMode === 'iam'
      ? '  The SPA on the token API: pnpm start (WEB_API_MODE=token, the default)'
      : '  The SPA on the IAM API:   WEB_API_MODE=iam pnpm start',
    ...(exported
      ? [
          '  Another terminal: pnpm access-token, invoke, api-key and aws-credentials find this stack;',
          `  the README's curl lines need its ports:   ${exported}`,
        ]
      : []),
    '  Ctrl-C stops everything.',
    '',
  ].join('\n');
}
