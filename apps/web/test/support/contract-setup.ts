import { type ContractDocument, loadContract } from '@petstore/api-contract/document';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The API contract (`openapi.yaml`), parsed. */
    contract: ContractDocument;
  }
}

/**
 * Vitest global setup: parses the API contract once, in Node (component tests run in happy-dom,
 * where the contract package cannot find its file), and hands it to every test file (`inject`).
 *
 * @example
 * // vite.config.ts: test: { globalSetup: ['test/support/contract-setup.ts'] }
 * const contract = inject('contract');
 */
export default function provideContract(project: TestProject): void {
  project.provide('contract', loadContract());
}
