import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** The SAM template the local stack runs (the one that deploys to AWS). */
export const templatePath = `${repoRoot}infra/template.yaml`;

/** Where local data lives unless `--memory` (git-ignored). */
export const defaultDataDir = `${repoRoot}.data`;
