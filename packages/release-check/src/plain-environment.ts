/** Variables that pnpm, Turborepo and Vitest add for their scripts, and Node.js options (tsx's loader). */
const addedByTools = /^(npm_|pnpm_|turbo_|vitest)|^(node_options|test)$/i;

/**
 * The environment of a user's shell: this process's, less what the workspace's tools added
 * (pnpm hands its settings to scripts as `npm_config_*`, which npm would take for its own: without
 * them npm reads its own `.npmrc` files; `NODE_OPTIONS` could bring a loader along), so npm and
 * the packed commands run as they would outside the workspace. `NODE_ENV=test` (Vitest's) goes
 * too.
 *
 * @example
 * plainEnvironment({ PATH: '/bin', npm_config_user_agent: 'pnpm/10', NODE_OPTIONS: '--import tsx' })
 * // { PATH: '/bin' }
 */
export function plainEnvironment(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const plain: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) {
    if (addedByTools.test(name) || (name === 'NODE_ENV' && value === 'test')) continue;
    plain[name] = value;
  }
  return plain;
}
