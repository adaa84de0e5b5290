/**
 * The partner API of infra/template.yaml: the read-only routes for machine clients, behind the
 * TOKEN authorizer and an API key of a usage plan (SAM `Auth.UsagePlan`, `PER_API`).
 */
export const partnerApiLogicalId = 'PartnerApi';

/**
 * The key SAM's `PER_API` plan generates for it (`<api-LogicalId>ApiKey`): the machine client's,
 * which `pnpm api-key` prints. AWS generates its value; locally the stack generates one.
 */
export const partnerApiKeyId = `${partnerApiLogicalId}ApiKey`;
